package io.gangproof.analysis;

import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.Scheduler;
import io.gangproof.spec.SystemSpec;

import java.util.List;
import java.util.Random;

/**
 * What each carry-in rule buys (docs/analysis.md §5a): the share of random task sets every global
 * variant accepts, on the same sets. A plain main, not run by the build:
 * <pre>
 * java -cp analysis/target/classes:analysis/target/test-classes:spec-language/target/classes \
 *     io.gangproof.analysis.CarryInGainReport [sets per row] [seed] [tasks] [tpus]
 * </pre>
 * Sets: {@link TaskSetGenerator#global} (width 1..4, periods 10..100 ms, {@code D} in {@code [T/2, T]},
 * deadline-monotonic priorities).
 */
public final class CarryInGainReport {
    private CarryInGainReport() {
    }

    public static void main(String[] args) {
        int sets = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 2026;
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int m = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        Scheduler strict = new Scheduler(Placement.GLOBAL, Policy.FP, Protocol.GANG_STRICT);
        Scheduler greedy = new Scheduler(Placement.GLOBAL, Policy.FP, Protocol.GANG_GREEDY);
        List<ResponseTimeAnalysis> strictTests = List.of(GlobalGangStrictResponseTime.unboundedCarryIn(),
                new GlobalGangStrictResponseTime());
        List<ResponseTimeAnalysis> greedyTests = List.of(new GlobalGangGreedyResponseTime(CarryInRule.UNBOUNDED),
                new GlobalGangGreedyResponseTime(CarryInRule.PER_INSTANT),
                new GlobalGangGreedyResponseTime(CarryInRule.ONE_PER_TASK_LP), new GlobalGangGreedyResponseTime());
        StringBuilder head = new StringBuilder("| U per TPU |");
        StringBuilder rule = new StringBuilder("|---|");
        for (ResponseTimeAnalysis a : strictTests) {
            head.append(' ').append(a.name()).append(" |");
            rule.append("---|");
        }
        for (ResponseTimeAnalysis a : greedyTests) {
            head.append(' ').append(a.name()).append(" |");
            rule.append("---|");
        }
        System.out.println(n + " tasks, " + m + " TPUs, " + sets + " sets per row and protocol, seed " + seed);
        System.out.println(head);
        System.out.println(rule);
        for (long u : new long[] {50, 100, 150, 200, 250, 300, 400}) {
            Random rnd = new Random(seed + u);
            int[] strictOk = new int[strictTests.size()];
            int[] greedyOk = new int[greedyTests.size()];
            for (int s = 0; s < sets; s++) {
                SystemSpec st = TaskSetGenerator.global(rnd, m, n, 4, u, strict, true, 10, 100);
                SystemSpec gr = TaskSetGenerator.global(rnd, m, n, 4, u, greedy, true, 10, 100);
                for (int x = 0; x < strictTests.size(); x++) {
                    strictOk[x] += strictTests.get(x).analyze(st).allSchedulable() ? 1 : 0;
                }
                for (int x = 0; x < greedyTests.size(); x++) {
                    greedyOk[x] += greedyTests.get(x).analyze(gr).allSchedulable() ? 1 : 0;
                }
            }
            StringBuilder row = new StringBuilder(String.format("| %.2f |", u / 1000.0));
            for (int ok : strictOk) {
                row.append(' ').append(ok).append(" |");
            }
            for (int ok : greedyOk) {
                row.append(' ').append(ok).append(" |");
            }
            System.out.println(row);
        }
    }
}
