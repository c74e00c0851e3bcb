package io.gangproof.analysis;

import java.util.ArrayList;
import java.util.List;
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
 * Carry-in of jobs that can only have started before J's release: they all run from the
 * release on, each at most {@code C - 1} more ticks (semantics §5 event order), on at most m
 * TPUs together: an unbounded knapsack over widths (capacity m, value {@code min(k, beta)(C - 1)}),
 * capped at {@code beta * max(C - 1)} because per instant at most beta units count.
 */
final class GangWaitBound {
    /** Fixed-point steps before the iteration accelerates (bounds stay sound, may loosen). */
    static final long ACCELERATE_AFTER = 10_000;

    private GangWaitBound() {
    }

    /** A task whose jobs may start while J waits, with the response bound its workload uses. */
    record Interferer(ChargedTask task, long responseUsed) {
    }

    /**
     * The smallest wait over every admissible beta, or empty when every beta exceeds
     * {@code waitLimit}. Throws {@link ArithmeticException} on overflow. The witness is built
     * for the best beta only.
     */
    static Optional<Witness.Gang> best(String argument, int tpus, ChargedTask job, int headWidth,
            List<Interferer> interferers, List<ChargedTask> carryInOnly, long waitLimit) {
        CarryIn carryIn = CarryIn.of(tpus, carryInOnly);
        Attempt best = null;
        for (int beta = 1; beta <= tpus - headWidth + 1; beta++) {
            Attempt a = attempt(tpus, carryIn, beta, interferers, waitLimit, carryInOnly);
            if (a != null && (best == null || a.waitBound() < best.waitBound())) {
                best = a;
            }
        }
        return best == null ? Optional.empty()
                : Optional.of(witness(argument, tpus, job, headWidth, best, interferers, carryInOnly));
    }

    /** As {@link #best} for one {@code beta}. */
    static Optional<Witness.Gang> forBeta(String argument, int tpus, ChargedTask job, int headWidth, int beta,
            List<Interferer> interferers, List<ChargedTask> carryInOnly, long waitLimit) {
        Attempt a = attempt(tpus, CarryIn.of(tpus, carryInOnly), beta, interferers, waitLimit, carryInOnly);
        return a == null ? Optional.empty()
                : Optional.of(witness(argument, tpus, job, headWidth, a, interferers, carryInOnly));
    }

    /** {@code carryIn + sum_j min(k_j, beta) W_j(w + 1)}: the coverage available in {@code [r, r + w]}. */
    private static long rhs(long carry, int beta, long w, List<Interferer> interferers) {
        long rhs = carry;
        for (Interferer f : interferers) {
            ChargedTask t = f.task();
            rhs = Ticks.add(rhs, Ticks.mul(Math.min(t.width(), beta),
                    Ticks.workload(Ticks.add(w, 1), t.exec(), t.period(), f.responseUsed())));
        }
        return rhs;
    }

    /**
     * The carry-in-only tasks as the knapsack sees them: per width, only the first task of the
     * largest {@code C - 1} can be worth choosing (any other of that width is worth no more and
     * comes later), so the knapsack runs over at most {@code m} items instead of every task.
     * {@code items} holds their indexes in increasing order, which keeps the tie-breaking of a
     * scan over every task (the earliest task of the largest value wins).
     */
    private record CarryIn(int[] items, long maxRemaining) {
        static CarryIn of(int tpus, List<ChargedTask> carryInOnly) {
            int[] byWidth = new int[tpus + 1];
            java.util.Arrays.fill(byWidth, -1);
            long maxRemaining = 0;
            for (int x = 0; x < carryInOnly.size(); x++) {
                ChargedTask l = carryInOnly.get(x);
                maxRemaining = Math.max(maxRemaining, l.exec() - 1);
                int k = l.width();
                if (k <= tpus && (byWidth[k] < 0 || l.exec() > carryInOnly.get(byWidth[k]).exec())) {
                    byWidth[k] = x;
                }
            }
            return new CarryIn(java.util.Arrays.stream(byWidth).filter(x -> x >= 0).sorted().toArray(), maxRemaining);
        }
    }

    /** One beta's result: the carry-in bound, the knapsack's choice (task index to count) and the wait bound. */
    private record Attempt(int beta, long carry, java.util.SortedMap<Integer, Long> choice, long waitBound) {
    }

