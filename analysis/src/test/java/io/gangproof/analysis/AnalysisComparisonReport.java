package io.gangproof.analysis;

import io.gangproof.spec.Binding;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.Scheduler;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Prints the comparison table of {@code docs/analysis.md} (a plain main, not run by the build):
 * <pre>
 * java -cp analysis/target/classes:analysis/target/test-classes:spec-language/target/classes \
 *     io.gangproof.analysis.AnalysisComparisonReport [sets-per-point] [seed]
 * </pre>
 * For each normalised TPU-time utilisation U (per TPU), random sets of 10 gang tasks of width
 * 1..4 on 8 TPUs (sporadic, D in [T/2, T], deadline-monotonic) are analysed: globally by the
 * gang-strict bound (TPU-time and sequential) and the gang-greedy bound; and partitioned, the
 * same tasks placed by {@link PartitionAssignment} (first-fit decreasing over all splits of the
 * 8 TPUs) with NP-FP plus Audsley, or NP-EDF; for the partitioned columns each task may run at
 * any width j in 1..4 with the same TPU-time, {@code wcet(j) = ceil(C k / j)}. Ratios are for
 * display only.
 */
public final class AnalysisComparisonReport {
    private AnalysisComparisonReport() {
    }

    public static void main(String[] args) {
        int sets = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 2026;
        for (int[] range : new int[][] {{10, 100}, {1, 100}}) {
            System.out.printf("%nPeriods %d..%d ms, %d sets per row, seed %d:%n%n", range[0], range[1], sets, seed);
            table(new Random(seed), sets, range[0], range[1]);
        }
    }

    private static void table(Random rnd, int sets, int minMs, int maxMs) {
        Scheduler strict = new Scheduler(Placement.GLOBAL, Policy.FP, Protocol.GANG_STRICT);
        Scheduler greedy = new Scheduler(Placement.GLOBAL, Policy.FP, Protocol.GANG_GREEDY);
        System.out.println("| U per TPU | part. fp (FFD + Audsley) | part. edf (FFD) | global strict, TPU-time | "
                + "global strict, sequential | global greedy | tasks bounded by both strict bounds | TPU-time bound tighter | mean R(TPU-time)/R(sequential) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (int u : new int[] {50, 100, 150, 200, 300, 400, 500, 600, 700, 800, 900}) {
            int pfp = 0;
            int pedf = 0;
            int gs = 0;
            int gseq = 0;
            int gg = 0;
            long both = 0;
            long tighter = 0;
            double ratioSum = 0;
            for (int x = 0; x < sets; x++) {
                SystemSpec g = TaskSetGenerator.global(rnd, 8, 10, 4, u, strict, true, minMs, maxMs);
                AnalysisResult tight = new GlobalGangStrictResponseTime().analyze(g);
                AnalysisResult seq = GlobalGangStrictResponseTime.sequentialOnly().analyze(g);
                gs += tight.allSchedulable() ? 1 : 0;
                gseq += seq.allSchedulable() ? 1 : 0;
                for (TaskBound b : tight.tasks()) {
                    TaskBound s = seq.task(b.task()).orElseThrow();
                    if (b.responseBound().isPresent() && s.responseBound().isPresent()) {
                        both++;
                        long rt = b.responseBound().get();
                        long rs = s.responseBound().get();
                        tighter += rt < rs ? 1 : 0;
                        ratioSum += (double) rt / rs;
                    }
                }
                SystemSpec gr = new SystemSpec(g.name(), g.resolution(), g.platform(), g.dnns(), g.tasks(), greedy,
                        g.properties(), g.exploration());
                gg += new GlobalGangGreedyResponseTime().analyze(gr).allSchedulable() ? 1 : 0;
                pfp += partitionedAccepts(g, Policy.FP) ? 1 : 0;
                pedf += partitionedAccepts(g, Policy.EDF) ? 1 : 0;
            }
            System.out.printf("| %.2f | %s | %s | %s | %s | %s | %d | %s | %s |%n", u / 1000.0, pct(pfp, sets),
                    pct(pedf, sets), pct(gs, sets), pct(gseq, sets), pct(gg, sets), both, pct(tighter, both),
                    both == 0 ? "-" : String.format("%.3f", ratioSum / both));
        }
    }

    private static boolean partitionedAccepts(SystemSpec global, Policy policy) {
        List<Task> ts = new ArrayList<>();
        List<io.gangproof.spec.Dnn> dnns = new ArrayList<>();
        for (Task t : global.tasks()) {
            // Same TPU-time at every width: wcet(j) = ceil(C k / j), so the assignment may pick any size.
            java.util.Map<Integer, io.gangproof.spec.Latency> table = new java.util.TreeMap<>();
            java.util.TreeSet<Integer> levels = new java.util.TreeSet<>();
            for (int j = 1; j <= 4; j++) {
                long c = (t.wcet() * t.level() + j - 1) / j;
                table.put(j, io.gangproof.spec.Latency.exactly(c));
                levels.add(j);
            }
            io.gangproof.spec.Dnn d = TestSpecs.dnn(t.dnn().name(), 0, table);
            dnns.add(d);
            ts.add(new Task(t.name(), d, t.arrival(), t.deadline(), t.jitter(), t.priority(), levels,
                    new Binding.ChoosePipeline()));
        }
        SystemSpec s = new SystemSpec(global.name(), global.resolution(),
                new io.gangproof.spec.Platform(global.platform().tpus(), global.platform().cacheBytes(), List.of()),
                dnns, ts, new Scheduler(Placement.PARTITIONED, policy, Protocol.GANG_STRICT),
                global.properties(), global.exploration());
        return new PartitionAssignment(true).assign(s).found();
    }

    private static String pct(long n, long of) {
        return of == 0 ? "-" : (n * 100 / of) + "%";
    }
}
