package io.gangproof.analysis;

import io.gangproof.spec.Arrival;
import io.gangproof.spec.Binding;
import io.gangproof.spec.Dnn;
import io.gangproof.spec.Pipeline;
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

/** Published and hand-worked examples with their known answers, each cross-checked by simulation. */
class KnownAnswerTest {
    private static final Scheduler PART_FP = new Scheduler(Placement.PARTITIONED, Policy.FP, Protocol.GANG_STRICT);
    private static final Scheduler PART_EDF = new Scheduler(Placement.PARTITIONED, Policy.EDF, Protocol.GANG_STRICT);
    private static final Scheduler STRICT = new Scheduler(Placement.GLOBAL, Policy.FP, Protocol.GANG_STRICT);
    private static final Scheduler GREEDY = new Scheduler(Placement.GLOBAL, Policy.FP, Protocol.GANG_GREEDY);
    private static final Binding P0 = new Binding.OnPipeline("p0");
    private static final List<Pipeline> ONE = List.of(new Pipeline("p0", List.of(0)));

    private static Task periodic(String n, long c, long t, int prio) {
        return task(n, flat("d" + n, c, 0, 1), new Arrival.Periodic(t, 0), t, 0, prio, 1, P0);
    }

    /**
     * The three-message CAN example of Davis, Burns, Bril &amp; Lukkien (2007, the example that
     * refutes the 1994 analysis), with its numbers as recalled: UNVERIFIED. A search of stored
     * copies of the paper (2026-11) found its title, abstract and first pages but not the
     * example, so these numbers are neither confirmed nor refuted; the test stands as a
     * hand-worked set whose answer the simulation below re-derives, not as a published known
     * answer (for those see case-studies/specs/textbook-buttazzo-*.gang). A, B, C with
     * transmission time 1 ms, periods = deadlines 2.5, 3.5, 3.5 ms, priorities A > B > C.
     * Here one tick = 0.5 ms (C = 2, T = 5, 7, 7). The original
     * single-job analysis gives R_C = 3 ms (6 ticks); the busy period holds a second instance of
     * C whose response is 3.5 ms (7 ticks), exactly its deadline. (Our integer tick plays the
     * role of tau_bit, so numbers involving tau_bit differ from the paper by that tick.)
     */
    @Test
    void davisEtAl2007CanExampleNeedsTheSecondJobOfTheBusyPeriod() {
        SystemSpec s = spec("can", 1, ONE,
                List.of(periodic("A", 2, 5, 1), periodic("B", 2, 7, 2), periodic("C", 2, 7, 3)), PART_FP);
        TaskBound c = new NpFpResponseTime().analyze(s).task("C").orElseThrow();
        Witness.NpFp w = (Witness.NpFp) c.witness();
        assertThat(w.busyPeriod()).isEqualTo(14);
        assertThat(w.jobs()).isEqualTo(2);
        assertThat(w.starts()).extracting(Witness.JobStart::response).containsExactly(6L, 7L);
        assertThat(c.responseBound()).contains(7L);
        assertThat(c.schedulable()).isTrue();
        // Synchronous release attains it: the bound is exact here.
        var obs = BruteForceGangSimulator.run(s, BruteForceGangSimulator.randomPlan(s, new java.util.Random(1), 40, true), 40);
        assertThat(obs.response().get("C")).isEqualTo(7L);
    }

    /**
     * Blocking boundary (semantics §5 event order): L (C = 5) started at t = 0 blocks H released at
     * t = 1 for 4 = C_L - 1 ticks, so R_H = 4 + 2 = 6; released at t = 0, H would go first.
     */
    @Test
    void blockingIsLowerPriorityExecutionMinusOneTick() {
        Task h = task("H", flat("dh", 2, 0, 1), new Arrival.Sporadic(10), 10, 0, 1, 1, P0);
        Task l = task("L", flat("dl", 5, 0, 1), new Arrival.Periodic(20, 0), 20, 0, 2, 1, P0);
        SystemSpec s = spec("blocking", 1, ONE, List.of(h, l), PART_FP);
        TaskBound hb = new NpFpResponseTime().analyze(s).task("H").orElseThrow();
        assertThat(hb.blockingBound()).contains(4L);
        assertThat(hb.responseBound()).contains(6L);
        long worst = 0;
        for (long at = 0; at <= 6; at++) {
            var plan = List.of(new BruteForceGangSimulator.PlannedJob(l, 0, 0, 5),
                    new BruteForceGangSimulator.PlannedJob(h, at, 0, 2));
            worst = Math.max(worst, BruteForceGangSimulator.run(s, plan, 30).response().get("H"));
        }
        assertThat(worst).as("H released at 1 waits until L ends at 5").isEqualTo(6L);
    }

