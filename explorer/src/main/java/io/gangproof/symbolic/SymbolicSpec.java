package io.gangproof.symbolic;

import io.gangproof.scheduler.ExecutableSpec;
import io.gangproof.spec.Arrival;
import io.gangproof.spec.DnnExit;
import io.gangproof.spec.Latency;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Property;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A spec in the flat form the symbolic engine reads, with the properties to check and
 * their numeric bounds. Everything here is fixed for a search; states only hold what varies.
 */
final class SymbolicSpec {
    enum ArrivalKind { KNOWN_OFFSET, UNKNOWN_OFFSET, SPORADIC }

    enum Check { DEADLINES, RESPONSE, INVERSION, OVERTAKES, DEADLOCK }

    /** One property: {@code task} is -1 for all tasks; {@code bound} is R, B or N. */
    record Prop(Property property, Check check, int task, long bound) {
    }

    final SystemSpec spec;
    final ExecutableSpec exec;
    final int tasks;
    final int tpus;
    final Policy policy;
    final Protocol protocol;
    final boolean perTpu;
    final boolean strict;
    final boolean global;
    final ArrivalKind[] kind;
    final long[] period;
    final long[] offset;
    final long[] jitter;
    final long[] deadline;
    final int[] priority;
    final int[] level;
    final long[] eligible;
    final int[][] fixedTpus;
    final int[][] lockOrder;
    final int[] dnn;
    final long[] reload;
    final boolean anyReload;
    final int[] strictQueue;
    final int strictQueues;
    /** Per task, the integer intervals of its exits at its level, merged where they touch: {lo, hi} pairs. */
    final long[][][] intervals;
    final List<Prop> props;
    /** The extrapolation bound of every job age (docs/symbolic.md §6). */
    final long ageBound;

    SymbolicSpec(SystemSpec spec, List<Property> properties, Map<Property, Long> bounds, long horizon) {
        this.spec = spec;
        this.exec = ExecutableSpec.of(spec);
        tasks = spec.tasks().size();
        tpus = spec.platform().tpus();
        policy = spec.scheduler().policy();
        protocol = spec.scheduler().protocol();
        perTpu = protocol.perTpu();
        strict = protocol == Protocol.GANG_STRICT;
        global = exec.boundTpus(0).length == 0;
        kind = new ArrivalKind[tasks];
        period = new long[tasks];
        offset = new long[tasks];
        jitter = new long[tasks];
        deadline = new long[tasks];
        priority = new int[tasks];
        level = new int[tasks];
        eligible = new long[tasks];
        fixedTpus = new int[tasks][];
        lockOrder = new int[tasks][];
        dnn = new int[tasks];
        reload = new long[tasks];
        strictQueue = new int[tasks];
        intervals = new long[tasks][][];
        boolean reloads = false;
        int queues = 1;
        long maxD = 0;
        long maxJ = 0;
        for (int i = 0; i < tasks; i++) {
            Task t = spec.tasks().get(i);
            Arrival a = t.arrival();
            period[i] = a.period();
            if (a instanceof Arrival.Periodic p) {
                kind[i] = ArrivalKind.KNOWN_OFFSET;
                offset[i] = p.offset();
            } else if (a instanceof Arrival.PeriodicAnyOffset) {
                kind[i] = ArrivalKind.UNKNOWN_OFFSET;
            } else {
                kind[i] = ArrivalKind.SPORADIC;
            }
            jitter[i] = t.jitter();
            deadline[i] = t.deadline();
            maxD = Math.max(maxD, deadline[i]);
            maxJ = Math.max(maxJ, jitter[i]);
            priority[i] = t.priority();
            level[i] = exec.level(i);
            fixedTpus[i] = exec.boundTpus(i);
            lockOrder[i] = exec.lockOrder(i);
            for (int tpu : exec.eligibleTpus(i)) {
                eligible[i] |= 1L << tpu;
            }
            dnn[i] = exec.dnnIndex(i);
            reload[i] = exec.reload(i);
            reloads |= reload[i] > 0;
            strictQueue[i] = exec.strictQueue(i);
            queues = Math.max(queues, strictQueue[i] + 1);
            intervals[i] = merged(t, level[i]);
        }
        anyReload = reloads;
        strictQueues = queues;
        List<Prop> ps = new ArrayList<>();
        long maxR = 0;
        for (Property p : properties) {
            Prop prop = prop(p, bounds);
            if (prop != null) {
                ps.add(prop);
                if (prop.check == Check.RESPONSE) {
                    maxR = Math.max(maxR, prop.bound);
                }
            }
        }
        props = List.copyOf(ps);
        ageBound = Math.max(Math.max(horizon, Math.addExact(maxR, 1)), Math.max(maxD + 1, maxJ));
    }

