package io.gangproof.analysis;

import io.gangproof.spec.Arrival;
import io.gangproof.spec.Binding;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.Scheduler;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.gangproof.analysis.TestSpecs.flat;
import static io.gangproof.analysis.TestSpecs.spec;
import static io.gangproof.analysis.TestSpecs.task;
import static org.assertj.core.api.Assertions.assertThat;

/** Hand-worked answers of the pinned, fifo and global edf tests ({@code docs/analysis.md} §6a–§6c). */
class QueueAndPinnedKnownAnswerTest {

    private static Scheduler scheduler(Placement p, Policy po, Protocol pr) {
        return new Scheduler(p, po, pr);
    }

    /** m = 3: H (width 3, C = 1) and three width-1 tasks (C = 3, T = D = 6) at offsets 0, 2, 4. */
    private static List<Task> starvation() {
        List<Task> ts = new ArrayList<>();
        ts.add(task("H", flat("dH", 1, 0, 3), new Arrival.Sporadic(100), 100, 0, 1, 3, new Binding.AnyTpus()));
        for (int x = 0; x < 3; x++) {
            ts.add(task("A" + x, flat("dA" + x, 3, 0, 3), new Arrival.Periodic(6, 2 * x), 6, 0, 2 + x, 1,
                    new Binding.AnyTpus()));
        }
        return ts;
    }

    /**
     * A starvation example in the manner of semantics §6: the A jobs overlap, so from 0 on one of
     * them runs at every instant, also across every finish, and under gang-greedy H (width 3 of 3)
     * never starts, whatever the policy. The A tasks pass (w = 3 at beta = 3, R = 6 <= 6); H's narrow
     * jobs' count grows with its wait, which diverges, so no task gets a bound. Counting the narrow
     * jobs once would claim R_H = 10.
     */
    @Test
    void starvationExampleHasNoBoundUnderGreedyFifoAndEdf() {
        for (Policy policy : List.of(Policy.FIFO, Policy.EDF)) {
            Scheduler greedy = scheduler(Placement.GLOBAL, policy, Protocol.GANG_GREEDY);
            SystemSpec s = spec("starvation", 3, List.of(), starvation(), greedy);
            AnalysisResult r = new GlobalQueueOrderResponseTime(policy, Protocol.GANG_GREEDY).analyze(s);
            assertThat(r.applicable()).isTrue();
            assertThat(r.tasks()).allSatisfy(b -> assertThat(b.responseBound()).isEmpty());
            assertThat(r.task("A0").orElseThrow().reason()).contains("task H fails");
            List<BruteForceGangSimulator.PlannedJob> plan = new ArrayList<>(BruteForceGangSimulator.randomPlan(
                    spec("a", 3, List.of(), starvation().subList(1, 4), greedy), new java.util.Random(0), 150, true));
            plan.add(new BruteForceGangSimulator.PlannedJob(s.task("H"), 1, 0, 1));
            assertThat(BruteForceGangSimulator.run(s, plan, 150).response().get("H")).as(policy.keyword())
                    .isGreaterThan(100L);
        }
    }

    /**
     * The indirect effect under pinned gang-strict: l (TPU 1, C = 5, lowest priority) runs from 0;
     * h (TPU 1, highest) and i (TPU 0) are released at 1. TPU 0 is free, but the one scan stops at h,
     * so i waits until l ends at 5: R_i = 5. The bound counts l's carry-in because l's TPU is
     * h's: w = 4 + 1 (h's job), R_i = 6. Under gang-greedy i starts at once.
     */
    @Test
    void pinnedStrictChargesCarryInOnTheTpusOfHigherPriorityTasks() {
        List<Task> ts = indirectEffectTasks();
        Scheduler strict = scheduler(Placement.PINNED, Policy.FP, Protocol.GANG_STRICT);
        SystemSpec s = spec("indirect", 2, List.of(), ts, strict);
        AnalysisResult r = new PinnedGangResponseTime(Protocol.GANG_STRICT).analyze(s);
        assertThat(r.task("h").orElseThrow().responseBound()).contains(5L);
        TaskBound i = r.task("i").orElseThrow();
        assertThat(i.responseBound()).contains(6L);
        assertThat(i.inversionBound()).as("l never runs on TPU 0").contains(0L);
        assertThat(i.overtakesBound()).contains(0L);
        assertStrictWaitsAndGreedyDoesNot(s, spec("indirect-greedy", 2, List.of(), ts, scheduler(Placement.PINNED,
                Policy.FP, Protocol.GANG_GREEDY)), new PinnedGangResponseTime(Protocol.GANG_GREEDY));
    }

