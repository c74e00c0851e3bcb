package io.gangproof.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * The carry-in bound of one {@link CarryInRule} for one beta (proofs in docs/analysis.md §5a).
 * Carry-in jobs all run from the release on, each at most {@code C - 1} more ticks, on at most
 * {@code m} TPUs together (semantics §5 event order); job l covers {@code min(k_l, beta)} units per
 * instant. Exact longs throughout; the LP relaxation is computed as an exact fraction and rounded
 * down (the carry-in is an integer number of ticks).
 */
final class CarryInBound {
    private CarryInBound() {
    }

    /**
     * The bound, and for the LP rule the dual price {@code y = dualNumerator / dualDenominator}
     * that certifies it (weak LP duality: {@code m y + sum max(0, v_l - k_l y)} bounds the LP
     * optimum for every {@code y >= 0}); {@code 0 / 1} for the other rules.
     */
    record Value(long value, long dualNumerator, long dualDenominator) {
    }

    /**
     * Per width {@code k} (index), the largest {@code C - 1} among {@code tasks} of that width, or
     * -1. For the rules with unlimited jobs per task only this task per width can matter: another
     * of the same width takes the same TPUs and slots and is worth no more.
     */
    static long[] bestRemainingByWidth(int tpus, List<ChargedTask> tasks) {
        long[] best = new long[tpus + 1];
        Arrays.fill(best, -1);
        for (ChargedTask l : tasks) {
            if (l.width() <= tpus) {
                best[l.width()] = Math.max(best[l.width()], l.exec() - 1);
            }
        }
        return best;
    }

    static Value of(CarryInRule rule, int tpus, int beta, long[] bestRemaining, List<ChargedTask> items) {
        return of(rule, tpus, beta, bestRemaining, items, Long.MAX_VALUE);
    }

    /**
     * The bound for a window of {@code window} ticks from the release; only the windowed rules
     * use it (each carry-in job then counts {@code min(C - 1, window)}, §5b).
     */
    static Value of(CarryInRule rule, int tpus, int beta, long[] bestRemaining, List<ChargedTask> items,
            long window) {
        switch (rule) {
            case UNBOUNDED:
                return new Value(unbounded(tpus, beta, bestRemaining), 0, 1);
            case PER_INSTANT:
                return new Value(perInstant(tpus, beta, bestRemaining), 0, 1);
            case ONE_PER_TASK_LP:
                return oneOfEachRelaxed(tpus, beta, bestRemaining, items);
            case ONE_PER_TASK_DP:
                return new Value(perInstantOneOfEach(tpus, beta, items, Long.MAX_VALUE), 0, 1);
            case PER_INSTANT_WINDOW:
                return new Value(perInstant(tpus, beta, capped(bestRemaining, window)), 0, 1);
            case ONE_PER_TASK_DP_WINDOW:
                return new Value(perInstantOneOfEach(tpus, beta, items, window), 0, 1);
            default:
                throw new IllegalStateException(rule.name());
        }
    }

    /**
     * {@link #of} for every beta in {@code [lo, hi]} (index beta, {@code null} below lo); the 0/1
     * rules share one table for all of them ({@link #perInstantOneOfEachUpTo}).
     */
    static Value[] ofEach(CarryInRule rule, int tpus, int lo, int hi, long[] bestRemaining, List<ChargedTask> items,
            long window) {
        Value[] out = new Value[hi + 1];
        if (rule == CarryInRule.ONE_PER_TASK_DP || rule == CarryInRule.ONE_PER_TASK_DP_WINDOW) {
            long[] all = perInstantOneOfEachUpTo(tpus, hi, items,
                    rule == CarryInRule.ONE_PER_TASK_DP ? Long.MAX_VALUE : window);
            for (int beta = lo; beta <= hi; beta++) {
                out[beta] = new Value(all[beta], 0, 1);
            }
        } else {
            for (int beta = lo; beta <= hi; beta++) {
                out[beta] = of(rule, tpus, beta, bestRemaining, items, window);
            }
        }
        return out;
    }

