package io.gangproof.analysis;

import io.gangproof.spec.Protocol;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.TimeBudget;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Response-time bound for {@code global fp} with {@code gang-strict} (semantics §6, §10).
 *
 * <p>Argument (full sketch in {@code docs/analysis.md}): gang-strict scans waiting jobs in
 * priority order and stops at the first that cannot start, so while job J of task i waits no job
 * behind it starts: only higher-priority jobs start, and lower-priority jobs run only if they
 * started before J's release (at {@code r - 1} at the latest, by the event order of §5), i.e. for
 * at most {@code C - 1} more ticks. The job at the head of the queue has width at most
 * {@code K = max(k_i, max_{hp} k_j)}, so at least {@code m - K + 1} TPUs are busy at every instant
 * of the wait; {@link GangWaitBound} turns that into a bound for every
 * {@code beta in [1, m - K + 1]} (beta = 1: the sequential bound; beta = m - K + 1: the TPU-time
 * bound). Higher-priority workload uses the Bertogna &amp; Cirinei (2007, RTSS) window
 * bound with the higher-priority tasks' own bounds (induction on priority), which needs
 * {@code R_j <= T_j}; the same condition on i itself means earlier jobs of i have finished when
 * J arrives, so a bound above T is not reported.
 *
 * <p>Inversion: only lower-priority jobs running at the release, all from r on: at most
 * {@code max_{lp} (C - 1)}. Overtakes: none (semantics §6 table, gang-strict).
 */
public final class GlobalGangStrictResponseTime implements ResponseTimeAnalysis {
    public static final String NAME = "global-fp-gang-strict";

    /** When false only beta = 1 is tried: the sequential bound, kept for comparison. */
    private final boolean useTpuTime;
    private final CarryInRule carryIn;
    private final boolean wideHeads;

    /** The default: every beta, the per-instant carry-in bound (docs/analysis.md §5a). */
    public GlobalGangStrictResponseTime() {
        this(true, CarryInRule.PER_INSTANT);
    }

    public GlobalGangStrictResponseTime(boolean useTpuTime) {
        this(useTpuTime, CarryInRule.PER_INSTANT);
    }

    /**
     * A variant with its own carry-in rule. A rule with at most one carry-in job per task holds
     * by the first-overrun argument (docs/analysis.md §5c) only when every task gets a bound
     * {@code <= T}; where some task does not, the analysis gives the results of the same rule with
     * any number of jobs per task ({@link #fallback}) instead.
     */
    public GlobalGangStrictResponseTime(boolean useTpuTime, CarryInRule carryIn) {
        this(useTpuTime, carryIn, false);
    }

    /**
     * With {@code wideHeads}, beta ranges up to {@code m - k_i + 1}, paying for the instants at
     * which a wider higher-priority job heads the queue (docs/analysis.md §5d).
     */
    public GlobalGangStrictResponseTime(boolean useTpuTime, CarryInRule carryIn, boolean wideHeads) {
        if (carryIn == CarryInRule.ONE_PER_TASK_LP) {
            throw new IllegalArgumentException("carry-in rule " + carryIn.keyword() + " is not offered for gang-strict");
        }
        this.useTpuTime = useTpuTime;
        this.carryIn = carryIn;
        this.wideHeads = wideHeads;
    }

    /** The rule with any number of carry-in jobs per task that a one-per-task rule falls back to. */
    static CarryInRule fallback(CarryInRule rule) {
        if (!rule.needsFirstMiss()) {
            return rule;
        }
        return rule.windowed() ? CarryInRule.PER_INSTANT_WINDOW : CarryInRule.PER_INSTANT;
    }

    /** Every step of docs/analysis.md §5b–§5d together: the tightest gang-strict test. */
    public static GlobalGangStrictResponseTime tightest() {
        return new GlobalGangStrictResponseTime(true, CarryInRule.ONE_PER_TASK_DP_WINDOW, true);
    }

    CarryInRule carryIn() {
        return carryIn;
    }

    boolean wideHeads() {
        return wideHeads;
    }

    boolean usesTpuTime() {
        return useTpuTime;
    }

    /** The sequential bound alone (beta = 1), for comparison tables. */
    public static GlobalGangStrictResponseTime sequentialOnly() {
        return new GlobalGangStrictResponseTime(false);
    }

    /** The test as it was before the carry-in tightening: unbounded knapsack capped at beta max(C - 1). */
    public static GlobalGangStrictResponseTime unboundedCarryIn() {
        return new GlobalGangStrictResponseTime(true, CarryInRule.UNBOUNDED);
    }

    @Override
    public String name() {
        String base = useTpuTime ? NAME : NAME + "-sequential";
        String rule = carryIn == CarryInRule.PER_INSTANT ? base : base + "/" + carryIn.keyword();
        return wideHeads ? rule + "/wide-heads" : rule;
    }

    @Override
    public boolean appliesTo(SystemSpec spec) {
        return GlobalView.of(spec, Protocol.GANG_STRICT).view().isPresent();
    }

    @Override
    public AnalysisResult analyze(SystemSpec spec) {
        return analyze(spec, TimeBudget.UNLIMITED);
    }

    @Override
    public AnalysisResult analyze(SystemSpec spec, TimeBudget budget) {
        GlobalView.Result gv = GlobalView.of(spec, Protocol.GANG_STRICT);
        if (gv.view().isEmpty()) {
            return GlobalView.notApplicable(name(), spec, gv.notApplicable());
        }
        GlobalView view = gv.view().get();
        if (carryIn.needsFirstMiss()) {
            Optional<Map<String, TaskBound>> all = run(view, budget, carryIn, "first-overrun");
            if (all.isPresent()) {
                return new AnalysisResult(name(), spec.name(), GlobalView.inSpecOrder(spec, all.get()));
            }
        }
        Map<String, TaskBound> byName = run(view, budget, fallback(carryIn), "priority-induction").orElseThrow();
        return new AnalysisResult(name(), spec.name(), GlobalView.inSpecOrder(spec, byName));
    }

