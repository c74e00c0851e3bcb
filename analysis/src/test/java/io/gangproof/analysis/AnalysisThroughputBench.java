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
 * for one 1,000-task spec. Arguments: warm-up and measurement in CPU ms per line (3,000 and 5,000),
 * rounds (5; every line once per round, the median is reported).
 */
@SuppressWarnings("unchecked")
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
        // Drawn after the others from their own seed, so that the other lines keep their sets.
        Random rs = new Random(43);
        List<SystemSpec> serial = new ArrayList<>();
        for (int x = 0; x < 1024; x++) {
            serial.add(TaskSetGenerator.serialised(rs, 8, 10, 50 + rs.nextInt(250), new Scheduler(Placement.GLOBAL,
                    Policy.FP, rs.nextBoolean() ? Protocol.GANG_STRICT : Protocol.GANG_GREEDY)));
        }
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<Object[]> lines = List.of(
                new Object[] {"partitioned fp", new NpFpResponseTime(), pfp},
                new Object[] {"partitioned edf", new NpEdfProcessorDemand(), pedf},
                new Object[] {"global fp gang-strict (default)", new GlobalGangStrictResponseTime(), strict},
                new Object[] {"global fp gang-strict/unbounded", GlobalGangStrictResponseTime.unboundedCarryIn(), strict},
                new Object[] {"global fp gang-strict (sequential)", GlobalGangStrictResponseTime.sequentialOnly(), strict},
                new Object[] {"global fp gang-strict (tightest)", GlobalGangStrictResponseTime.tightest(), strict},
                new Object[] {"global fp gang-greedy (default)", new GlobalGangGreedyResponseTime(), greedy},
                new Object[] {"global fp gang-greedy/unbounded", new GlobalGangGreedyResponseTime(CarryInRule.UNBOUNDED),
                    greedy},
                new Object[] {"global fp gang-greedy/per-instant",
                    new GlobalGangGreedyResponseTime(CarryInRule.PER_INSTANT), greedy},
                new Object[] {"global fp gang-greedy/one-per-task-lp",
                    new GlobalGangGreedyResponseTime(CarryInRule.ONE_PER_TASK_LP), greedy},
                new Object[] {"global fp gang-greedy/one-per-task-dp-window",
                    new GlobalGangGreedyResponseTime(CarryInRule.ONE_PER_TASK_DP_WINDOW), greedy},
                new Object[] {"global fp serialised (both protocols)", new GlobalSerialResponseTime(), serial},
                new Object[] {"pinned fp gang-strict", new PinnedGangResponseTime(Protocol.GANG_STRICT), pinnedStrict},
                new Object[] {"pinned fp gang-greedy", new PinnedGangResponseTime(Protocol.GANG_GREEDY), pinnedGreedy},
                new Object[] {"global fifo gang-strict", new GlobalQueueOrderResponseTime(Policy.FIFO,
                    Protocol.GANG_STRICT), queue.get("fifo gang-strict")},
                new Object[] {"global fifo gang-greedy", new GlobalQueueOrderResponseTime(Policy.FIFO,
                    Protocol.GANG_GREEDY), queue.get("fifo gang-greedy")},
                new Object[] {"global edf gang-strict", new GlobalQueueOrderResponseTime(Policy.EDF,
                    Protocol.GANG_STRICT), queue.get("edf gang-strict")},
                new Object[] {"global edf gang-greedy", new GlobalQueueOrderResponseTime(Policy.EDF,
                    Protocol.GANG_GREEDY), queue.get("edf gang-greedy")});
        // Side by side: every line is measured once per round, rounds interleave, medians reported.
        double[][] rates = new double[lines.size()][rounds];
        for (Object[] l : lines) {
            run((ResponseTimeAnalysis) l[1], (List<SystemSpec>) l[2], warmMs);
        }
        for (int r = 0; r < rounds; r++) {
            for (int x = 0; x < lines.size(); x++) {
                rates[x][r] = rate((ResponseTimeAnalysis) lines.get(x)[1], (List<SystemSpec>) lines.get(x)[2], measureMs);
            }
        }
        System.out.printf("10 tasks, 8 TPUs, one thread, median of %d rounds (load average %.1f at the end):%n",
                rounds, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (int x = 0; x < lines.size(); x++) {
            ResponseTimeAnalysis a = (ResponseTimeAnalysis) lines.get(x)[1];
            List<SystemSpec> specs = (List<SystemSpec>) lines.get(x)[2];
            double[] v = rates[x].clone();
            java.util.Arrays.sort(v);
            long accepted = specs.stream().filter(sp -> a.analyze(sp).allSchedulable()).count();
            System.out.printf("  %-46s %,12.0f sets per CPU-second (min %,.0f, max %,.0f; %d%% of the sets accepted)%n",
                    (String) lines.get(x)[0], v[v.length / 2], v[0], v[v.length - 1], accepted * 100 / specs.size());
        }

        SystemSpec big = TaskSetGenerator.partitioned(new Random(7), 8, 1_000, 700, Policy.FP);
        once("1,000 tasks, 8 TPUs, partitioned fp", new NpFpResponseTime(), big);
        SystemSpec bigEdf = TaskSetGenerator.partitioned(new Random(7), 8, 1_000, 700, Policy.EDF);
        once("1,000 tasks, 8 TPUs, partitioned edf", new NpEdfProcessorDemand(), bigEdf);
        SystemSpec bigStrict = TaskSetGenerator.global(new Random(7), 8, 1_000, 4, 100,
                new Scheduler(Placement.GLOBAL, Policy.FP, Protocol.GANG_STRICT), true);
        once("1,000 tasks, 8 TPUs, global fp gang-strict", new GlobalGangStrictResponseTime(), bigStrict);
        once("1,000 tasks, 8 TPUs, global fp gang-strict (tightest)", GlobalGangStrictResponseTime.tightest(),
                bigStrict);
        once("1,000 tasks, 8 TPUs, pinned fp gang-strict", new PinnedGangResponseTime(Protocol.GANG_STRICT),
                TaskSetGenerator.pinned(new Random(7), bigStrict, Protocol.GANG_STRICT));
        once("1,000 tasks, 8 TPUs, global edf gang-strict", new GlobalQueueOrderResponseTime(Policy.EDF,
                Protocol.GANG_STRICT), TaskSetGenerator.global(new Random(7), 8, 1_000, 4, 100,
                        new Scheduler(Placement.GLOBAL, Policy.EDF, Protocol.GANG_STRICT), true));
        once("1,000 tasks, 8 TPUs, global fp gang-strict/unbounded", GlobalGangStrictResponseTime.unboundedCarryIn(),
                bigStrict);
        SystemSpec bigGreedy = TaskSetGenerator.global(new Random(7), 8, 1_000, 4, 100,
                new Scheduler(Placement.GLOBAL, Policy.FP, Protocol.GANG_GREEDY), true);
        once("1,000 tasks, 8 TPUs, global fp gang-greedy", new GlobalGangGreedyResponseTime(), bigGreedy);
        once("1,000 tasks, 8 TPUs, global fp gang-greedy/one-per-task-dp-window",
                new GlobalGangGreedyResponseTime(CarryInRule.ONE_PER_TASK_DP_WINDOW), bigGreedy);
        once("1,000 tasks, 8 TPUs, global fp serialised", new GlobalSerialResponseTime(), TaskSetGenerator.serialised(
                new Random(7), 8, 1_000, 100, new Scheduler(Placement.GLOBAL, Policy.FP, Protocol.GANG_STRICT)));
    }

    /** Sets per CPU-second over {@code ms} of this thread's CPU time. */
    private static double rate(ResponseTimeAnalysis a, List<SystemSpec> specs, long ms) {
        long cpuStart = CPU.getCurrentThreadCpuTime();
        long n = run(a, specs, ms);
        return n / ((CPU.getCurrentThreadCpuTime() - cpuStart) / 1e9);
    }

    private static long sink;
    /** CPU time of this thread: the machine is shared, so wall time says little about one core. */
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    /** Analyses specs until {@code ms} of this thread's CPU time are used (wall time says little on a loaded machine). */
    private static long run(ResponseTimeAnalysis a, List<SystemSpec> specs, long ms) {
        long end = CPU.getCurrentThreadCpuTime() + ms * 1_000_000L;
        long n = 0;
        while (CPU.getCurrentThreadCpuTime() < end) {
            for (int x = 0; x < 64; x++) {
                AnalysisResult r = a.analyze(specs.get((int) (n % specs.size())));
                sink += r.tasks().size();
                n++;
            }
        }
        return n;
    }

    /** Median CPU time of 5 runs after 3 warm-up runs. */
    private static void once(String label, ResponseTimeAnalysis a, SystemSpec spec) {
        for (int x = 0; x < 3; x++) {
            a.analyze(spec);
        }
        long[] ms = new long[5];
        AnalysisResult r = null;
        for (int x = 0; x < ms.length; x++) {
            long start = CPU.getCurrentThreadCpuTime();
            r = a.analyze(spec);
            ms[x] = (CPU.getCurrentThreadCpuTime() - start) / 1_000_000;
        }
        java.util.Arrays.sort(ms);
        long ok = r.tasks().stream().filter(TaskBound::schedulable).count();
        System.out.printf("  %-52s %,8d CPU ms  (median of 5; %d of %d tasks schedulable)%n", label, ms[2], ok,
                r.tasks().size());
    }
}