    private static long[] capped(long[] bestRemaining, long window) {
        long[] out = bestRemaining.clone();
        for (int k = 0; k < out.length; k++) {
            out[k] = Math.min(out[k], window);
        }
        return out;
    }

    /**
     * For a windowed rule: the largest {@code x} such that some possible carry-in set has
     * {@code beta} unit slots of at least {@code x} ticks each (0 if none). While the window
     * {@code L <= x} the carry-in alone fills all {@code beta L} units, so no wait below {@code x}
     * satisfies the wait condition and the fixed-point iteration may start there (§5b).
     */
    static long fullSlotLength(CarryInRule rule, int tpus, int beta, long[] bestRemaining, List<ChargedTask> items) {
        TreeSet<Long> candidates = new TreeSet<>();
        for (ChargedTask l : items) {
            if (l.exec() - 1 > 0 && l.width() <= tpus) {
                candidates.add(l.exec() - 1);
            }
        }
        for (long x : candidates.descendingSet()) {
            long slots;
            if (rule.needsFirstMiss()) {
                List<ChargedTask> atLeast = new ArrayList<>();
                for (ChargedTask l : items) {
                    if (l.exec() - 1 >= x) {
                        atLeast.add(l);
                    }
                }
                slots = perInstantOneOfEach(tpus, beta, atLeast, 1);
            } else {
                long[] one = new long[bestRemaining.length];
                for (int k = 0; k < one.length; k++) {
                    one[k] = bestRemaining[k] >= x ? 1 : -1;
                }
                slots = perInstant(tpus, beta, one);
            }
            if (slots >= beta) {
                return x;
            }
        }
        return 0;
    }

    /** {@code min(beta * max(C - 1), max over multisets with sum k <= m of sum min(k, beta) (C - 1))}. */
    static long unbounded(int tpus, int beta, long[] bestRemaining) {
        long[] value = new long[tpus + 1];
        long maxRemaining = 0;
        for (int k = 1; k <= tpus; k++) {
            maxRemaining = Math.max(maxRemaining, bestRemaining[k]);
        }
        for (int c = 1; c <= tpus; c++) {
            value[c] = value[c - 1];
            for (int k = 1; k <= c; k++) {
                if (bestRemaining[k] >= 0) {
                    value[c] = Math.max(value[c], Ticks.add(value[c - k], Ticks.mul(Math.min(k, beta), bestRemaining[k])));
                }
            }
        }
        return Math.min(value[tpus], Ticks.mul(beta, maxRemaining));
    }

    /**
     * {@code V[c][u]}: the most a multiset of carry-in jobs on at most {@code c} TPUs can be worth
     * when only {@code u} unit slots count, a job of width k filling at most {@code min(k, beta)}
     * of them. Result {@code V[m][beta]}. Taking {@code min(k, u)} slots at each step suffices:
     * in an optimal choice every job but the one of least {@code C - 1} fills all its slots, and
     * with unlimited jobs the recurrence may add the full jobs first and that one last, when the
     * slots left are fewer than its width ({@code CarryInBoundTest} compares it with enumeration).
     */
    static long perInstant(int tpus, int beta, long[] bestRemaining) {
        long[][] v = new long[tpus + 1][beta + 1];
        for (int c = 1; c <= tpus; c++) {
            for (int u = 1; u <= beta; u++) {
                long best = Math.max(v[c - 1][u], v[c][u - 1]);
                for (int k = 1; k <= c; k++) {
                    long rem = bestRemaining[k];
                    if (rem >= 0) {
                        int s = Math.min(k, u);
                        best = Math.max(best, Ticks.add(v[c - k][u - s], Ticks.mul(s, rem)));
                    }
                }
                v[c][u] = best;
            }
        }
        return v[tpus][beta];
    }

    /**
     * As {@link #perInstant}, each task at most once (0/1 items), over every carry-in task; a job
     * counts {@code min(C - 1, window)} per slot.
     */
    static long perInstantOneOfEach(int tpus, int beta, List<ChargedTask> items, long window) {
        return perInstantOneOfEachUpTo(tpus, beta, items, window)[beta];
    }

