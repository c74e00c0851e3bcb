package io.gangproof.smt;

import io.gangproof.analysis.CarryInRule;
import io.gangproof.analysis.Witness;

import java.util.ArrayList;
import java.util.List;

import static io.gangproof.smt.SmtScript.num;
import static io.gangproof.smt.SmtScript.op;
import static io.gangproof.smt.SmtScript.sum;
import static io.gangproof.smt.SmtScript.times;

/**
 * The carry-in part of a gang witness check, one encoding per {@link CarryInRule}
 * (docs/analysis.md §5a, docs/smt.md "Gang"). Every knapsack table is bounded only from below by
 * its recurrences, so any model has each entry at least the true optimum and {@code carryIn >=}
 * the final entry proves the rule's bound. The LP rule is certified by its dual price (weak
 * duality), so Z3 checks it without solving an LP.
 */
final class GangCarryInEncoding {
    private GangCarryInEncoding() {
    }

    static void assertCarryIn(SmtScript s, String pre, CarryInRule rule, int m, long beta,
            List<GangEncoding.Member> carryOnly, Witness.Gang w, String carry) throws WitnessCheck.Mismatch {
        switch (rule) {
            case UNBOUNDED:
                s.assertTerm("carry-in: carryIn >= min(best_m, beta * max(C_l - 1))", unbounded(s, pre, m, beta, carryOnly, carry));
                return;
            case PER_INSTANT:
                s.assertTerm("carry-in (per instant): carryIn >= V_m_beta",
                        op(">=", carry, grid(s, pre, m, (int) beta, bestPerWidth(m, carryOnly), Long.MAX_VALUE)));
                return;
            case PER_INSTANT_WINDOW:
                s.assertTerm("carry-in (per instant, each job at most L = w + 1 = " + window(w) + "): carryIn >= V_m_beta",
                        op(">=", carry, grid(s, pre, m, (int) beta, bestPerWidth(m, carryOnly), window(w))));
                return;
            case ONE_PER_TASK_DP_WINDOW:
                s.assertTerm("carry-in (one job per task, per instant, each job at most L = w + 1 = " + window(w)
                        + "): carryIn >= L_n_m_beta", op(">=", carry, table(s, pre, m, (int) beta, carryOnly, window(w))));
                return;
            case ONE_PER_TASK_LP:
                s.assertTerm("carry-in: carryIn >= min(best_m, beta * max(C_l - 1)), or the LP dual bound",
                        op("or", unbounded(s, pre, m, beta, carryOnly, carry), lpDual(m, beta, carryOnly, w, carry)));
                return;
            case ONE_PER_TASK_DP:
                s.assertTerm("carry-in (one job per task, per instant): carryIn >= L_n_m_beta",
                        op(">=", carry, table(s, pre, m, (int) beta, carryOnly, Long.MAX_VALUE)));
                return;
            default:
                throw new WitnessCheck.Mismatch("carry-in rule " + rule.keyword() + " is not encoded");
        }
    }

    /**
     * The window of a windowed rule, {@code L = w + 1} from the witness' wait (the script pins
     * the wait to the same number): a carry-in job runs from the release on, so inside the
     * window it counts at most L ticks (docs/analysis.md §5b).
     */
    private static long window(Witness.Gang w) {
        return Math.addExact(w.waitBound(), 1);
    }

    /** {@code C - 1} of a carry-in job, at most the window. */
    private static long counted(GangEncoding.Member l, long window) {
        return Math.min(l.exec() - 1, window);
    }

    /**
     * Per width, the carry-in task with the largest {@code C - 1}: where a task may have any number
     * of running jobs, another task of the same width takes the same TPUs and slots and is worth
     * no more, so only these items can matter.
     */
    private static List<GangEncoding.Member> bestPerWidth(int m, List<GangEncoding.Member> carryOnly) {
        GangEncoding.Member[] best = new GangEncoding.Member[m + 1];
        for (GangEncoding.Member l : carryOnly) {
            if (l.width() <= m && (best[l.width()] == null || l.exec() > best[l.width()].exec())) {
                best[l.width()] = l;
            }
        }
        List<GangEncoding.Member> out = new ArrayList<>();
        for (GangEncoding.Member b : best) {
            if (b != null) {
                out.add(b);
            }
        }
        return out;
    }

    /** The rule before the tightening: the unbounded-knapsack DP over the best item per width, or the cap. */
    private static String unbounded(SmtScript s, String pre, int m, long beta, List<GangEncoding.Member> carryOnly,
            String carry) {
        List<GangEncoding.Member> items = bestPerWidth(m, carryOnly);
        long maxRem = 0;
        for (GangEncoding.Member l : items) {
            maxRem = Math.max(maxRem, l.exec() - 1);
        }
        List<String> best = new ArrayList<>();
        best.add(s.declareInt(pre + "knapsack_0"));
        s.assertTerm("knapsack: best_0 = 0", op("=", best.get(0), "0"));
        for (int c = 1; c <= m; c++) {
            String b = s.declareInt(pre + "knapsack_" + c);
            best.add(b);
            s.assertTerm("knapsack: best_" + c + " >= best_" + (c - 1), op(">=", b, best.get(c - 1)));
            for (GangEncoding.Member l : items) {
                if (l.width() <= c) {
                    long v = Math.multiplyExact(Math.min(l.width(), beta), l.exec() - 1);
                    s.assertTerm("knapsack: best_" + c + " >= best_" + (c - l.width()) + " + min(k, beta) * (C - 1) of "
                            + l.name(), op(">=", b, op("+", best.get(c - l.width()), num(v))));
                }
            }
        }
        return op("or", op(">=", carry, best.get(m)), op(">=", carry, op("*", num(beta), num(maxRem))));
    }