    /** The least wait for {@code beta}, or null when it exceeds {@code waitLimit}. */
    private static Attempt attempt(int tpus, CarryIn carryIn, int beta, List<Interferer> interferers, long waitLimit,
            List<ChargedTask> carryInOnly) {
        // Unbounded knapsack over carry-in widths, with reconstruction for the witness.
        long[] value = new long[tpus + 1];
        int[] pick = new int[tpus + 1];
        for (int c = 1; c <= tpus; c++) {
            value[c] = value[c - 1];
            pick[c] = -1; // "one TPU left unused"
            for (int x : carryIn.items()) {
                ChargedTask l = carryInOnly.get(x);
                if (l.width() <= c) {
                    long v = Ticks.add(value[c - l.width()], Ticks.mul(Math.min(l.width(), beta), l.exec() - 1));
                    if (v > value[c]) {
                        value[c] = v;
                        pick[c] = x;
                    }
                }
            }
        }
        long carry = Math.min(value[tpus], Ticks.mul(beta, carryIn.maxRemaining()));
        java.util.SortedMap<Integer, Long> choice = new java.util.TreeMap<>();
        for (int c = tpus; c > 0;) {
            if (pick[c] < 0) {
                c -= 1;
            } else {
                choice.merge(pick[c], 1L, Long::sum);
                c -= carryInOnly.get(pick[c]).width();
            }
        }

        long w = carry / beta;
        long steps = 0;
        long lastNonSolution = -1;
        while (true) {
            long next = rhs(carry, beta, w, interferers) / beta;
            if (next <= w) {
                if (steps > ACCELERATE_AFTER && lastNonSolution >= 0) {
                    // Bisect back towards the least solution; whatever is returned is a solution.
                    long lo = lastNonSolution;
                    long hi = w;
                    while (hi - lo > 1) {
                        long mid = lo + (hi - lo) / 2;
                        if (rhs(carry, beta, mid, interferers) / beta <= mid) {
                            hi = mid;
                        } else {
                            lo = mid;
                        }
                    }
                    w = hi;
                }
                break;
            }
            lastNonSolution = w;
            // The capped workload is linear (slope 1) while a job covers the whole window, so
            // the iteration can creep by one tick per step for as long as that job is. After
            // many steps, grow w by 1/8 per step instead: every w with beta (w + 1) > RHS(w)
            // bounds the wait (see the class comment), the least one is only the tightest.
            w = ++steps > ACCELERATE_AFTER ? Math.max(next, Ticks.add(w, (w >> 3) + 1)) : next;
            if (w > waitLimit) {
                return null;
            }
        }
        return w > waitLimit ? null : new Attempt(beta, carry, choice, w);
    }

    private static Witness.Gang witness(String argument, int tpus, ChargedTask job, int headWidth, Attempt a,
            List<Interferer> interferers, List<ChargedTask> carryInOnly) {
        List<Witness.CarryInItem> candidates = new ArrayList<>(carryInOnly.size());
        for (ChargedTask l : carryInOnly) {
            candidates.add(new Witness.CarryInItem(l.name(), l.width(), l.exec() - 1, 1));
        }
        List<Witness.CarryInItem> choice = new ArrayList<>();
        a.choice().forEach((x, count) -> {
            ChargedTask l = carryInOnly.get(x);
            choice.add(new Witness.CarryInItem(l.name(), l.width(), l.exec() - 1, count));
        });
        List<Witness.GangInterferer> used = new ArrayList<>(interferers.size());
        for (Interferer f : interferers) {
            ChargedTask t = f.task();
            used.add(new Witness.GangInterferer(t.name(), t.width(), Math.min(t.width(), a.beta()), t.exec(), t.period(),
                    f.responseUsed(), Ticks.workload(Ticks.add(a.waitBound(), 1), t.exec(), t.period(), f.responseUsed())));
        }
        long response = Ticks.add(Ticks.add(job.jitter(), a.waitBound()), job.exec());
        return new Witness.Gang(argument, tpus, job.width(), headWidth, job.exec(), job.jitter(), a.beta(), a.carry(),
                candidates, choice, used, a.waitBound(), response);
    }
}
