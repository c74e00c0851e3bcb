package io.gangproof.symbolic.cert;

import io.gangproof.scheduler.ExecutableSpec;
import io.gangproof.spec.Arrival;
import io.gangproof.spec.DnnExit;
import io.gangproof.spec.Latency;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * The spec as the certificate checker reads it, straight from the spec and the reference
 * scheduler's reading of it ({@link ExecutableSpec}: levels, eligible TPUs, lock orders, reload
 * per DNN, strict queues), never from the certificate or the engine.
 */
final class CheckedModel {
    final int tasks;
    final int tpus;
    final Policy policy;
    final boolean perTpu;
    final boolean strict;
    final boolean global;
    final boolean[] known;
    final boolean[] sporadic;
    final long[] period;
    final long[] offset;
    final long[] jitter;
    final long[] deadline;
    final int[] priority;
    final int[] level;
    final long[] eligible;
    final int[][] fixed;
    final int[][] lockOrder;
    final int[] dnn;
    final long[] reload;
    final boolean reloads;
    final int[] queue;
    final int queues;
    /** Per task whether an inversion property concerns it (every inversion property shapes the states). */
    final boolean[] tracksInversion;
    /** Per task the execution times its exits allow at its level, as disjoint integer intervals. */
    final long[][][] execution;

    CheckedModel(SystemSpec spec, List<ZoneGraphFile.Prop> props) {
        ExecutableSpec x = ExecutableSpec.of(spec);
        tasks = spec.tasks().size();
        tpus = spec.platform().tpus();
        policy = spec.scheduler().policy();
        Protocol protocol = spec.scheduler().protocol();
        perTpu = protocol.perTpu();
        strict = protocol == Protocol.GANG_STRICT;
        global = spec.scheduler().placement() == Placement.GLOBAL;
        known = new boolean[tasks];
        sporadic = new boolean[tasks];
        period = new long[tasks];
        offset = new long[tasks];
        jitter = new long[tasks];
        deadline = new long[tasks];
        priority = new int[tasks];
        level = new int[tasks];
        eligible = new long[tasks];
        fixed = new int[tasks][];
        lockOrder = new int[tasks][];
        dnn = new int[tasks];
        reload = new long[tasks];
        queue = new int[tasks];
        execution = new long[tasks][][];
        tracksInversion = new boolean[tasks];
        for (ZoneGraphFile.Prop p : props) {
            if (p.check() == ZoneGraphFile.Check.INVERSION && p.task() >= 0 && p.task() < tasks) {
                tracksInversion[p.task()] = true;
            }
        }
        boolean anyReload = false;
        int q = 1;
        for (int i = 0; i < tasks; i++) {
            Task t = spec.tasks().get(i);
            Arrival a = t.arrival();
            period[i] = a.period();
            known[i] = a instanceof Arrival.Periodic;
            sporadic[i] = !(a instanceof Arrival.Periodic) && !(a instanceof Arrival.PeriodicAnyOffset);
            offset[i] = a instanceof Arrival.Periodic p ? p.offset() : 0;
            jitter[i] = t.jitter();
            deadline[i] = t.deadline();
            priority[i] = t.priority();
            level[i] = x.level(i);
            for (int tpu : x.eligibleTpus(i)) {
                eligible[i] |= 1L << tpu;
            }
            fixed[i] = x.boundTpus(i);
            lockOrder[i] = x.lockOrder(i);
            dnn[i] = x.dnnIndex(i);
            reload[i] = x.reload(i);
            anyReload |= reload[i] > 0;
            queue[i] = x.strictQueue(i);
            q = Math.max(q, queue[i] + 1);
            execution[i] = intervals(t, level[i]);
        }
        reloads = anyReload;
        queues = q;
    }

    /** The union of the exits' [bcet, wcet] as disjoint integer intervals, sorted (touching ones joined). */
    private static long[][] intervals(Task t, int k) {
        List<long[]> all = new ArrayList<>();
        for (DnnExit e : t.dnn().exits()) {
            Latency l = e.table().get(k);
            all.add(new long[] {l.bcet(), l.wcet()});
        }
        all.sort((u, v) -> Long.compare(u[0], v[0]));
        List<long[]> out = new ArrayList<>();
        for (long[] iv : all) {
            if (!out.isEmpty() && iv[0] - 1 <= out.get(out.size() - 1)[1]) {
                long[] last = out.get(out.size() - 1);
                last[1] = Math.max(last[1], iv[1]);
            } else {
                out.add(iv.clone());
            }
        }
        return out.toArray(new long[0][]);
    }

    /** Whether tasks' priorities are pairwise different (the checker's pending order relies on it). */
    boolean distinctPriorities() {
        for (int i = 0; i < tasks; i++) {
            for (int j = i + 1; j < tasks; j++) {
                if (priority[i] == priority[j]) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Under EDF a later absolute deadline: later in pending order and not tied all the way; else a lower priority. */
    boolean lower(List<ZoneGraphFile.Job> jobs, int q, int l) {
        if (policy != Policy.EDF) {
            return priority[jobs.get(l).task()] > priority[jobs.get(q).task()];
        }
        for (int k = q + 1; k <= l; k++) {
            if (!jobs.get(k).tie()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the waiting job at {@code q} suffers inversion: a lower-priority job runs on one of its eligible TPUs. */
    boolean suffers(List<ZoneGraphFile.Job> jobs, int q) {
        long mine = eligible[jobs.get(q).task()];
        for (int l = 0; l < jobs.size(); l++) {
            ZoneGraphFile.Job j = jobs.get(l);
            if (j.status() == ZoneGraphFile.Status.RUNNING && (j.held() & mine) != 0 && lower(jobs, q, l)) {
                return true;
            }
        }
        return false;
    }

    int z() {
        return 1;
    }

    int taskClock(int i) {
        return 2 + i;
    }

    int age(int q) {
        return 2 + tasks + 2 * q;
    }

    int phase(int q) {
        return 3 + tasks + 2 * q;
    }
}
