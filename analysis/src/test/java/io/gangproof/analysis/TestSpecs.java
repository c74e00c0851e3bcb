package io.gangproof.analysis;

import io.gangproof.spec.Arrival;
import io.gangproof.spec.Binding;
import io.gangproof.spec.Dnn;
import io.gangproof.spec.DnnExit;
import io.gangproof.spec.Exploration;
import io.gangproof.spec.Latency;
import io.gangproof.spec.Pipeline;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Platform;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.Resolution;
import io.gangproof.spec.Scheduler;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

/** Small builders for hand-written and random specs in tests. */
final class TestSpecs {
    private TestSpecs() {
    }

    static Dnn dnn(String name, long reload, Map<Integer, Latency> table) {
        return new Dnn(name, 1_000, reload, false, List.of(new DnnExit(DnnExit.SINGLE, new TreeMap<>(table))));
    }

    /** A DNN with the same exact latency {@code c} for every k in 1..m. */
    static Dnn flat(String name, long c, long reload, int m) {
        Map<Integer, Latency> table = new TreeMap<>();
        for (int k = 1; k <= m; k++) {
            table.put(k, Latency.exactly(c));
        }
        return dnn(name, reload, table);
    }

    static Task task(String name, Dnn dnn, Arrival arrival, long d, long j, int prio, int k, Binding b) {
        return new Task(name, dnn, arrival, d, j, prio, new TreeSet<>(List.of(k)), b);
    }

    static SystemSpec spec(String name, int m, List<Pipeline> pipelines, List<Task> tasks, Scheduler s) {
        Map<String, Dnn> dnns = new LinkedHashMap<>();
        for (Task t : tasks) {
            dnns.put(t.dnn().name(), t.dnn());
        }
        return new SystemSpec(name, Resolution.DEFAULT, new Platform(m, 8 << 20, pipelines),
                new ArrayList<>(dnns.values()), tasks, s, List.of(), Exploration.DEFAULTS);
    }

    static Scheduler scheduler(Placement p, Policy po, Protocol pr) {
        return new Scheduler(p, po, pr);
    }

    /**
     * A small random spec: 1..4 TPUs, 1..5 tasks, small times so that brute force sees the worst
     * cases, some shared DNNs with reloads, jitter, all three arrival models.
     */
    static SystemSpec random(Random rnd, Scheduler s) {
        return random(rnd, s, s.placement() != Placement.PARTITIONED ? 4 : 3, s.placement() != Placement.PARTITIONED ? 4 : 5);
    }

    /** As above with up to {@code maxTpus} TPUs and {@code maxTasks} tasks. */
    static SystemSpec random(Random rnd, Scheduler s, int maxTpus, int maxTasks) {
        int m = 1 + rnd.nextInt(maxTpus);
        List<Pipeline> pipelines = new ArrayList<>();
        if (s.placement() == Placement.PARTITIONED) {
            if (m >= 2 && rnd.nextBoolean()) {
                int cut = 1 + rnd.nextInt(m - 1);
                List<Integer> a = new ArrayList<>();
                List<Integer> b = new ArrayList<>();
                for (int x = 0; x < m; x++) {
                    (x < cut ? a : b).add(x);
                }
                pipelines.add(new Pipeline("p0", a));
                pipelines.add(new Pipeline("p1", b));
            } else {
                List<Integer> all = new ArrayList<>();
                for (int x = 0; x < m; x++) {
                    all.add(x);
                }
                pipelines.add(new Pipeline("p0", all));
            }
        }
        int n = 1 + rnd.nextInt(maxTasks);
        int dnnCount = 1 + rnd.nextInt(n);
        List<Dnn> dnns = new ArrayList<>();
        for (int d = 0; d < dnnCount; d++) {
            Map<Integer, Latency> table = new TreeMap<>();
            for (int k = 1; k <= m; k++) {
                long w = 1 + rnd.nextInt(5);
                long b = rnd.nextInt(3) == 0 ? 1 + rnd.nextInt((int) w) : w;
                table.put(k, new Latency(b, w));
            }
            long reload = rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(3) : 0;
            dnns.add(dnn("d" + d, reload, table));
        }
        List<Integer> prios = new ArrayList<>();
        for (int x = 1; x <= n; x++) {
            prios.add(x);
        }
        Collections.shuffle(prios, rnd);
        List<Task> tasks = new ArrayList<>();
        for (int x = 0; x < n; x++) {
            Dnn dnn = dnns.get(rnd.nextInt(dnnCount));
            int k;
            Binding b;
            if (s.placement() == Placement.PARTITIONED) {
                Pipeline p = pipelines.get(rnd.nextInt(pipelines.size()));
                k = p.size();
                b = new Binding.OnPipeline(p.name());
            } else if (s.placement() == Placement.PINNED) {
                List<Integer> all = new ArrayList<>();
                for (int t = 0; t < m; t++) {
                    all.add(t);
                }
                Collections.shuffle(all, rnd);
                k = 1 + rnd.nextInt(m);
                b = new Binding.Pinned(all.subList(0, k));
            } else {
                k = 1 + rnd.nextInt(m);
                b = new Binding.AnyTpus();
            }
            long c = dnn.wcet(k) + dnn.reload();
            long period = c + 1 + rnd.nextInt((int) (c * (2 + n) + 6));
            long deadline = rnd.nextBoolean() ? period : Math.max(1, period - rnd.nextInt((int) period));
            long jitter = rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(3) : 0;
            Arrival arrival;
            int kind = rnd.nextInt(3);
            if (kind == 0) {
                arrival = new Arrival.Periodic(period, rnd.nextInt((int) period));
            } else if (kind == 1) {
                arrival = new Arrival.PeriodicAnyOffset(period);
            } else {
                arrival = new Arrival.Sporadic(period);
            }
            tasks.add(task("t" + x, dnn, arrival, deadline, jitter, prios.get(x), k, b));
        }
        return spec("random", m, pipelines, tasks, s);
    }

    /**
     * {@code spec} with release jitter on every task, mostly the largest that still leaves the
     * task a bound ({@code J = D - C}, the tightest window), else 1..3: the specs where jitter
     * terms of a test decide (docs/analysis.md §6c).
     */
    static SystemSpec jittered(Random rnd, SystemSpec spec) {
        List<Task> tasks = new ArrayList<>();
        for (Task t : spec.tasks()) {
            long room = t.deadline() - t.wcet() - t.dnn().reload();
            long j = room >= 1 && rnd.nextInt(3) > 0 ? 1 + rnd.nextInt((int) room) : 1 + rnd.nextInt(3);
            tasks.add(new Task(t.name(), t.dnn(), t.arrival(), t.deadline(), j, t.priority(), t.levels(), t.binding()));
        }
        return spec(spec.name(), spec.platform().tpus(), spec.platform().pipelines(), tasks, spec.scheduler());
    }
}
