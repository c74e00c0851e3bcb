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
     * {@code waitLimit}. Throws {@link ArithmeticException} on overflow.
     */
    static Optional<Witness.Gang> best(String argument, int tpus, ChargedTask job, int headWidth,
            List<Interferer> interferers, List<ChargedTask> carryInOnly, long waitLimit) {
        Witness.Gang best = null;
        for (int beta = 1; beta <= tpus - headWidth + 1; beta++) {
            Optional<Witness.Gang> w = forBeta(argument, tpus, job, headWidth, beta, interferers, carryInOnly,
                    waitLimit);
            if (w.isPresent() && (best == null || w.get().waitBound() < best.waitBound())) {
                best = w.get();
            }
        }
        return Optional.ofNullable(best);
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

    static Optional<Witness.Gang> forBeta(String argument, int tpus, ChargedTask job, int headWidth, int beta,
            List<Interferer> interferers, List<ChargedTask> carryInOnly, long waitLimit) {
        // Unbounded knapsack over carry-in widths, with reconstruction for the witness.
        long[] value = new long[tpus + 1];
        int[] pick = new int[tpus + 1];
        java.util.Arrays.fill(pick, -1);
        for (int c = 1; c <= tpus; c++) {
            value[c] = value[c - 1];
            pick[c] = -2; // "one TPU left unused"
            for (int x = 0; x < carryInOnly.size(); x++) {
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
        long maxRemaining = 0;
        for (ChargedTask l : carryInOnly) {
            maxRemaining = Math.max(maxRemaining, l.exec() - 1);
        }
        long cap = Ticks.mul(beta, maxRemaining);
        long carry = Math.min(value[tpus], cap);
        List<Witness.CarryInItem> candidates = new ArrayList<>();
        for (ChargedTask l : carryInOnly) {
            candidates.add(new Witness.CarryInItem(l.name(), l.width(), l.exec() - 1, 1));
        }
        List<Witness.CarryInItem> choice = new ArrayList<>();
        long[] counts = new long[carryInOnly.size()];
        for (int c = tpus; c > 0;) {
            if (pick[c] == -2) {
                c -= 1;
            } else {
                counts[pick[c]]++;
                c -= carryInOnly.get(pick[c]).width();
            }
        }
        for (int x = 0; x < counts.length; x++) {
            if (counts[x] > 0) {
                ChargedTask l = carryInOnly.get(x);
                choice.add(new Witness.CarryInItem(l.name(), l.width(), l.exec() - 1, counts[x]));
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
                return Optional.empty();
            }
        }
        if (w > waitLimit) {
            return Optional.empty();
        }
        List<Witness.GangInterferer> used = new ArrayList<>();
        for (Interferer f : interferers) {
            ChargedTask t = f.task();
            used.add(new Witness.GangInterferer(t.name(), t.width(), Math.min(t.width(), beta), t.exec(), t.period(),
                    f.responseUsed(), Ticks.workload(Ticks.add(w, 1), t.exec(), t.period(), f.responseUsed())));
        }
        long response = Ticks.add(Ticks.add(job.jitter(), w), job.exec());
        return Optional.of(new Witness.Gang(argument, tpus, job.width(), headWidth, job.exec(), job.jitter(), beta,
                carry, candidates, choice, used, w, response));
    }
}