    /** Jitter delays the release, and the response is measured from arrival (semantics §4). */
    @Test
    void jitterCountsFromArrival() {
        Task h = task("H", flat("dh", 3, 0, 1), new Arrival.Sporadic(10), 10, 2, 1, 1, P0);
        Task l = task("L", flat("dl", 2, 0, 1), new Arrival.Sporadic(10), 10, 0, 2, 1, P0);
        SystemSpec s = spec("jitter", 1, ONE, List.of(h, l), PART_FP);
        var r = new NpFpResponseTime().analyze(s);
        // H: J + B + C = 2 + 1 + 3. L: w = ceil((w + 2 + 1)/10) * 3 = 3, R = 3 + 2.
        assertThat(r.task("H").orElseThrow().responseBound()).contains(6L);
        assertThat(r.task("L").orElseThrow().responseBound()).contains(5L);
    }

    /**
     * Reload on a partition shared by two DNNs: every job is charged its reload; on a single-DNN
     * partition only the very first job reloads (TPUs start with no DNN loaded, semantics §5).
     */
    @Test
    void reloadIsChargedPerJobOnSharedPartitionsAndOnceOtherwise() {
        Dnn shared1 = flat("x", 2, 3, 1);
        Dnn shared2 = flat("y", 2, 1, 1);
        SystemSpec two = spec("two-dnns", 1, ONE, List.of(
                task("H", shared1, new Arrival.Sporadic(30), 30, 0, 1, 1, P0),
                task("L", shared2, new Arrival.Sporadic(30), 30, 0, 2, 1, P0)), PART_FP);
        var r2 = new NpFpResponseTime().analyze(two);
        // H: blocking (2 + 1) - 1 = 2, own 2 + 3: R = 7. L: H's 5 then its own 3: R = 8.
        assertThat(r2.task("H").orElseThrow().responseBound()).contains(7L);
        assertThat(r2.task("L").orElseThrow().responseBound()).contains(8L);
        Dnn one = flat("z", 2, 3, 1);
        SystemSpec single = spec("one-dnn", 1, ONE, List.of(
                task("H", one, new Arrival.Sporadic(30), 30, 0, 1, 1, P0),
                task("L", one, new Arrival.Sporadic(30), 30, 0, 2, 1, P0)), PART_FP);
        var r1 = new NpFpResponseTime().analyze(single);
        // H: blocking 1 + one-time reload 3 + 2 = 6. L: 3 + 2 + 2 = 7.
        assertThat(r1.task("H").orElseThrow().responseBound()).contains(6L);
        assertThat(r1.task("L").orElseThrow().responseBound()).contains(7L);
        var plan = List.of(new BruteForceGangSimulator.PlannedJob(single.task("L"), 0, 0, 2),
                new BruteForceGangSimulator.PlannedJob(single.task("H"), 1, 0, 2));
        assertThat(BruteForceGangSimulator.run(single, plan, 30).response().get("H")).isEqualTo(6L);
    }

