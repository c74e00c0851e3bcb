package io.gangproof.analysis;

import java.util.List;
import java.util.Optional;

/**
 * The numbers that justify a bound, as plain records of exact longs, so that an independent
 * checker (the Z3 back-end) can re-check each inequality without re-running the analysis.
 * What each check is, is written next to each record and in {@code docs/analysis.md}.
 */
public sealed interface Witness {

    /** No bound, so nothing to check. */
    record None(String reason) implements Witness {
    }

    /**
     * Non-preemptive fixed priority on one partition (Davis et al. 2007, eqs. 12–15, in integer
     * time where one tick plays the role of tau_bit). A checker verifies, with {@code E = blocking
     * + oneTimeReload}:
     * <ul>
     * <li>{@code busyPeriod >= E + sum over hep j (incl. this task) of ceil((busyPeriod + J_j) / T_j) * C_j};</li>
     * <li>{@code jobs == ceil((busyPeriod + jitter) / period)} and {@code starts} has entries q = 0..jobs-1;</li>
     * <li>for each start: {@code w >= E + q * exec + sum over hp j of ceil((w + J_j + 1) / T_j) * C_j} and
     * {@code response == jitter + w - q * period + exec};</li>
     * <li>the bound is the maximum response, and {@code blocking == max over lower-priority tasks
     * of the same partition of (C - 1)}, 0 when there is none.</li>
     * </ul>
     */
    record NpFp(long exec, long period, long deadline, long jitter, long blocking, Optional<String> blockingTask,
            long oneTimeReload, List<Interferer> higherPriority, List<Interferer> lowerPriority, long busyPeriod,
            long jobs, List<JobStart> starts) implements Witness {
        public NpFp {
            higherPriority = ImmutableSlice.copyOf(higherPriority);
            lowerPriority = ImmutableSlice.copyOf(lowerPriority);
            starts = List.copyOf(starts);
        }
    }

    /** A task as another task's analysis sees it: its charged execution time (reload included). */
    record Interferer(String task, long exec, long period, long jitter) {
    }

    /** Job q of the busy period may start at most {@code w} after the busy period begins. */
    record JobStart(long q, long w, long response) {
    }

    /**
     * Non-preemptive EDF processor demand on one partition (George, Rivierre &amp; Spuri 1996,
     * non-preemptive EDF condition, with the jitter-aware demand bound of Spuri 1996). A checker verifies
     * {@code utilisation <= 1}, {@code busyPeriod >= maxBlocking + oneTimeReload + sum ceil((busyPeriod + J_j)/T_j) C_j},
     * and for every t in {@code {D_j - J_j + n T_j} ∩ (0, busyPeriod]}:
     * {@code sum over j with t >= D_j - J_j of (floor((t + J_j - D_j)/T_j) + 1) C_j + max{C_l - 1 : D_l > t}
     * + oneTimeReload <= t}. {@code tightestPoint} is the t with the least slack, for display.
     */
    record NpEdf(List<DemandTask> tasks, long oneTimeReload, long busyPeriod, long pointsChecked,
            long tightestPoint, long demandAtTightest, long blockingAtTightest) implements Witness {
        public NpEdf {
            tasks = List.copyOf(tasks);
        }
    }

    record DemandTask(String task, long exec, long period, long deadline, long jitter) {
    }

    /**
     * A global gang bound (see {@code docs/analysis.md}, "global fp"). {@code argument} names the
     * proof: {@code priority-induction} (gang-strict) or {@code first-miss} (gang-greedy: valid
     * only because every task of the spec passes). Its size does not grow with the number of
     * tasks: the interferers come as {@code interference} groups of tasks with the same width,
     * charged execution and period (each group's {@code responseUsed} at least every member's
     * bound), and the carry-in as one number with the rule that bounds it. A checker re-derives the
     * groups and the carry-in tasks from the spec and verifies, with
     * {@code W(L, C, T, R) = min(L, N C + min(C, L + R - C - N T))}, {@code N = floor((L + R - C) / T)}:
     * <ul>
     * <li>{@code 1 <= beta <= tpus - headWidth + 1};</li>
     * <li>{@code carryIn >=} the bound of {@code carryInRule} ({@link CarryInRule}; for
     * {@code one-per-task-lp} the dual price {@code carryInDualNumerator / carryInDualDenominator}
     * certifies the LP bound);</li>
     * <li>{@code beta * (waitBound + 1) > carryIn + sum over groups of weight * count * W(waitBound + 1, exec, period, responseUsed)};</li>
     * <li>{@code response == jitter + waitBound + exec}.</li>
     * </ul>
     */
    record Gang(String argument, String carryInRule, int tpus, int width, int headWidth, long exec, long jitter,
            int beta, long carryIn, long carryInDualNumerator, long carryInDualDenominator,
            List<InterferenceGroup> interference, long waitBound, long response) implements Witness {
        public Gang {
            interference = List.copyOf(interference);
        }
    }