    /**
     * Every task's bound by priority induction under {@code rule}. For a rule that needs it
     * ({@code first-overrun}), empty as soon as some task has no bound {@code <= T}: the rule's
     * one-job-per-task carry-in then does not hold.
     */
    private Optional<Map<String, TaskBound>> run(GlobalView view, TimeBudget budget, CarryInRule rule,
            String argument) {
        List<ChargedTask> ts = view.byPriority();
        int m = view.tpus();
        // Suffix summaries of the lower-priority tasks: best C - 1 per width (the carry-in of the
        // rules with unlimited jobs per task needs no more) and the largest C - 1 (inversion).
        long[][] lpBest = new long[ts.size() + 1][];
        lpBest[ts.size()] = CarryInBound.bestRemainingByWidth(m, List.of());
        for (int x = ts.size() - 1; x >= 0; x--) {
            lpBest[x] = lpBest[x + 1].clone();
            ChargedTask t = ts.get(x);
            lpBest[x][t.width()] = Math.max(lpBest[x][t.width()], t.exec() - 1);
        }
        Map<String, TaskBound> byName = new HashMap<>();
        GangWaitBound.Grouping hp = new GangWaitBound.Grouping();
        Optional<String> unbounded = Optional.empty();
        int hpWidth = 0;
        for (int x = 0; x < ts.size(); x++) {
            if (budget.exhausted()) {
                throw new AnalysisStopped(budget, x, ts.size());
            }
            ChargedTask i = ts.get(x);
            TaskBound b;
            if (unbounded.isPresent()) {
                b = TaskBound.unknown(i.name(), "higher-priority task " + unbounded.get()
                        + " has no bound <= its period, so its interference is unbounded by this test",
                        new Witness.None("depends on " + unbounded.get()));
            } else {
                b = analyseTask(m, i, Math.max(hpWidth, i.width()), hp.groups(), lpBest[x + 1],
                        ts.subList(x + 1, ts.size()), rule, argument);
                if (rule.needsFirstMiss() && b.responseBound().isEmpty()) {
                    return Optional.empty();
                }
            }
            byName.put(i.name(), b);
            if (b.responseBound().isPresent() && unbounded.isEmpty()) {
                hp.add(i, b.responseBound().get());
            } else if (unbounded.isEmpty()) {
                unbounded = Optional.of(i.name());
            }
            hpWidth = Math.max(hpWidth, i.width());
        }
        return Optional.of(byName);
    }

    /**
     * The bound of {@code i} at one level, exactly as {@link #analyze} computes it for the order in
     * which {@code hp} (with the bounds {@code hpBounds}, in the same order) are above {@code i} and
     * {@code lp} below: the per-level step of the exact order search ({@link StrictOrderSearch}).
     */
    TaskBound levelBound(int m, ChargedTask i, List<ChargedTask> hp, long[] hpBounds, List<ChargedTask> lp) {
        GangWaitBound.Grouping groups = new GangWaitBound.Grouping();
        int headWidth = i.width();
        for (int x = 0; x < hp.size(); x++) {
            groups.add(hp.get(x), hpBounds[x]);
            headWidth = Math.max(headWidth, hp.get(x).width());
        }
        return analyseTask(m, i, headWidth, groups.groups(), CarryInBound.bestRemainingByWidth(m, lp), lp, carryIn,
                carryIn.needsFirstMiss() ? "first-overrun" : "priority-induction");
    }

    private TaskBound analyseTask(int m, ChargedTask i, int headWidth, List<GangWaitBound.Group> hp, long[] lpBest,
            List<ChargedTask> lp, CarryInRule rule, String argument) {
        long waitLimit = i.period() - i.jitter() - i.exec();
        if (waitLimit < 0) {
            return TaskBound.unknown(i.name(), "J + C = " + i.time().format(i.jitter() + i.exec()) + " > T = "
                    + i.time().format(i.period()),
                    new Witness.None("jitter plus execution exceed the period"));
        }
        Optional<Witness.Gang> w;
        try {
            w = GangWaitBound.best(argument, rule, m, i, headWidth, 1, useTpuTime ? m : 1, hp, lpBest,
                    lp, waitLimit, wideHeads);
        } catch (ArithmeticException overflow) {
            return TaskBound.unknown(i.name(), "exact arithmetic overflowed: no bound from this test",
                    new Witness.None("overflow"));
        }
        if (w.isEmpty()) {
            return TaskBound.unknown(i.name(), "the wait bound exceeds T - J - C = "
                    + i.time().format(waitLimit) + ", beyond which earlier jobs of the task would interfere", new Witness.None("wait above limit"));
        }
        Witness.Gang g = w.get();
        long maxRemaining = 0;
        for (long rem : lpBest) {
            maxRemaining = Math.max(maxRemaining, rem);
        }
        long inversion = Math.min(g.waitBound(), maxRemaining);
        boolean ok = g.response() <= i.deadline();
        String reason = "R = " + i.time().format(g.response()) + (ok ? " <= D = " : " > D = ")
                + i.time().format(i.deadline()) + " (beta = " + g.beta() + ")";
        return new TaskBound(i.name(), ok ? Outcome.SCHEDULABLE : Outcome.NOT_SCHEDULABLE_BY_TEST, reason,
                Optional.of(g.response()), Optional.of(inversion), Optional.of(inversion), Optional.of(0L), g);
    }
}
