package io.gangproof.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The waiting-time bound shared by the global gang analyses (proof in {@code docs/analysis.md},
 * "global fp"). While job J waits, some job of width {@code headWidth} cannot start, so at least
 * {@code m - headWidth + 1} TPUs are busy at every instant of the wait. For any
 * {@code beta <= m - headWidth + 1}, each running job covers {@code min(width, beta)} of the
 * {@code beta} units needed per instant, so
 * {@code beta * (w + 1) <= carryIn + sum_j min(k_j, beta) * W_j(w + 1)} would hold if J still
 * waited at every instant of {@code [r, r + w]}; the least {@code w} with
 * {@code beta * (w + 1) > carryIn + sum ... W_j(w + 1)}, i.e. {@code w >= floor(RHS(w) / beta)},
 * therefore bounds the wait {@code s - r}; so does any larger {@code w} satisfying the same strict
 * inequality, which is what makes the acceleration after {@link #ACCELERATE_AFTER} steps sound. {@code beta = 1} is the sequential argument ("some interfering job
 * runs at every instant"); {@code beta = m - headWidth + 1} is the TPU-time argument. Every beta
 * in between is also sound; the smallest wait wins.
 *
 * <p>Workload {@code W_j}: Bertogna &amp; Cirinei (2007), "Response-time analysis for globally
 * scheduled symmetric multiprocessor platforms", RTSS, workload bound {@code W_k(L)} (see {@link Ticks#workload}).
 * Carry-in of jobs that can only have started before J's release: {@link CarryInBound}, by the
 * test's {@link CarryInRule}.
 *
 * <p>Cost: interferers are grouped by (width, charged execution, period), each group with the
 * largest response used by its members (sound: {@code W} grows with {@code R}), so one
 * evaluation costs one pass over the groups; all betas are iterated together
 * ({@code w <- min over beta of floor(RHS_beta(w) / beta)}, whose least fixed point is the least
 * wait over every beta), and the witness holds the groups, not the tasks.
 */
final class GangWaitBound {
    /** Fixed-point steps before the iteration accelerates (bounds stay sound, may loosen). */
    static final long ACCELERATE_AFTER = 10_000;

    private GangWaitBound() {
    }

    /** A task whose jobs may start while J waits, with the response bound its workload uses. */
    record Interferer(ChargedTask task, long responseUsed) {
    }

    /** {@code count} interferers of one width, charged execution and period, with the largest response used. */
    record Group(String firstTask, int width, long exec, long period, long count, long responseUsed) {
    }

    /** Groups interferers in order of first appearance. */
    static final class Grouping {
        private record Key(int width, long exec, long period) {
        }

        private final Map<Key, Integer> index = new HashMap<>();
        private final List<Group> groups = new ArrayList<>();

        void add(ChargedTask t, long responseUsed) {
            Key k = new Key(t.width(), t.exec(), t.period());
            Integer at = index.get(k);
            if (at == null) {
                index.put(k, groups.size());
                groups.add(new Group(t.name(), t.width(), t.exec(), t.period(), 1, responseUsed));
            } else {
                Group g = groups.get(at);
                groups.set(at, new Group(g.firstTask(), g.width(), g.exec(), g.period(), g.count() + 1,
                        Math.max(g.responseUsed(), responseUsed)));
            }
        }

        List<Group> groups() {
            return List.copyOf(groups);
        }

        static List<Group> of(List<Interferer> interferers) {
            Grouping g = new Grouping();
            for (Interferer f : interferers) {
                g.add(f.task(), f.responseUsed());
            }
            return g.groups();
        }
    }

    /**
     * The smallest wait over every beta in {@code [minBeta, maxBeta]} (capped at
     * {@code tpus - headWidth + 1}), or empty when it exceeds {@code waitLimit}. Throws
     * {@link ArithmeticException} on overflow. {@code bestRemaining} is
     * {@link CarryInBound#bestRemainingByWidth} of {@code carryInOnly}.
     */
    static Optional<Witness.Gang> best(String argument, CarryInRule rule, int tpus, ChargedTask job, int headWidth,
            int minBeta, int maxBeta, List<Group> groups, long[] bestRemaining, List<ChargedTask> carryInOnly,
            long waitLimit) {
        return best(argument, rule, tpus, job, headWidth, minBeta, maxBeta, groups, bestRemaining, carryInOnly,
                waitLimit, false);
    }

    /**
     * With {@code wideHeads} (gang-strict, docs/analysis.md §5d) beta ranges up to
     * {@code m - k_i + 1} whatever the interferers' widths: an instant at which a higher-priority
     * job wider than {@code m - beta + 1} heads the queue is one at which that job waits, and the
     * waits of the jobs of a group within the window are bounded like a workload with
     * "execution" {@code R - C}; each such instant costs at most {@code beta + k - m - 1} units.
     */
    static Optional<Witness.Gang> best(String argument, CarryInRule rule, int tpus, ChargedTask job, int headWidth,
            int minBeta, int maxBeta, List<Group> groups, long[] bestRemaining, List<ChargedTask> carryInOnly,
            long waitLimit, boolean wideHeads) {
        if (wideHeads) {
            headWidth = job.width();
        }
        int hi = Math.min(maxBeta, tpus - headWidth + 1);
        if (hi < minBeta) {
            return Optional.empty();
        }
        CarryInBound.Value[] carry = CarryInBound.ofEach(rule, tpus, minBeta, hi, bestRemaining, carryInOnly,
                Long.MAX_VALUE);
        Coverage cov = new Coverage(tpus, minBeta, hi, carry, groups,
                rule.windowed() ? new Window(rule, bestRemaining, carryInOnly) : null, wideHeads);
        long w = Long.MAX_VALUE;
        for (int beta = minBeta; beta <= hi; beta++) {
            // Below either start no wait satisfies the condition for this beta (§5, §5b).
            w = Math.min(w, rule.windowed()
                    ? CarryInBound.fullSlotLength(rule, tpus, beta, bestRemaining, carryInOnly)
                    : carry[beta].value() / beta);
        }
        long steps = 0;
        long lastNonSolution = -1;
        while (true) {
            if (w > waitLimit) {
                return Optional.empty();
            }
            long next = cov.next(w);
            if (next <= w) {
                if (steps > ACCELERATE_AFTER && lastNonSolution >= 0) {
                    // Bisect back towards the least solution; whatever is returned is a solution.
                    long lo = lastNonSolution;
                    long top = w;
                    while (top - lo > 1) {
                        long mid = lo + (top - lo) / 2;
                        if (cov.next(mid) <= mid) {
                            top = mid;
                        } else {
                            lo = mid;
                        }
                    }
                    w = top;
                }
                break;
            }
            lastNonSolution = w;
            // The capped workload is linear (slope 1) while a job covers the whole window, so
            // the iteration can creep by one tick per step for as long as that job is. After
            // many steps, grow w by 1/8 per step instead: every w with beta (w + 1) > RHS(w)
            // bounds the wait (see the class comment), the least one is only the tightest.
            w = ++steps > ACCELERATE_AFTER ? Math.max(next, Ticks.add(w, (w >> 3) + 1)) : next;
        }
        return Optional.of(witness(argument, rule, tpus, job, headWidth, cov.bestBeta(w), w, carry, groups));
    }

    /** Strict's and the assignment's entry: every beta, interferers not yet grouped. */
    static Optional<Witness.Gang> best(String argument, CarryInRule rule, int tpus, ChargedTask job, int headWidth,
            List<Interferer> interferers, List<ChargedTask> carryInOnly, long waitLimit) {
        return best(argument, rule, tpus, job, headWidth, 1, tpus, Grouping.of(interferers),
                CarryInBound.bestRemainingByWidth(tpus, carryInOnly), carryInOnly, waitLimit);
    }

    /**
     * The most instants of a window of {@code len} ticks at which jobs of one task of the group
     * wait: each job waits at most {@code R - C} instants, all within {@code R - C} of its
     * arrival, so the workload bound applies with execution and response {@code R - C} (§5d).
     */
    static long waits(long len, Group g) {
        long e = g.responseUsed() - g.exec();
        return e <= 0 ? 0 : Ticks.workload(len, e, g.period(), e);
    }

    /** What a windowed rule needs to recompute the carry-in for each window length. */
    private record Window(CarryInRule rule, long[] bestRemaining, List<ChargedTask> items) {
    }

    /**
     * {@code RHS_beta(w) = carry_beta + sum_k min(k, beta) A_k(w + 1)}, {@code A_k} the workload of
     * the groups of width k: one pass over the groups serves every beta.
     */
    private static final class Coverage {
        private final int tpus;
        private final Window window;
        private final boolean wideHeads;
        private final int lo;
        private final int hi;
        private final CarryInBound.Value[] carry;
        private final List<Group> groups;
        private final long[] byWidth;
        /** Per width, the instants in the window at which jobs of that width wait (only widths some beta needs). */
        private final long[] waitsByWidth;

        Coverage(int tpus, int lo, int hi, CarryInBound.Value[] carry, List<Group> groups, Window window,
                boolean wideHeads) {
            this.tpus = tpus;
            this.wideHeads = wideHeads;
            this.lo = lo;
            this.hi = hi;
            this.carry = carry;
            this.groups = groups;
            this.window = window;
            this.byWidth = new long[tpus + 1];
            this.waitsByWidth = new long[tpus + 1];
        }

        /** Also sets the windowed carry-in to its value for {@code L = w + 1}, which the witness then reports. */
        private void fill(long w) {
            java.util.Arrays.fill(byWidth, 0);
            java.util.Arrays.fill(waitsByWidth, 0);
            long len = Ticks.add(w, 1);
            for (Group g : groups) {
                if (wideHeads && g.width() > tpus - hi + 1) {
                    waitsByWidth[g.width()] = Ticks.add(waitsByWidth[g.width()], Ticks.mul(g.count(), waits(len, g)));
                }
            }
            if (window != null) {
                System.arraycopy(CarryInBound.ofEach(window.rule(), tpus, lo, hi, window.bestRemaining(),
                        window.items(), len), lo, carry, lo, hi - lo + 1);
            }
            for (Group g : groups) {
                byWidth[g.width()] = Ticks.add(byWidth[g.width()],
                        Ticks.mul(g.count(), Ticks.workload(len, g.exec(), g.period(), g.responseUsed())));
            }
        }

        private long rhs(int beta) {
            long rhs = carry[beta].value();
            for (int k = tpus - beta + 2; k <= tpus; k++) {
                if (waitsByWidth[k] != 0) {
                    rhs = Ticks.add(rhs, Ticks.mul(beta + k - tpus - 1, waitsByWidth[k]));
                }
            }
            for (int k = 1; k < byWidth.length; k++) {
                if (byWidth[k] != 0) {
                    rhs = Ticks.add(rhs, Ticks.mul(Math.min(k, beta), byWidth[k]));
                }
            }
            return rhs;
        }

        /** {@code min over beta of floor(RHS_beta(w) / beta)}: w is a solution iff this is {@code <= w}. */
        long next(long w) {
            fill(w);
            long next = Long.MAX_VALUE;
            for (int beta = lo; beta <= hi; beta++) {
                next = Math.min(next, rhs(beta) / beta);
            }
            return next;
        }

        /** The smallest beta for which the solution w holds. */
        int bestBeta(long w) {
            fill(w);
            for (int beta = lo; beta <= hi; beta++) {
                if (rhs(beta) / beta <= w) {
                    return beta;
                }
            }
            throw new IllegalStateException("not a solution: " + w);
        }
    }

    private static Witness.Gang witness(String argument, CarryInRule rule, int tpus, ChargedTask job, int headWidth,
            int beta, long wait, CarryInBound.Value[] carry, List<Group> groups) {
        List<Witness.InterferenceGroup> used = new ArrayList<>(groups.size());
        long len = Ticks.add(wait, 1);
        for (Group g : groups) {
            used.add(new Witness.InterferenceGroup(g.firstTask(), g.width(), g.exec(), g.period(), g.count(),
                    Math.min(g.width(), beta), g.responseUsed(), Ticks.workload(len, g.exec(), g.period(), g.responseUsed())));
        }
        long response = Ticks.add(Ticks.add(job.jitter(), wait), job.exec());
        CarryInBound.Value c = carry[beta];
        return new Witness.Gang(argument, rule.keyword(), tpus, job.width(), headWidth, job.exec(), job.jitter(), beta,
                c.value(), c.dualNumerator(), c.dualDenominator(), used, wait, response);
    }
}