    /**
     * The indirect effect under pinned fifo gang-strict: l (TPU 1, C = 5) runs from 0; h (TPU 1)
     * and i (TPU 0) arrive together at 1, h first by priority. TPU 0 is free, but the one scan
     * stops at h, so i starts only when l ends at 5: R_i = 5. The bound counts every other task,
     * also those off S_i: h's job and l's (its workload in the window, 5), w = 6, R_i = 7; counting
     * only the tasks on TPU 0 would claim R_i = 1. Under gang-greedy i starts at once (R_i = 1, exact).
     */
    @Test
    void pinnedFifoStrictCountsTheTasksOffItsTpus() {
        List<Task> ts = indirectEffectTasks();
        SystemSpec s = spec("indirect-fifo", 2, List.of(), ts, scheduler(Placement.PINNED, Policy.FIFO,
                Protocol.GANG_STRICT));
        AnalysisResult r = new PinnedQueueOrderResponseTime(Policy.FIFO, Protocol.GANG_STRICT).analyze(s);
        TaskBound i = r.task("i").orElseThrow();
        assertThat(i.responseBound()).contains(7L);
        assertThat(i.inversionBound()).as("no other task runs on TPU 0").contains(0L);
        assertStrictWaitsAndGreedyDoesNot(s, spec("indirect-fifo-greedy", 2, List.of(), ts, scheduler(Placement.PINNED,
                Policy.FIFO, Protocol.GANG_GREEDY)), new PinnedQueueOrderResponseTime(Policy.FIFO, Protocol.GANG_GREEDY));
    }

    /**
     * The indirect-effect tasks of the two tests above: h (TPU 1, highest priority) and i (TPU 0)
     * released at 1, l (TPU 1, C = 5, lowest) from 0.
     */
    private static List<Task> indirectEffectTasks() {
        return List.of(
                task("h", flat("dh", 1, 0, 2), new Arrival.Periodic(20, 1), 20, 0, 1, 1, new Binding.Pinned(List.of(1))),
                task("i", flat("di", 1, 0, 2), new Arrival.Periodic(20, 1), 20, 0, 2, 1, new Binding.Pinned(List.of(0))),
                task("l", flat("dl", 5, 0, 2), new Arrival.Periodic(20, 0), 20, 0, 3, 1, new Binding.Pinned(List.of(1))));
    }

    /**
     * On the same release plan, i waits until l ends (R_i = 5) under {@code strict}'s gang-strict and
     * starts at once (R_i = 1) under {@code greedy}'s gang-greedy, which {@code greedyTest} bounds exactly.
     */
    private static void assertStrictWaitsAndGreedyDoesNot(SystemSpec strict, SystemSpec greedy,
            ResponseTimeAnalysis greedyTest) {
        List<BruteForceGangSimulator.PlannedJob> plan = BruteForceGangSimulator.randomPlan(strict,
                new java.util.Random(0), 19, true);
        assertThat(BruteForceGangSimulator.run(strict, plan, 19).response().get("i")).isEqualTo(5L);
        assertThat(BruteForceGangSimulator.run(greedy, plan, 19).response().get("i")).isEqualTo(1L);
        assertThat(greedyTest.analyze(greedy).task("i").orElseThrow().responseBound()).contains(1L);
    }

    /** Per-TPU locking under pinned placement has no test: not applicable, with the reason. */
    @Test
    void perTpuProtocolsAreNotApplicableWithAReason() {
        SystemSpec s = spec("listed", 2, List.of(), List.of(task("a", flat("da", 1, 0, 2), new Arrival.Sporadic(10), 10,
                0, 1, 2, new Binding.Pinned(List.of(0, 1)))), scheduler(Placement.PINNED, Policy.FP,
                        Protocol.PER_TPU_LISTED));
        for (ResponseTimeAnalysis a : AnalysisCatalog.all()) {
            assertThat(a.appliesTo(s)).as(a.name()).isFalse();
        }
        AnalysisResult r = new PinnedGangResponseTime(Protocol.GANG_STRICT).analyze(s);
        assertThat(r.tasks().get(0).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(r.tasks().get(0).reason()).contains("per-TPU locking");
    }
}
