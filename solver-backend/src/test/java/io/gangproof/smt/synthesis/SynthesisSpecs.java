package io.gangproof.smt.synthesis;

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
import io.gangproof.spec.Property;
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
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

/** Seeded random partitioned specs with levels and pipelines left to choose (test and bench input). */
final class SynthesisSpecs {
    private SynthesisSpecs() {
    }

    /**
     * A {@link #random} spec with its sizes drawn too: fp (edf one time in three), {@code minTasks}
     * to {@code minTasks + taskSpread - 1} tasks on 2 to {@code 1 + tpuSpread} TPUs, declared
     * pipelines one time in three, load from {@code minLoad} to {@code minLoad + 0.6}.
     */
    static SystemSpec drawn(Random rnd, int minTasks, int taskSpread, int tpuSpread, double minLoad) {
        Policy policy = rnd.nextInt(3) == 0 ? Policy.EDF : Policy.FP;
        int n = minTasks + rnd.nextInt(taskSpread);
        int m = 2 + rnd.nextInt(tpuSpread);
        return random(rnd, n, m, policy, rnd.nextInt(3) == 0, minLoad + 0.6 * rnd.nextDouble());
    }

    /**
     * {@code n} tasks on {@code m} TPUs. Latency tables fall with {@code k} (compute split) plus a
     * per-hop cost, sometimes rising again; some DNNs are shared and have a reload; some jitter;
     * each task allows a random non-empty subset of levels; with {@code declared}, a declared
     * pipeline of the first TPUs carries one fixed task. {@code load}: level-1 utilisation summed
     * over tasks, divided by {@code m}.
     */
    static SystemSpec random(Random rnd, int n, int m, Policy policy, boolean declared, double load) {
        int dnnCount = Math.max(1, n - rnd.nextInt(Math.max(1, n / 2)));
        List<Dnn> dnns = new ArrayList<>();
        for (int d = 0; d < dnnCount; d++) {
            long c1 = 2 + rnd.nextInt(30);
            long hop = rnd.nextInt(3);
            TreeMap<Integer, Latency> table = new TreeMap<>();
            for (int k = 1; k <= m; k++) {
                long w = Math.max(1, (c1 + k - 1) / k + hop * (k - 1) + (rnd.nextInt(4) == 0 ? rnd.nextInt(3) : 0));
                long b = rnd.nextInt(3) == 0 ? 1 + rnd.nextInt((int) w) : w;
                table.put(k, new Latency(b, w));
            }
            long reload = rnd.nextInt(4) == 0 ? 1 + rnd.nextInt(3) : 0;
            dnns.add(new Dnn("d" + d, 1_000, reload, false, List.of(new DnnExit(DnnExit.SINGLE, table))));
        }
        List<Integer> prios = new ArrayList<>();
        for (int x = 1; x <= n; x++) {
            prios.add(x);
        }
        Collections.shuffle(prios, rnd);
        List<Pipeline> pipelines = new ArrayList<>();
        int fixedSize = 0;
        if (declared && m >= 2) {
            fixedSize = 1 + rnd.nextInt(m / 2);
            List<Integer> tpus = new ArrayList<>();
            for (int x = 0; x < fixedSize; x++) {
                tpus.add(x);
            }
            pipelines.add(new Pipeline("p0", tpus));
        }
        List<Task> tasks = new ArrayList<>();
        for (int x = 0; x < n; x++) {
            Dnn dnn = dnns.get(rnd.nextInt(dnnCount));
            long c1 = dnn.wcet(1);
            // share of the load: uniform-ish, so the level-1 utilisation sums to about load * m
            double u = Math.max(0.02, load * m / n * (0.4 + 1.2 * rnd.nextDouble()));
            long period = Math.max(c1 + 1, Math.round(c1 / u));
            long deadline = rnd.nextInt(3) == 0 ? Math.max(1, period - rnd.nextInt((int) (period / 2) + 1)) : period;
            long jitter = rnd.nextInt(5) == 0 ? 1 + rnd.nextInt(3) : 0;
            Arrival arrival = rnd.nextBoolean() ? new Arrival.Sporadic(period) : new Arrival.PeriodicAnyOffset(period);
            boolean fixed = fixedSize > 0 && x == 0;
            TreeSet<Integer> levels = new TreeSet<>();
            if (fixed) {
                levels.add(fixedSize);
            } else {
                for (int k = 1; k <= m; k++) {
                    if (rnd.nextInt(3) != 0) {
                        levels.add(k);
                    }
                }
                if (levels.isEmpty()) {
                    levels.add(1 + rnd.nextInt(m));
                }
            }
            Binding b = fixed ? new Binding.OnPipeline("p0") : new Binding.ChoosePipeline();
            tasks.add(new Task("t" + x, dnn, arrival, deadline, jitter, prios.get(x), levels, b));
        }
        Map<String, Dnn> used = new LinkedHashMap<>();
        for (Task t : tasks) {
            used.put(t.dnn().name(), t.dnn());
        }
        return new SystemSpec("random_synthesis", Resolution.DEFAULT, new Platform(m, 8 << 20, pipelines),
                new ArrayList<>(used.values()), tasks,
                new Scheduler(Placement.PARTITIONED, policy, Protocol.GANG_STRICT),
                List.of(new Property.Deadlines(Optional.empty())), Exploration.DEFAULTS);
    }

    /** As {@link #random}, under {@code global fp with protocol}: every task on any TPUs, its level left among its subset. */
    static SystemSpec global(Random rnd, int n, int m, Protocol protocol, double load) {
        SystemSpec p = random(rnd, n, m, Policy.FP, false, load);
        List<Task> tasks = new ArrayList<>();
        for (Task t : p.tasks()) {
            tasks.add(new Task(t.name(), t.dnn(), t.arrival(), t.deadline(), t.jitter(), t.priority(), t.levels(),
                    new Binding.AnyTpus()));
        }
        return new SystemSpec("random_global", p.resolution(), new Platform(m, p.platform().cacheBytes(), List.of()),
                p.dnns(), tasks, new Scheduler(Placement.GLOBAL, Policy.FP, protocol), p.properties(), p.exploration());
    }

    /**
     * As {@link #random}, under {@code pinned fp with protocol}: the first task pinned to a random
     * list of the size of one of its levels when {@code oneFixed}, every other task {@code pinned any}
     * among its subset of levels.
     */
    static SystemSpec pinned(Random rnd, int n, int m, Protocol protocol, boolean oneFixed, double load) {
        SystemSpec p = random(rnd, n, m, Policy.FP, false, load);
        List<Task> tasks = new ArrayList<>();
        for (Task t : p.tasks()) {
            Binding b = new Binding.ChoosePipeline();
            TreeSet<Integer> levels = new TreeSet<>(t.levels());
            if (oneFixed && tasks.isEmpty()) {
                int k = new ArrayList<>(levels).get(rnd.nextInt(levels.size()));
                List<Integer> all = new ArrayList<>();
                for (int x = 0; x < m; x++) {
                    all.add(x);
                }
                Collections.shuffle(all, rnd);
                b = new Binding.Pinned(all.subList(0, k));
                levels = new TreeSet<>(List.of(k));
            }
            tasks.add(new Task(t.name(), t.dnn(), t.arrival(), t.deadline(), t.jitter(), t.priority(), levels, b));
        }
        return new SystemSpec("random_pinned", p.resolution(), new Platform(m, p.platform().cacheBytes(), List.of()),
                p.dnns(), tasks, new Scheduler(Placement.PINNED, Policy.FP, protocol), p.properties(), p.exploration());
    }
}