    /**
     * Gang-greedy's chain of rounds for one task (see {@link GlobalGangGreedyResponseTime}):
     * {@code rounds.get(0)} uses {@code responseUsed = D_j} for every interferer and is valid only
     * because every task of the spec passes round 0 (first-miss argument); round {@code n >= 1}
     * uses, for each interferer, a bound at least the smallest response that interferer reached in
     * rounds {@code < n}. A checker verifies each round as a {@link Gang} witness and these two
     * conditions across the tasks of the result; the task's bound is the least response.
     */
    record GangRounds(List<Gang> rounds) implements Witness {
        public GangRounds {
            rounds = List.copyOf(rounds);
            if (rounds.isEmpty()) {
                throw new IllegalArgumentException("at least round 0");
            }
        }

        /** The round with the least response. */
        public Gang best() {
            Gang b = rounds.get(0);
            for (Gang g : rounds) {
                if (g.response() < b.response()) {
                    b = g;
                }
            }
            return b;
        }
    }

    /**
     * {@code count} tasks that may start while the job waits, all of {@code width}, charged
     * {@code exec} and {@code period} (the first in priority order is {@code firstTask}), each with
     * the workload {@code workload} in the window, computed with {@code responseUsed}.
     */
    record InterferenceGroup(String firstTask, int width, long exec, long period, long count, long weight,
            long responseUsed, long workload) {
    }
    /**
     * A wait bound by counting the jobs that can run while the analysed job waits (pinned fp,
     * global fifo and global edf; {@code docs/analysis.md} §6a). {@code argument} is
     * {@code priority-induction} (pinned gang-strict: every {@code span} of a higher-priority term
     * is at least that task's own checked bound) or {@code first-miss} (valid only because every task
     * of the spec passes). A checker re-derives from the spec which tasks count, their spans and
     * the carry-in set, and verifies:
     * <ul>
     * <li>{@code 1 <= beta <= betaMax} (betaMax from the spec: {@code m - K + 1} globally, 1 pinned);</li>
     * <li>per term: {@code jobs = ceil((span + (grows ? waitBound : 0)) / period)} and
     * {@code weight = min(width, beta)};</li>
     * <li>{@code carryIn >= max over carryInFrom of (C - 1)} (0 when empty);</li>
     * <li>{@code beta * (waitBound + 1) > carryIn + sum weight * exec * jobs};</li>
     * <li>{@code response == jitter + waitBound + exec <= limit} ({@code D} for first-miss, {@code T}
     * for priority-induction).</li>
     * </ul>
     */
    record JobCount(String argument, int beta, long exec, long jitter, long carryIn, List<String> carryInFrom,
            List<CountedTask> terms, long waitBound, long response) implements Witness {
        public JobCount {
            carryInFrom = List.copyOf(carryInFrom);
            terms = List.copyOf(terms);
        }
    }

    /**
     * Jobs of {@code task} that may run in the analysed job's window: those arriving in an
     * interval of {@code span} ticks (plus the wait when {@code grows}), each for {@code exec};
     * {@code work}, what they execute in the window, is also at most the workload of jobs that
     * finish within {@code finishWithin} of their arrival (docs/analysis.md §6a).
     */
    record CountedTask(String task, int width, long weight, long exec, long period, long span, boolean grows,
            long jobs, long finishWithin, long work) {
    }
}
