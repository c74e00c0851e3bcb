package io.gangproof.analysis;

import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.Scheduler;
import io.gangproof.spec.SystemSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Throughput benchmark (a plain main, single thread; not run by the build, no timing asserts).
 * Run after {@code mvn -q verify -pl spec-language,analysis} (or {@code test-compile}):
 * <pre>
 * java -cp analysis/target/classes:analysis/target/test-classes:spec-language/target/classes \
 *     io.gangproof.analysis.AnalysisThroughputBench
 * </pre>
 * Reports task sets analysed per second for 10-task / 8-TPU sets (per analysis), and the time
 * for one 1,000-task spec. Warm-up 3 s, measurement 5 s per line.
 */
public final class AnalysisThroughputBench {
    private AnalysisThroughputBench() {
    }

    public static void main(String[] args) {
        long warmMs = args.length > 0 ? Long.parseLong(args[0]) : 3_000;
        long measureMs = args.length > 1 ? Long.parseLong(args[1]) : 5_000;
        Random rnd = new Random(42);
        List<SystemSpec> pfp = new ArrayList<>();
        List<SystemSpec> pedf = new ArrayList<>();
        List<SystemSpec> strict = new ArrayList<>();
        List<SystemSpec> greedy = new ArrayList<>();
        List<SystemSpec> pinnedStrict = new ArrayList<>();
        List<SystemSpec> pinnedGreedy = new ArrayList<>();
        Map<String, List<SystemSpec>> queue = new java.util.LinkedHashMap<>();
        for (int x = 0; x < 1024; x++) {
            long u = 300 + rnd.nextInt(600);
            long ug = 50 + rnd.nextInt(250);
            pfp.add(TaskSetGenerator.partitioned(rnd, 8, 10, u, Policy.FP));
            pedf.add(TaskSetGenerator.partitioned(rnd, 8, 10, u, Policy.EDF));
            strict.add(TaskSetGenerator.global(rnd, 8, 10, 4, ug,
                    new Scheduler(Placement.GLOBAL, Policy.FP, Protocol.GANG_STRICT), true));
            greedy.add(TaskSetGenerator.global(rnd, 8, 10, 4, ug,
                    new Scheduler(Placement.GLOBAL, Policy.FP, Protocol.GANG_GREEDY), true));
            pinnedStrict.add(TaskSetGenerator.pinned(rnd, strict.get(x), Protocol.GANG_STRICT));
            pinnedGreedy.add(TaskSetGenerator.pinned(rnd, greedy.get(x), Protocol.GANG_GREEDY));
            for (Policy po : List.of(Policy.FIFO, Policy.EDF)) {
                for (Protocol pr : List.of(Protocol.GANG_STRICT, Protocol.GANG_GREEDY)) {
                    queue.computeIfAbsent(po.keyword() + " " + pr.keyword(), key -> new ArrayList<>()).add(
                            TaskSetGenerator.global(rnd, 8, 10, 4, ug, new Scheduler(Placement.GLOBAL, po, pr), true));
                }
            }
        }
        System.out.println("10 tasks, 8 TPUs, utilisation 0.3..0.9, one thread:");
        line("partitioned fp", new NpFpResponseTime(), pfp, warmMs, measureMs);
        line("partitioned edf", new NpEdfProcessorDemand(), pedf, warmMs, measureMs);
        line("global fp gang-strict", new GlobalGangStrictResponseTime(), strict, warmMs, measureMs);
        line("global fp gang-strict (sequential)", GlobalGangStrictResponseTime.sequentialOnly(), strict, warmMs,
                measureMs);
        line("global fp gang-greedy", new GlobalGangGreedyResponseTime(), greedy, warmMs, measureMs);
        line("pinned fp gang-strict", new PinnedGangResponseTime(Protocol.GANG_STRICT), pinnedStrict, warmMs, measureMs);
        line("pinned fp gang-greedy", new PinnedGangResponseTime(Protocol.GANG_GREEDY), pinnedGreedy, warmMs, measureMs);
        for (Map.Entry<String, List<SystemSpec>> e : queue.entrySet()) {
            String[] pp = e.getKey().split(" ");
            line("global " + e.getKey(), new GlobalQueueOrderResponseTime(Policy.valueOf(pp[0].toUpperCase()),
                    pp[1].equals("gang-strict") ? Protocol.GANG_STRICT : Protocol.GANG_GREEDY), e.getValue(), warmMs,
                    measureMs);
        }

        SystemSpec big = TaskSetGenerator.partitioned(new Random(7), 8, 1_000, 700, Policy.FP);
        once("1,000 tasks, 8 TPUs, partitioned fp", new NpFpResponseTime(), big);
        SystemSpec bigEdf = TaskSetGenerator.partitioned(new Random(7), 8, 1_000, 700, Policy.EDF);
        once("1,000 tasks, 8 TPUs, partitioned edf", new NpEdfProcessorDemand(), bigEdf);
        SystemSpec bigStrict = TaskSetGenerator.global(new Random(7), 8, 1_000, 4, 100,
                new Scheduler(Placement.GLOBAL, Policy.FP, Protocol.GANG_STRICT), true);
        once("1,000 tasks, 8 TPUs, global fp gang-strict", new GlobalGangStrictResponseTime(), bigStrict);
        once("1,000 tasks, 8 TPUs, pinned fp gang-strict", new PinnedGangResponseTime(Protocol.GANG_STRICT),
                TaskSetGenerator.pinned(new Random(7), bigStrict, Protocol.GANG_STRICT));
        once("1,000 tasks, 8 TPUs, global edf gang-strict", new GlobalQueueOrderResponseTime(Policy.EDF,
                Protocol.GANG_STRICT), TaskSetGenerator.global(new Random(7), 8, 1_000, 4, 100,
                        new Scheduler(Placement.GLOBAL, Policy.EDF, Protocol.GANG_STRICT), true));
    }

    private static long sink;
    /** CPU time of this thread: the machine is shared, so wall time says little about one core. */
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private static void line(String label, ResponseTimeAnalysis a, List<SystemSpec> specs, long warmMs, long measureMs) {
        run(a, specs, warmMs);
        long start = System.nanoTime();
        long cpuStart = CPU.getCurrentThreadCpuTime();
        long n = run(a, specs, measureMs);
        double secs = (System.nanoTime() - start) / 1e9;
        double cpuSecs = (CPU.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        long accepted = specs.stream().filter(s -> a.analyze(s).allSchedulable()).count();
        System.out.printf("  %-38s %,12.0f sets per CPU-second (%,.0f per wall second; %d%% of the sets accepted)%n",
                label, n / cpuSecs, n / secs, accepted * 100 / specs.size());
    }

    private static long run(ResponseTimeAnalysis a, List<SystemSpec> specs, long ms) {
        long end = System.nanoTime() + ms * 1_000_000L;
        long n = 0;
        while (System.nanoTime() < end) {
            for (int x = 0; x < 64; x++) {
                AnalysisResult r = a.analyze(specs.get((int) (n % specs.size())));
                sink += r.tasks().size();
                n++;
            }
        }
        return n;
    }

    private static void once(String label, ResponseTimeAnalysis a, SystemSpec spec) {
        a.analyze(spec);
        long start = CPU.getCurrentThreadCpuTime();
        AnalysisResult r = a.analyze(spec);
        long ms = (CPU.getCurrentThreadCpuTime() - start) / 1_000_000;
        long ok = r.tasks().stream().filter(TaskBound::schedulable).count();
        System.out.printf("  %-38s %,8d CPU ms  (%d of %d tasks schedulable)%n", label, ms, ok, r.tasks().size());
    }
}
