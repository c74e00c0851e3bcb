package io.gangproof.analysis;

import io.gangproof.spec.Resolution;
import io.gangproof.spec.TimeFormat;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.Scheduler;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class GlobalPriorityAssignmentTest {
    private static final Scheduler STRICT = new Scheduler(Placement.GLOBAL, Policy.FP, Protocol.GANG_STRICT);
    private static final Scheduler GREEDY = new Scheduler(Placement.GLOBAL, Policy.FP, Protocol.GANG_GREEDY);

    /** Gang-greedy: the search is exact, so it finds an order exactly when one of the n! orders passes. */
    @Property(tries = 150)
    void greedySearchFindsAnOrderWheneverOneExists(@ForAll long seed, @ForAll @IntRange(min = 2, max = 5) int n,
            @ForAll @IntRange(min = 150, max = 400) int perMille) {
        SystemSpec s = TaskSetGenerator.global(new Random(seed), 4, n, 3, perMille, GREEDY, true);
        GlobalGangGreedyResponseTime test = new GlobalGangGreedyResponseTime();
        boolean exists = PriorityOrders.anyPasses(s, test);
        AssignmentResult a = new GlobalPriorityAssignment().assign(s);
        Statistics.label("some order passes").collect(exists);
        Statistics.label("deadline-monotonic passes").collect(test.analyze(s).allSchedulable());
        assertThat(a.found()).as(a.explanation() + "\n" + AnalysisSoundnessTest.describe(s)).isEqualTo(exists);
        a.spec().ifPresent(out -> assertReverified(out, test));
    }

    /**
     * Gang-strict: the deadline-based search, then the search over the orders of the test itself,
     * find an order exactly when one of the n! orders passes the test, and what they return passes
     * it; the given (deadline-monotonic) order is never lost.
     */
    @Property(tries = 150)
    void strictSearchFindsAnOrderWheneverOneExists(@ForAll long seed,
            @ForAll @IntRange(min = 2, max = 5) int n, @ForAll @IntRange(min = 150, max = 400) int perMille,
            @ForAll boolean tightest) {
        SystemSpec s = TaskSetGenerator.global(new Random(seed), 4, n, 3, perMille, STRICT, true);
        // the default test, or every step of docs/analysis.md §5b-§5d (check and verification alike)
        GlobalGangStrictResponseTime test = tightest ? GlobalGangStrictResponseTime.tightest()
                : new GlobalGangStrictResponseTime();
        boolean dm = test.analyze(s).allSchedulable();
        boolean exists = PriorityOrders.anyPasses(s, test);
        AssignmentResult a = new GlobalPriorityAssignment(1_000_000, test).assign(s);
        Statistics.label("DM / search / some order").collect(dm + " / " + a.found() + " / " + exists);
        assertThat(a.found()).as(a.explanation() + "\n" + AnalysisSoundnessTest.describe(s)).isEqualTo(exists);
        if (dm) {
            assertThat(a.found()).as(a.explanation()).isTrue();
        }
        a.spec().ifPresent(out -> assertReverified(out, test));
    }

    /**
     * A set (4 tasks on 4 TPUs) for which no order passes the deadline-based form of gang-strict,
     * nor does the deadline-monotonic order pass the test, but some order passes the test itself:
     * only the search over the test's own orders finds it.
     */
    @Test
    void theSearchOverTheTestsOrdersFindsWhatTheDeadlineBasedFormMisses() {
        SystemSpec s = TaskSetGenerator.global(new Random(6), 4, 4, 3, 200, STRICT, true);
        GlobalGangStrictResponseTime test = new GlobalGangStrictResponseTime();
        GlobalView view = GlobalView.of(s, Protocol.GANG_STRICT).view().orElseThrow();
        assertThat(GlobalPriorityAssignment.order(view, Protocol.GANG_STRICT, 1_000_000, new boolean[1], test))
                .isEmpty();
        assertThat(test.analyze(s).allSchedulable()).isFalse();
        AssignmentResult a = new GlobalPriorityAssignment(1_000_000, test).assign(s);
        assertThat(a.explanation()).contains("orders of the test");
        assertReverified(a.spec().orElseThrow(), test);
    }

    /**
     * Why neither per-level check meets Davis &amp; Burns' condition 3: on 4 TPUs, a width-1 task
     * i (C = 2, D = 3) below a width-1 task j (C = 10) waits 0 (j's workload in a 1-tick window
     * is 1 tick, beta = 4); above it, a job of j may be running at i's release with 9 ticks left
     * (gang-greedy, one job per task: carry-in 9, so i waits floor(9 / 4) = 2 with beta = 4;
     * gang-strict, up to four jobs: 4 x 9, i waits 9), and i misses D = 3.
     */
    @Test
    void movingATaskUpCanMakeItFail() {
        ChargedTask i = new ChargedTask("i", 2, 1, 2, 100, 3, 0, "di", 0, TimeFormat.of(Resolution.DEFAULT));
        ChargedTask j = new ChargedTask("j", 1, 1, 10, 100, 100, 0, "dj", 0, TimeFormat.of(Resolution.DEFAULT));
        for (Protocol p : List.of(Protocol.GANG_STRICT, Protocol.GANG_GREEDY)) {
            assertThat(GlobalPriorityAssignment.passes(4, p, i, List.of(j), List.of())).as(p.keyword()).isTrue();
            assertThat(GlobalPriorityAssignment.passes(4, p, i, List.of(), List.of(j))).as(p.keyword()).isFalse();
        }
    }

    @Test
    void aSmallBudgetStopsTheSearchAndSaysSo() {
        SystemSpec s = TaskSetGenerator.global(new Random(7), 4, 5, 3, 900, GREEDY, true);
        AssignmentResult a = new GlobalPriorityAssignment(3).assign(s);
        assertThat(a.found()).isFalse();
        assertThat(a.explanation()).contains("stopped after 3");
    }

    @Test
    void refusesPartitionedSpecs() {
        SystemSpec s = TaskSetGenerator.partitioned(new Random(1), 4, 3, 300, Policy.FP);
        assertThat(new GlobalPriorityAssignment().assign(s).explanation()).contains("not global");
    }

    private static void assertReverified(SystemSpec out, ResponseTimeAnalysis test) {
        assertThat(test.analyze(out).allSchedulable()).isTrue();
        assertThat(out.tasks().stream().map(Task::priority).distinct().count()).isEqualTo(out.tasks().size());
    }
}
