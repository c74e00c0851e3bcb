package io.gangproof.analysis;

import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.Resolution;
import io.gangproof.spec.Scheduler;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.TimeFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The carry-in rules against the quantity they bound, found by enumerating every set of carry-in
 * jobs ({@link GangWitnessRecheck#largestCoverage}), and the dominance the rules have by
 * construction: one-per-task DP <= LP <= unbounded, per-instant <= unbounded, both per carry-in
 * and, through the monotone wait, per response bound.
 */
class CarryInBoundTest {

    private static List<ChargedTask> items(Random rnd, int m, int n) {
        List<ChargedTask> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = 1 + rnd.nextInt(m);
            long exec = 1 + rnd.nextInt(12);
            out.add(new ChargedTask("l" + i, i + 1, k, exec, 100, 100, 0, "d", 0, TimeFormat.of(new Resolution(1))));
        }
        return out;
    }

    private static List<long[]> plain(List<ChargedTask> items) {
        List<long[]> out = new ArrayList<>();
        for (ChargedTask l : items) {
            out.add(new long[] {l.width(), l.exec() - 1});
        }
        return out;
    }

    @Property(tries = 400)
    void rulesBoundTheLargestCoverageAndDominate(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int m,
            @ForAll @IntRange(min = 0, max = 5) int n) {
        Random rnd = new Random(seed);
        List<ChargedTask> items = items(rnd, m, n);
        long[] best = CarryInBound.bestRemainingByWidth(m, items);
        for (int beta = 1; beta <= m; beta++) {
            long any = GangWitnessRecheck.largestCoverage(m, beta, plain(items), false);
            long once = GangWitnessRecheck.largestCoverage(m, beta, plain(items), true);
            long unbounded = CarryInBound.of(CarryInRule.UNBOUNDED, m, beta, best, items).value();
            long perInstant = CarryInBound.of(CarryInRule.PER_INSTANT, m, beta, best, items).value();
            long lp = CarryInBound.of(CarryInRule.ONE_PER_TASK_LP, m, beta, best, items).value();
            long dp = CarryInBound.of(CarryInRule.ONE_PER_TASK_DP, m, beta, best, items).value();
            // The DP rules are exact for their models; the others bound them.
            assertThat(perInstant).as("per-instant = largest coverage of any multiset").isEqualTo(any);
            assertThat(dp).as("one-per-task DP = largest coverage of any set").isEqualTo(once);
            assertThat(unbounded).isGreaterThanOrEqualTo(perInstant);
            assertThat(lp).isGreaterThanOrEqualTo(once).isLessThanOrEqualTo(unbounded);
            assertThat(dp).isLessThanOrEqualTo(lp).isLessThanOrEqualTo(perInstant);
        }
    }

    /**
     * The windowed rules (§5b) equal the largest coverage inside a window of L ticks (every job
     * capped at L), and their start point is exact: the carry-in fills all {@code beta L} units
     * for {@code L} up to it and not one tick beyond.
     */
    @Property(tries = 400)
    void windowedRulesAreTheLargestCoverageInsideTheWindow(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 6) int m, @ForAll @IntRange(min = 0, max = 5) int n,
            @ForAll @IntRange(min = 1, max = 14) int window) {
        Random rnd = new Random(seed);
        List<ChargedTask> items = items(rnd, m, n);
        long[] best = CarryInBound.bestRemainingByWidth(m, items);
        List<long[]> capped = new ArrayList<>();
        for (long[] it : plain(items)) {
            capped.add(new long[] {it[0], Math.min(it[1], window)});
        }
        for (int beta = 1; beta <= m; beta++) {
            assertThat(CarryInBound.of(CarryInRule.PER_INSTANT_WINDOW, m, beta, best, items, window).value())
                    .isEqualTo(GangWitnessRecheck.largestCoverage(m, beta, capped, false));
            assertThat(CarryInBound.of(CarryInRule.ONE_PER_TASK_DP_WINDOW, m, beta, best, items, window).value())
                    .isEqualTo(GangWitnessRecheck.largestCoverage(m, beta, capped, true));
            for (CarryInRule rule : List.of(CarryInRule.PER_INSTANT_WINDOW, CarryInRule.ONE_PER_TASK_DP_WINDOW)) {
                long x = CarryInBound.fullSlotLength(rule, m, beta, best, items);
                if (x > 0) {
                    assertThat(CarryInBound.of(rule, m, beta, best, items, x).value()).as("%s full at L = %d", rule, x)
                            .isEqualTo((long) beta * x);
                }
                assertThat(CarryInBound.of(rule, m, beta, best, items, x + 1).value())
                        .as("%s not full at L = %d", rule, x + 1).isLessThan((long) beta * (x + 1));
            }
        }
    }

    @Property(tries = 200)
    void tighterRulesNeverGiveLargerBounds(@ForAll long seed) {
        Random rnd = new Random(seed);
        SystemSpec strict = TestSpecs.random(rnd, new Scheduler(Placement.GLOBAL, Policy.FP, Protocol.GANG_STRICT));
        AnalysisResult perInstant = new GlobalGangStrictResponseTime().analyze(strict);
        AnalysisResult window = new GlobalGangStrictResponseTime(true, CarryInRule.PER_INSTANT_WINDOW).analyze(strict);
        dominates(perInstant, GlobalGangStrictResponseTime.unboundedCarryIn().analyze(strict));
        dominates(window, perInstant);
        dominates(new GlobalGangStrictResponseTime(true, CarryInRule.ONE_PER_TASK_DP).analyze(strict), perInstant);
        AnalysisResult onePerTaskWindow = new GlobalGangStrictResponseTime(true, CarryInRule.ONE_PER_TASK_DP_WINDOW)
                .analyze(strict);
        dominates(onePerTaskWindow, window);
        dominates(new GlobalGangStrictResponseTime(true, CarryInRule.PER_INSTANT, true).analyze(strict), perInstant);
        dominates(new GlobalGangStrictResponseTime(true, CarryInRule.ONE_PER_TASK_DP_WINDOW, true).analyze(strict),
                onePerTaskWindow);
        SystemSpec greedy = TestSpecs.random(rnd, new Scheduler(Placement.GLOBAL, Policy.FP, Protocol.GANG_GREEDY));
        AnalysisResult unb = new GlobalGangGreedyResponseTime(CarryInRule.UNBOUNDED).analyze(greedy);
        AnalysisResult per = new GlobalGangGreedyResponseTime(CarryInRule.PER_INSTANT).analyze(greedy);
        AnalysisResult lp = new GlobalGangGreedyResponseTime(CarryInRule.ONE_PER_TASK_LP).analyze(greedy);
        AnalysisResult dp = new GlobalGangGreedyResponseTime(CarryInRule.ONE_PER_TASK_DP).analyze(greedy);
        dominates(per, unb);
        dominates(lp, unb);
        dominates(dp, lp);
        dominates(dp, per);
        dominates(new GlobalGangGreedyResponseTime(CarryInRule.ONE_PER_TASK_DP_WINDOW).analyze(greedy), dp);
    }

    /** Wherever {@code looser} has a response bound, {@code tighter} has one at most as large. */
    private static void dominates(AnalysisResult tighter, AnalysisResult looser) {
        for (TaskBound b : looser.tasks()) {
            if (b.responseBound().isPresent()) {
                TaskBound t = tighter.task(b.task()).orElseThrow();
                assertThat(t.responseBound()).as("%s: %s vs %s", b.task(), tighter.analysis(), looser.analysis())
                        .isPresent();
                assertThat(t.responseBound().get()).isLessThanOrEqualTo(b.responseBound().get());
            }
        }
    }
}