    private Prop prop(Property p, Map<Property, Long> bounds) {
        if (p instanceof Property.Deadlines d) {
            return new Prop(p, Check.DEADLINES, d.task().map(this::taskIndex).orElse(-1), 0);
        }
        if (p instanceof Property.DeadlockFree) {
            return new Prop(p, Check.DEADLOCK, -1, 0);
        }
        Long bound = numeric(p, bounds);
        if (bound == null) {
            return null;
        }
        int task = taskIndex(p.task().orElseThrow());
        if (p instanceof Property.Response) {
            return new Prop(p, Check.RESPONSE, task, bound);
        }
        if (p instanceof Property.Inversion) {
            return new Prop(p, Check.INVERSION, task, bound);
        }
        return new Prop(p, Check.OVERTAKES, task, bound);
    }

    private static Long numeric(Property p, Map<Property, Long> bounds) {
        return p.declaredBound().filter(b -> b instanceof io.gangproof.spec.Bound.Value)
                .map(b -> ((io.gangproof.spec.Bound.Value) b).value()).orElse(bounds.get(p));
    }

    /**
     * The largest constant an upper-bound comparison of the age of a job of {@code task}
     * uses when a later job arrives (docs/symbolic.md §3): FIFO compares with 0, EDF with
     * {@code D_task - D_i}; fixed priority compares nothing ({@link Dbm#NONE}).
     */
    long orderBound(int task) {
        if (policy == Policy.FIFO) {
            return 0;
        }
        if (policy != Policy.EDF) {
            return Dbm.NONE;
        }
        long b = Dbm.NONE;
        for (int i = 0; i < tasks; i++) {
            b = Math.max(b, deadline[task] - deadline[i]);
        }
        return b;
    }

    int taskIndex(String name) {
        return exec.taskIndex(name);
    }

    /** Integer intervals of the union of the exits' intervals, merged when they overlap or touch. */
    private static long[][] merged(Task t, int k) {
        List<long[]> list = new ArrayList<>();
        for (DnnExit e : t.dnn().exits()) {
            Latency l = e.table().get(k);
            list.add(new long[] {l.bcet(), l.wcet()});
        }
        list.sort((a, b) -> Long.compare(a[0], b[0]));
        List<long[]> out = new ArrayList<>();
        for (long[] iv : list) {
            long[] last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && iv[0] <= last[1] + 1) {
                last[1] = Math.max(last[1], iv[1]);
            } else {
                out.add(iv.clone());
            }
        }
        return out.toArray(new long[0][]);
    }

    /** The first exit of the task whose interval at its level contains {@code e}. */
    String exitFor(int task, long e) {
        Task t = spec.tasks().get(task);
        for (DnnExit x : t.dnn().exits()) {
            Latency l = x.table().get(level[task]);
            if (l.bcet() <= e && e <= l.wcet()) {
                return x.name();
            }
        }
        throw new IllegalStateException("no exit of task " + t.name() + " allows execution time " + e);
    }

    String name(int task) {
        return spec.tasks().get(task).name();
    }

    int nameRank(int task) {
        return exec.nameRank(task);
    }
}
