package io.gangproof.analysis;

import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.Scheduler;
import io.gangproof.spec.SystemSpec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Prints the "Audsley vs deadline-monotonic" table of {@code docs/analysis.md} §8 (a plain main,
 * not run by the build):
 * <pre>
 * java -cp analysis/target/classes:analysis/target/test-classes:spec-language/target/classes \
 *     io.gangproof.analysis.GlobalPriorityAssignmentReport [sets-per-row] [seed]
 * </pre>
 * Random global sets of 5 gang tasks of width 1..3 on 4 TPUs (D in [T/2, T], generated with
 * deadline-monotonic priorities), per normalised utilisation: how many the spec's test accepts
 * with deadline-monotonic priorities, after Audsley's pass alone (no backtracking), after
 * {@link GlobalPriorityAssignment}, and with the best of all 120 orders (brute force).
 */
public final class GlobalPriorityAssignmentReport {
    private GlobalPriorityAssignmentReport() {
    }

    public static void main(String[] args) {
        int sets = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 2026;
        System.out.println("| protocol | U per TPU | sets | DM | Audsley's pass alone | search | "
                + "some order (brute force) | search, not DM | DM, not search | some order, not search |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (Protocol p : new Protocol[] {Protocol.GANG_STRICT, Protocol.GANG_GREEDY}) {
            Scheduler s = new Scheduler(Placement.GLOBAL, Policy.FP, p);
            ResponseTimeAnalysis test = p == Protocol.GANG_STRICT ? new GlobalGangStrictResponseTime()
                    : new GlobalGangGreedyResponseTime();
            Random rnd = new Random(seed);
            for (int u : new int[] {200, 300, 400, 500, 600}) {
                int dm = 0;
                int pass = 0;
                int opa = 0;
                int any = 0;
                int opaOnly = 0;
                int dmOnly = 0;
                int missed = 0;
                for (int x = 0; x < sets; x++) {
                    SystemSpec g = TaskSetGenerator.global(rnd, 4, 5, 3, u, s, true);
                    boolean d = test.analyze(g).allSchedulable();
                    boolean o = new GlobalPriorityAssignment().assign(g).found();
                    boolean a = PriorityOrders.anyPasses(g, test);
                    dm += d ? 1 : 0;
                    pass += audsleyPassAlone(g, p) ? 1 : 0;
                    opa += o ? 1 : 0;
                    any += a ? 1 : 0;
                    opaOnly += o && !d ? 1 : 0;
                    dmOnly += d && !o ? 1 : 0;
                    missed += a && !o ? 1 : 0;
                }
                System.out.printf("| %s | %.2f | %d | %d | %d | %d | %d | %d | %d | %d |%n", p.keyword(), u / 1000.0,
                        sets, dm, pass, opa, any, opaOnly, dmOnly, missed);
            }
        }
    }

    /** Audsley's pass without backtracking: at each level the first task that passes, lowest priority first. */
    private static boolean audsleyPassAlone(SystemSpec spec, Protocol p) {
        GlobalView view = GlobalView.of(spec, p).view().orElseThrow();
        List<ChargedTask> unassigned = new ArrayList<>(view.byPriority());
        Collections.reverse(unassigned);
        List<ChargedTask> lower = new ArrayList<>();
        while (!unassigned.isEmpty()) {
            ChargedTask chosen = null;
            for (ChargedTask c : unassigned) {
                List<ChargedTask> higher = new ArrayList<>(unassigned);
                higher.remove(c);
                if (GlobalPriorityAssignment.passes(view.tpus(), p, c, higher, lower)) {
                    chosen = c;
                    break;
                }
            }
            if (chosen == null) {
                return false;
            }
            unassigned.remove(chosen);
            lower.add(chosen);
        }
        return true;
    }
}