    /**
     * The per-instant table with any number of jobs of each item: {@code V_c_u >= V_(c-1)_u},
     * {@code V_c_u >= V_c_(u-1)}, {@code V_c_u >= V_(c-k)_(u-s) + s (C - 1)} with {@code s = min(k, u)}
     * (the job of least {@code C - 1} may be added last, when fewer slots than its width are left:
     * docs/analysis.md §5a); returns {@code V_m_beta}.
     */
    private static String grid(SmtScript s, String pre, int m, int beta, List<GangEncoding.Member> items,
            long window) {
        String[][] v = new String[m + 1][beta + 1];
        for (int c = 0; c <= m; c++) {
            for (int u = 0; u <= beta; u++) {
                if (c == 0 || u == 0) {
                    v[c][u] = "0";
                    continue;
                }
                v[c][u] = s.declareInt(pre + "slots_" + c + "_" + u);
                List<String> lbs = new ArrayList<>();
                lbs.add(op(">=", v[c][u], v[c - 1][u]));
                lbs.add(op(">=", v[c][u], v[c][u - 1]));
                for (GangEncoding.Member l : items) {
                    if (l.width() <= c) {
                        int sl = Math.min(l.width(), u);
                        lbs.add(op(">=", v[c][u], op("+", v[c - l.width()][u - sl],
                                num(Math.multiplyExact((long) sl, counted(l, window))))));
                    }
                }
                s.assertTerm("carry-in table: V_" + c + "_" + u + " >= V_" + (c - 1) + "_" + u + ", V_" + c + "_" + (u - 1)
                        + " and, per width, V_(c-k)_(u-min(k,u)) + min(k,u) (C - 1)", op("and", lbs.toArray(new String[0])));
            }
        }
        return v[m][beta];
    }

    /**
     * The per-instant table over {@code items} taken 0/1, layer by layer: {@code L_x_c_u >=}
     * {@code L_(x-1)_c_u} and {@code L_(x-1)_(c-k)_(u-s) + s (C - 1)} for {@code 1 <= s <= min(k, u)}
     * (a job of width k fills at most {@code min(k, beta)} of the beta unit slots); returns
     * {@code L_n_m_beta}.
     */
    private static String table(SmtScript s, String pre, int m, int beta, List<GangEncoding.Member> items,
            long window) {
        String[][] prev = new String[m + 1][beta + 1];
        for (int c = 0; c <= m; c++) {
            for (int u = 0; u <= beta; u++) {
                prev[c][u] = "0";
            }
        }
        int x = 0;
        for (GangEncoding.Member l : items) {
            x++;
            String[][] cur = new String[m + 1][beta + 1];
            int k = l.width();
            for (int c = 0; c <= m; c++) {
                for (int u = 0; u <= beta; u++) {
                    if (c < k || u == 0) {
                        cur[c][u] = prev[c][u];
                        continue;
                    }
                    String v = s.declareInt(pre + "slots_" + x + "_" + c + "_" + u);
                    List<String> lbs = new ArrayList<>();
                    lbs.add(op(">=", v, prev[c][u]));
                    for (int sl = 1; sl <= Math.min(k, u); sl++) {
                        lbs.add(op(">=", v, op("+", prev[c - k][u - sl], num(Math.multiplyExact((long) sl,
                                counted(l, window))))));
                    }
                    s.assertTerm("carry-in table: L_" + x + "_" + c + "_" + u + " >= L_" + (x - 1) + " entries, with "
                            + l.name() + " (k = " + k + ", counted C - 1 = " + counted(l, window) + ") filling 1.." + Math.min(k, u)
                            + " slots", op("and", lbs.toArray(new String[0])));
                    cur[c][u] = v;
                }
            }
            prev = cur;
        }
        return prev[m][beta];
    }

    /**
     * Weak LP duality for the fractional 0/1 knapsack {@code max sum v_l x_l, sum k_l x_l <= m,
     * 0 <= x_l <= 1} with {@code v_l = min(k_l, beta)(C_l - 1)}: for any {@code y = p / q >= 0},
     * {@code m y + sum max(0, v_l - k_l y)} bounds it; the carry-in, an integer, must be at least
     * its floor: {@code q (carryIn + 1) > m p + sum max(0, q v_l - k_l p)}.
     */
    private static String lpDual(int m, long beta, List<GangEncoding.Member> carryOnly, Witness.Gang w, String carry)
            throws WitnessCheck.Mismatch {
        long p = w.carryInDualNumerator();
        long q = w.carryInDualDenominator();
        if (p < 0 || q < 1) {
            throw new WitnessCheck.Mismatch("dual price " + p + "/" + q + " is not a non-negative fraction");
        }
        List<String> terms = new ArrayList<>();
        terms.add(num(Math.multiplyExact((long) m, p)));
        for (GangEncoding.Member l : carryOnly) {
            long qv = Math.multiplyExact(q, Math.multiplyExact(Math.min(l.width(), beta), l.exec() - 1));
            long kp = Math.multiplyExact((long) l.width(), p);
            terms.add(op("ite", op(">", num(qv), num(kp)), op("-", num(qv), num(kp)), "0"));
        }
        return op(">", times(q, op("+", carry, "1")), sum(terms));
    }
}