    /**
     * {@link #perInstantOneOfEach} for every beta in {@code [0, maxBeta]} from one table. Exact
     * shortcuts, each giving the same values as the table over all items (docs/analysis.md §11):
     * <ul>
     * <li>the table does not depend on beta: a job fills {@code s <= min(k, beta)} slots, but within
     * {@code V[c][u]}, {@code u <= beta}, already {@code s <= min(k, u)}; so column {@code u} of one
     * table up to {@code maxBeta} is the value for {@code beta = u};</li>
     * <li>of width {@code k} at most {@code floor(m / k)} jobs fit on {@code m} TPUs, so only the
     * {@code floor(m / k)} largest {@code C - 1} of each width can be in a best choice (swap any other
     * for an unused larger one: same TPUs and slots, no less value; capping at the window keeps the
     * order), and items with nothing left ({@code C = 1}) add nothing.</li>
     * </ul>
     */
    static long[] perInstantOneOfEachUpTo(int tpus, int maxBeta, List<ChargedTask> items, long window) {
        long[][] v = new long[tpus + 1][maxBeta + 1];
        for (long[] it : kept(tpus, items, window)) {
            int k = (int) it[0];
            long rem = it[1];
            for (int c = tpus; c >= k; c--) {
                long[] row = v[c];
                long[] from = v[c - k];
                for (int u = maxBeta; u >= 1; u--) {
                    long best = row[u];
                    int top = Math.min(k, u);
                    for (int s = 1; s <= top; s++) {
                        best = Math.max(best, Ticks.add(from[u - s], Ticks.mul(s, rem)));
                    }
                    row[u] = best;
                }
            }
        }
        long[] out = new long[maxBeta + 1];
        for (int u = 0; u <= maxBeta; u++) {
            out[u] = v[tpus][u];
        }
        return out;
    }

    /** Per width the {@code floor(m / k)} largest {@code min(C - 1, window) > 0}, as {@code {k, value}}. */
    private static List<long[]> kept(int tpus, List<ChargedTask> items, long window) {
        List<long[]> all = new ArrayList<>(items.size());
        for (ChargedTask l : items) {
            long rem = Math.min(l.exec() - 1, window);
            if (l.width() <= tpus && rem > 0) {
                all.add(new long[] {l.width(), rem});
            }
        }
        all.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(b[1], a[1]));
        List<long[]> out = new ArrayList<>(all.size());
        int taken = 0;
        for (int x = 0; x < all.size(); x++) {
            taken = x > 0 && all.get(x - 1)[0] == all.get(x)[0] ? taken + 1 : 0;
            if (taken < tpus / all.get(x)[0]) {
                out.add(all.get(x));
            }
        }
        return out;
    }

    /**
     * {@code min(unbounded rule, floor(LP))} where LP is the fractional 0/1 knapsack (each task at
     * most once, any fraction of it): items by decreasing {@code min(k, beta)(C - 1) / k} (exact
     * cross-multiplication), whole while they fit, then the fitting fraction of the first that
     * does not, whose ratio is the dual price.
     */
    static Value oneOfEachRelaxed(int tpus, int beta, long[] bestRemaining, List<ChargedTask> items) {
        List<long[]> byRatio = new ArrayList<>(items.size());
        for (ChargedTask l : items) {
            byRatio.add(new long[] {Ticks.mul(Math.min(l.width(), beta), l.exec() - 1), l.width()});
        }
        byRatio.sort((a, b) -> Long.compare(Ticks.mul(b[0], a[1]), Ticks.mul(a[0], b[1])));
        long room = tpus;
        long whole = 0;
        long p = 0;
        long q = 1;
        long fraction = 0;
        for (long[] it : byRatio) {
            if (it[1] <= room) {
                whole = Ticks.add(whole, it[0]);
                room -= it[1];
            } else {
                p = it[0];
                q = it[1];
                fraction = Ticks.mul(p, room) / q;
                break;
            }
        }
        long lp = Ticks.add(whole, fraction);
        return new Value(Math.min(lp, unbounded(tpus, beta, bestRemaining)), p, q);
    }
}
