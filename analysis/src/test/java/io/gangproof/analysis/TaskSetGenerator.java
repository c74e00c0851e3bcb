package io.gangproof.analysis;

import io.gangproof.spec.Arrival;
import io.gangproof.spec.Binding;
import io.gangproof.spec.Dnn;
import io.gangproof.spec.Latency;
import io.gangproof.spec.Pipeline;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.Scheduler;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Random task sets for benchmarks and comparison tables (not for soundness: see
 * {@link TestSpecs#random}). Integer-only: a utilisation target in per-mille is cut at random
 * integer points (an integer analogue of UUniFast, Bini &amp; Buttazzo 2005), periods are
 * 1..100 ms in 1 us ticks, deadlines in [T/2, T] or T, priorities deadline-monotonic.
 */
final class TaskSetGenerator {
    private TaskSetGenerator() {
    }

    /** Per-mille shares summing to {@code total}, {@code n} of them. */
    static long[] shares(Random rnd, int n, long total) {
        long[] cuts = new long[n + 1];
        for (int x = 1; x < n; x++) {
            cuts[x] = (long) rnd.nextInt((int) total + 1);
        }
        cuts[n] = total;
        Arrays.sort(cuts, 1, n);
        long[] out = new long[n];
        for (int x = 0; x < n; x++) {
            out[x] = cuts[x + 1] - cuts[x];
        }
        return out;
    }

    record Gen(int tpus, int widths, boolean constrained) {
    }

    /**
     * {@code n} gang tasks of width 1..maxWidth with total TPU-time utilisation
     * {@code perMille / 1000 * m}, as a global spec with the given scheduler.
     */
    static SystemSpec global(Random rnd, int m, int n, int maxWidth, long perMillePerTpu, Scheduler s,
            boolean constrained) {
        return global(rnd, m, n, maxWidth, perMillePerTpu, s, constrained, 1, 100);
    }

    /** As above with periods of {@code minMs..maxMs} milliseconds. */
    static SystemSpec global(Random rnd, int m, int n, int maxWidth, long perMillePerTpu, Scheduler s,
            boolean constrained, int minMs, int maxMs) {
        return global(rnd, m, n, 1, maxWidth, perMillePerTpu, s, constrained, minMs, maxMs);
    }

    /** A serialised set (docs/analysis.md §5e): every width in {@code m/2+1..m}, periods of 1..100 ms. */
    static SystemSpec serialised(Random rnd, int m, int n, long perMillePerTpu, Scheduler s) {
        return global(rnd, m, n, m / 2 + 1, m, perMillePerTpu, s, true, 1, 100);
    }

    private static SystemSpec global(Random rnd, int m, int n, int minWidth, int maxWidth, long perMillePerTpu,
            Scheduler s, boolean constrained, int minMs, int maxMs) {
        long[] u = shares(rnd, n, perMillePerTpu * m);
        List<Task> tasks = new ArrayList<>();
        for (int x = 0; x < n; x++) {
            int k = minWidth + rnd.nextInt(maxWidth - minWidth + 1);
            long t = 1_000L * (minMs + rnd.nextInt(maxMs - minMs + 1));
            long c = Math.max(1, t * u[x] / 1_000 / k);
            c = Math.min(c, t);
            long d = constrained ? Math.max(c, t / 2 + rnd.nextInt((int) (t / 2) + 1)) : t;
            tasks.add(TestSpecs.task("t" + x, single("d" + x, k, c), new Arrival.Sporadic(t), Math.min(d, t), 0, 0, k,
                    new Binding.AnyTpus()));
        }
        return TestSpecs.spec("gen", m, List.of(), deadlineMonotonic(tasks), s);
    }

    /** The tasks of a {@link #global} set pinned to {@code k} random distinct TPUs each, under {@code pinned fp}. */
    static SystemSpec pinned(Random rnd, SystemSpec global, Protocol protocol) {
        List<Task> tasks = new ArrayList<>();
        for (Task t : global.tasks()) {
            List<Integer> all = new ArrayList<>();
            for (int x = 0; x < global.platform().tpus(); x++) {
                all.add(x);
            }
            java.util.Collections.shuffle(all, rnd);
            tasks.add(new Task(t.name(), t.dnn(), t.arrival(), t.deadline(), t.jitter(), t.priority(), t.levels(),
                    new Binding.Pinned(all.subList(0, t.level()))));
        }
        return TestSpecs.spec(global.name(), global.platform().tpus(), List.of(), tasks,
                new Scheduler(Placement.PINNED, Policy.FP, protocol));
    }

    /**
     * The same kind of workload for partitioned placement: a random split of the m TPUs into
     * pipelines; each task gets a random pipeline and its latency at that size; per-pipeline
     * utilisation {@code perMille / 1000}.
     */
    static SystemSpec partitioned(Random rnd, int m, int n, long perMille, Policy policy) {
        List<List<Integer>> splits = PartitionAssignment.integerPartitions(m);
        List<Integer> sizes = splits.get(rnd.nextInt(splits.size()));
        List<Pipeline> pipelines = new ArrayList<>();
        int next = 0;
        for (int p = 0; p < sizes.size(); p++) {
            List<Integer> tpus = new ArrayList<>();
            for (int x = 0; x < sizes.get(p); x++) {
                tpus.add(next++);
            }
            pipelines.add(new Pipeline("p" + p, tpus));
        }
        int[] pipelineOf = new int[n];
        int[] count = new int[pipelines.size()];
        for (int x = 0; x < n; x++) {
            pipelineOf[x] = x < pipelines.size() ? x : rnd.nextInt(pipelines.size());
            count[pipelineOf[x]]++;
        }
        long[][] share = new long[pipelines.size()][];
        int[] used = new int[pipelines.size()];
        for (int p = 0; p < pipelines.size(); p++) {
            share[p] = shares(rnd, Math.max(1, count[p]), perMille);
        }
        List<Task> tasks = new ArrayList<>();
        for (int x = 0; x < n; x++) {
            Pipeline p = pipelines.get(pipelineOf[x]);
            long t = 1_000L * (1 + rnd.nextInt(100));
            long c = Math.max(1, t * share[pipelineOf[x]][used[pipelineOf[x]]++] / 1_000);
            c = Math.min(c, t);
            long d = t;
            tasks.add(TestSpecs.task("t" + x, single("d" + x, p.size(), c), new Arrival.Sporadic(t), d, 0, 0, p.size(),
                    new Binding.OnPipeline(p.name())));
        }
        return TestSpecs.spec("gen", m, pipelines, deadlineMonotonic(tasks),
                new Scheduler(Placement.PARTITIONED, policy, Protocol.GANG_STRICT));
    }

    static Dnn single(String name, int k, long c) {
        Map<Integer, Latency> table = new TreeMap<>();
        table.put(k, Latency.exactly(c));
        return TestSpecs.dnn(name, 0, table);
    }

    static List<Task> deadlineMonotonic(List<Task> tasks) {
        List<Task> sorted = new ArrayList<>(tasks);
        sorted.sort(Comparator.comparingLong(Task::deadline).thenComparing(Task::name));
        List<Task> out = new ArrayList<>();
        for (int x = 0; x < sorted.size(); x++) {
            Task t = sorted.get(x);
            out.add(new Task(t.name(), t.dnn(), t.arrival(), t.deadline(), t.jitter(), x + 1,
                    new TreeSet<>(t.levels()), t.binding()));
        }
        return out;
    }
}