    /**
     * Hand-worked NP-EDF demand test (George, Rivierre &amp; Spuri 1996): a (1, 4),
     * b (2, 6) with D = T, and c (C_c, T = 13, D = 12), so that U < 1 for every C_c tried. With C_c = 4 every point passes (t = 4: 1 + 3 <= 4), with
     * C_c = 5 the point t = 4 fails (1 + 4 > 4), and the simulator shows the real miss: c starts
     * at 0, a released at 1 with deadline 5 starts at 5.
     */
    @Test
    void edfDemandTestIsExactAtTheBlockingBoundary() {
        for (long cc = 3; cc <= 5; cc++) {
            Task a = periodic("a", 1, 4, 1);
            Task b = periodic("b", 2, 6, 2);
            Task c = task("c", flat("dc", cc, 0, 1), new Arrival.Sporadic(13), 12, 0, 3, 1, P0);
            SystemSpec s = spec("edf", 1, ONE, List.of(task("a", a.dnn(), new Arrival.Sporadic(4), 4, 0, 1, 1, P0),
                    task("b", b.dnn(), new Arrival.Sporadic(6), 6, 0, 2, 1, P0), c), PART_EDF);
            AnalysisResult r = new NpEdfProcessorDemand().analyze(s);
            var plan = List.of(new BruteForceGangSimulator.PlannedJob(s.task("c"), 0, 0, cc),
                    new BruteForceGangSimulator.PlannedJob(s.task("a"), 1, 0, 1));
            long seen = BruteForceGangSimulator.run(s, plan, 30).response().get("a");
            if (cc <= 4) {
                assertThat(r.allSchedulable()).as("C_c = %d", cc).isTrue();
                assertThat(seen).isLessThanOrEqualTo(4L);
            } else {
                assertThat(r.allSchedulable()).isFalse();
                assertThat(((Witness.NpEdf) r.tasks().get(0).witness()).tightestPoint()).isEqualTo(4L);
                assertThat(seen).as("a really misses").isGreaterThan(4L);
            }
        }
    }

    private static List<Task> starvation() {
        List<Task> ts = new ArrayList<>();
        ts.add(task("H", flat("dH", 1, 0, 2), new Arrival.Sporadic(10), 10, 0, 1, 2, new Binding.AnyTpus()));
        ts.add(task("A", flat("dA", 3, 0, 2), new Arrival.Periodic(4, 0), 4, 0, 2, 1, new Binding.AnyTpus()));
        ts.add(task("B", flat("dB", 3, 0, 2), new Arrival.Periodic(4, 2), 4, 0, 3, 1, new Binding.AnyTpus()));
        return ts;
    }

    /** Semantics §6 starvation example: gang-greedy must never be proved schedulable. */
    @Test
    void starvationExampleIsNotSchedulableUnderGangGreedy() {
        SystemSpec s = spec("starvation", 2, List.of(), starvation(), GREEDY);
        AnalysisResult r = new GlobalGangGreedyResponseTime().analyze(s);
        assertThat(r.tasks()).allSatisfy(b -> {
            assertThat(b.outcome()).isEqualTo(Outcome.NOT_SCHEDULABLE_BY_TEST);
            assertThat(b.responseBound()).isEmpty();
        });
        // And the simulator shows the starvation: H released at 1 has not started 100 ticks later.
        List<BruteForceGangSimulator.PlannedJob> plan = new ArrayList<>(
                BruteForceGangSimulator.randomPlan(spec("ab", 2, List.of(), starvation().subList(1, 3), GREEDY),
                        new java.util.Random(0), 100, true));
        plan.add(new BruteForceGangSimulator.PlannedJob(s.task("H"), 1, 0, 1));
        assertThat(BruteForceGangSimulator.run(s, plan, 100).response().get("H")).isGreaterThan(99L);
    }

    /** Under gang-strict H waits only until A ends at 3 (semantics §6): R_H = 3, and B may miss. */
    @Test
    void starvationExampleUnderGangStrictBoundsHButNotB() {
        SystemSpec s = spec("starvation-strict", 2, List.of(), starvation(), STRICT);
        AnalysisResult r = new GlobalGangStrictResponseTime().analyze(s);
        TaskBound h = r.task("H").orElseThrow();
        assertThat(h.responseBound()).contains(3L);
        assertThat(h.overtakesBound()).contains(0L);
        assertThat(h.inversionBound()).contains(2L);
        assertThat(r.task("B").orElseThrow().schedulable()).isFalse();
        List<BruteForceGangSimulator.PlannedJob> plan = new ArrayList<>(
                BruteForceGangSimulator.randomPlan(spec("ab", 2, List.of(), starvation().subList(1, 3), STRICT),
                        new java.util.Random(0), 20, true));
        plan.add(new BruteForceGangSimulator.PlannedJob(s.task("H"), 1, 0, 1));
        var obs = BruteForceGangSimulator.run(s, plan, 20);
        assertThat(obs.response().get("H")).isEqualTo(3L);
        assertThat(obs.response().get("B")).as("B released at 2 ends at 7").isEqualTo(5L);
    }

