package io.gangproof.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The wait bound shared by the pinned, fifo and global edf analyses ({@code docs/analysis.md} §6a).
 * Each analysis says which jobs can run while job J waits: per task, the jobs arriving in an
 * interval of {@code span} ticks ({@code + w} when the interval grows with the wait), each running
 * at most {@code C}; plus a carry-in of jobs that started before J's release, at most
 * {@code C - 1} each and (for {@code beta = 1}) overlapping from the release on, so their union is
 * the largest {@code C - 1}. If at every instant of the wait at least {@code beta} TPUs that these
 * jobs may hold are busy, then {@code beta (w + 1) <= carryIn + sum min(k, beta) W(w)} for every
 * {@code w} J still waits at, {@code W(w) <= C N(w)} what a task's jobs execute in the window
 * ({@link Term#work}); the least {@code w} where it fails bounds the wait.
 */
final class JobCountWait {
    /** Fixed-point steps before giving up (each step grows the wait by at least one tick). */
    static final long STEP_LIMIT = 1_000_000;

    private JobCountWait() {
    }

    /**
     * Jobs of {@code task} arriving in an interval of {@code span} (+ w when {@code grows}) ticks,
     * each finishing within {@code finishWithin} ticks of its arrival once it runs after J's
     * release (its deadline before the first miss, or its response bound).
     */
    record Term(ChargedTask task, long span, boolean grows, long finishWithin) {
        Term {
            if (span < 1) {
                throw new IllegalArgumentException("span must be positive: " + span);
            }
        }

        long jobs(long w) {
            return Ticks.ceilDiv(grows ? Ticks.add(span, w) : span, task.period());
        }

        /**
         * What the task's jobs execute in the window {@code [r, r + w]} ({@code L = w + 1} ticks):
         * at most {@code C} per counted job, and at most the workload of Bertogna &amp; Cirinei
         * (2007, the carry-in job ends at its deadline): a job arriving at {@code x} executes there
         * at most {@code C}, between {@code max(x, r)} and {@code min(x + F, r + L)}; with arrivals
         * at least {@code T} apart the sum is at most {@code N C + min(C, L + F - C - N T)},
         * {@code N = floor((L + F - C) / T)}
         * (valid for {@code C <= F <= T}; {@code docs/analysis.md} §6a).
         */
        long work(long w) {
            long count = Ticks.mul(task.exec(), jobs(w));
            long c = task.exec();
            if (c > finishWithin || finishWithin > task.period()) {
                return count;
            }
            long x = Ticks.add(Ticks.add(w, 1), finishWithin - c);
            long n = x / task.period();
            long bc = Ticks.add(Ticks.mul(n, c), Math.min(c, x - n * task.period()));
            return Math.min(count, bc);
        }
    }

    /**
     * The least wait over {@code beta in [1, betaMax]}, or empty when every beta's exceeds
     * {@code waitLimit} (or the step limit). Throws {@link ArithmeticException} on overflow.
     */
    static Optional<Witness.JobCount> best(String argument, ChargedTask job, int betaMax, List<Term> terms,
            List<ChargedTask> carryInFrom, long waitLimit) {
        long carry = 0;
        List<String> from = new ArrayList<>();
        for (ChargedTask l : carryInFrom) {
            carry = Math.max(carry, l.exec() - 1);
            from.add(l.name());
        }
        if (betaMax > 1 && carry > 0) {
            // The carry-in is a union of intervals from the release: it covers one TPU per instant only.
            throw new IllegalArgumentException("carry-in is only sound with beta = 1");
        }
        Witness.JobCount best = null;
        for (int beta = 1; beta <= betaMax; beta++) {
            Long w = wait(beta, carry, terms, waitLimit);
            if (w != null && (best == null || w < best.waitBound())) {
                best = witness(argument, job, beta, carry, from, terms, w);
            }
        }
        return Optional.ofNullable(best);
    }

    static long rhs(int beta, long carry, List<Term> terms, long w) {
        long rhs = carry;
        for (Term t : terms) {
            rhs = Ticks.add(rhs, Ticks.mul(Math.min(t.task().width(), beta), t.work(w)));
        }
        return rhs;
    }

    private static Long wait(int beta, long carry, List<Term> terms, long waitLimit) {
        long w = 0;
        for (long step = 0; step < STEP_LIMIT; step++) {
            long next = rhs(beta, carry, terms, w) / beta;
            if (next <= w) {
                return w;
            }
            w = next;
            if (w > waitLimit) {
                return null;
            }
        }
        return null;
    }

    private static Witness.JobCount witness(String argument, ChargedTask job, int beta, long carry, List<String> from,
            List<Term> terms, long w) {
        List<Witness.CountedTask> out = new ArrayList<>(terms.size());
        for (Term t : terms) {
            ChargedTask c = t.task();
            out.add(new Witness.CountedTask(c.name(), c.width(), Math.min(c.width(), beta), c.exec(), c.period(),
                    t.span(), t.grows(), t.jobs(w), t.finishWithin(), t.work(w)));
        }
        return new Witness.JobCount(argument, beta, job.exec(), job.jitter(), carry, from, out, w,
                Ticks.add(Ticks.add(job.jitter(), w), job.exec()));
    }
}