    /**
     * Hand-worked: m = 4, two width-1 tasks (C = 4, T = D = 20) above a width-1 task i (C = 2).
     * Sequential (beta = 1): w = W1(w+1) + W2(w+1) climbs to 8, R = 10. TPU-time (beta = 4,
     * head width 1): 4 (w + 1) > 2 already at w = 0, R = 2: with 4 TPUs and 3 narrow tasks i never waits.
     */
    @Test
    void tpuTimeBoundBeatsTheSequentialBoundWhenTheHeadIsNarrow() {
        List<Task> ts = List.of(
                task("h1", flat("d1", 4, 0, 4), new Arrival.Sporadic(20), 20, 0, 1, 1, new Binding.AnyTpus()),
                task("h2", flat("d2", 4, 0, 4), new Arrival.Sporadic(20), 20, 0, 2, 1, new Binding.AnyTpus()),
                task("i", flat("d3", 2, 0, 4), new Arrival.Sporadic(20), 20, 0, 3, 1, new Binding.AnyTpus()));
        SystemSpec s = spec("narrow", 4, List.of(), ts, STRICT);
        TaskBound seq = GlobalGangStrictResponseTime.sequentialOnly().analyze(s).task("i").orElseThrow();
        TaskBound tight = new GlobalGangStrictResponseTime().analyze(s).task("i").orElseThrow();
        assertThat(seq.responseBound()).contains(10L);
        assertThat(((Witness.Gang) seq.witness()).beta()).isEqualTo(1);
        assertThat(tight.responseBound()).contains(2L);
        assertThat(((Witness.Gang) tight.witness()).beta()).isGreaterThan(1);
    }

    /** Reload is always charged under global placement: C' = wcet + reload. */
    @Test
    void globalPlacementChargesReloadOnEveryJob() {
        Task only = task("x", flat("dx", 2, 3, 2), new Arrival.Sporadic(20), 20, 1, 1, 2, new Binding.AnyTpus());
        SystemSpec s = spec("reload", 2, List.of(), List.of(only), STRICT);
        assertThat(new GlobalGangStrictResponseTime().analyze(s).task("x").orElseThrow().responseBound()).contains(6L);
        assertThat(new GlobalGangGreedyResponseTime().analyze(spec("reload", 2, List.of(), List.of(only), GREEDY))
                .task("x").orElseThrow().responseBound()).contains(6L);
    }

    /**
     * One long higher-priority job (C = 1,000,000) on one TPU: the capped workload makes the plain
     * iteration creep one tick per step; the accelerated iteration must still end quickly at the
     * exact wait 1,000,000 (i released with h waits for all of it).
     */
    @Test
    void longJobsDoNotMakeTheGangIterationCreep() {
        List<Task> ts = List.of(
                task("h", flat("dh", 1_000_000, 0, 1), new Arrival.Sporadic(10_000_000), 10_000_000, 0, 1, 1,
                        new Binding.AnyTpus()),
                task("i", flat("di", 1, 0, 1), new Arrival.Sporadic(10_000_000), 10_000_000, 0, 2, 1, new Binding.AnyTpus()));
        SystemSpec s = spec("long", 1, List.of(), ts, STRICT);
        Witness.Gang g = (Witness.Gang) new GlobalGangStrictResponseTime().analyze(s).task("i").orElseThrow().witness();
        assertThat(g.waitBound()).isEqualTo(1_000_000L);
        assertThat(g.response()).isEqualTo(1_000_001L);
    }
}
