package io.gangproof.scheduler;

import static io.gangproof.scheduler.SpecFixture.periodic;
import static io.gangproof.scheduler.SpecFixture.sporadic;
import static io.gangproof.scheduler.SpecFixture.system;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gangproof.scheduler.trace.Trace;
import io.gangproof.scheduler.trace.TraceEvent;
import io.gangproof.spec.Binding;
import io.gangproof.spec.Dnn;
import io.gangproof.spec.DnnExit;
import io.gangproof.spec.Latency;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.SystemSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** One hand-computed schedule per rule of semantics §5-§6. */
class RulesTest {
    static ScenarioJob job(String task, int index, long arrival, long release, long exec) {
        return new ScenarioJob(task, index, arrival, release, exec, DnnExit.SINGLE);
    }

    static Trace run(SystemSpec spec, long horizon, ScenarioJob... jobs) {
        return ReferenceScheduler.run(spec, new Scenario(Arrays.asList(jobs)), horizon);
    }

    static long start(Trace t, String id) {
        return t.job(id).start().orElseThrow();
    }

    static List<String> eventsAt(Trace t, long time) {
        return t.events().stream().filter(e -> e.time() == time)
                .map(e -> e.kind().name().toLowerCase() + " " + String.join(",", e.jobs()) + " " + e.tpus()).toList();
    }

    @Test
    void atOneInstantFinishesComeFirstThenReleasesThenDispatch() {
        // m = 1: X runs [0, 2); L (low) and H (high) are released at 2 and see the TPU free.
        SystemSpec spec = system(1, Placement.GLOBAL, Policy.FP, Protocol.GANG_STRICT)
                .global("X", 3, sporadic(10), 10, 1, 2)
                .global("L", 2, sporadic(10), 10, 1, 1)
                .global("H", 1, sporadic(10), 10, 1, 1).build();
        Trace t = run(spec, 9, job("X", 0, 0, 0, 2), job("L", 0, 2, 2, 1), job("H", 0, 2, 2, 1));
        assertThat(eventsAt(t, 2)).containsExactly("finish X#0 [0]", "release H#0 []", "release L#0 []",
                "start H#0 [0]");
        assertThat(eventsAt(t, 3)).containsExactly("finish H#0 [0]", "start L#0 [0]");
        assertThat(start(t, "L#0")).isEqualTo(3);
    }

    @Test
    void aLowerPriorityJobStartedBeforeTheReleaseBlocks() {
        // L released at 1 starts at once; H released at 2 waits until L ends at 4.
        SystemSpec spec = system(1, Placement.GLOBAL, Policy.FP, Protocol.GANG_STRICT)
                .global("L", 2, sporadic(10), 10, 1, 3)
                .global("H", 1, sporadic(10), 10, 1, 1).build();
        Trace t = run(spec, 9, job("L", 0, 1, 1, 3), job("H", 0, 2, 2, 1));
        assertThat(start(t, "H#0")).isEqualTo(4);
    }

    @Test
    void fpServesByPriority() {
        // X occupies the single TPU in [0, 3); B (priority 2) arrives at 1, A (priority 1) at 2.
        SystemSpec spec = threeTasks(Policy.FP, 10, 10);
        Trace t = run(spec, 20, job("X", 0, 0, 0, 3), job("B", 0, 1, 1, 2), job("A", 0, 2, 2, 2));
        assertThat(start(t, "A#0")).isEqualTo(3);
        assertThat(start(t, "B#0")).isEqualTo(5);
    }

    @Test
    void fifoServesByArrivalThenPriority() {
        SystemSpec spec = threeTasks(Policy.FIFO, 10, 10);
        Trace t = run(spec, 20, job("X", 0, 0, 0, 3), job("B", 0, 1, 1, 2), job("A", 0, 2, 2, 2));
        assertThat(start(t, "B#0")).isEqualTo(3);
        assertThat(start(t, "A#0")).isEqualTo(5);
        // Equal arrivals: the higher priority (A) first.
        Trace tie = run(spec, 20, job("X", 0, 0, 0, 3), job("B", 0, 1, 1, 2), job("A", 0, 1, 1, 2));
        assertThat(start(tie, "A#0")).isEqualTo(3);
        assertThat(start(tie, "B#0")).isEqualTo(5);
    }

    @Test
    void edfServesByAbsoluteDeadlineThenPriority() {
        // A (priority 1) has D = 10, B (priority 2) has D = 4: at 3, B's deadline 5 beats A's 11.
        SystemSpec spec = threeTasks(Policy.EDF, 10, 4);
        Trace t = run(spec, 20, job("X", 0, 0, 0, 3), job("B", 0, 1, 1, 2), job("A", 0, 1, 1, 2));
        assertThat(start(t, "B#0")).isEqualTo(3);
        assertThat(start(t, "A#0")).isEqualTo(5);
        // A arriving at 1 (deadline 11) and B at 7 (deadline 11) tie on deadline: priority decides for A.
        SystemSpec same = system(1, Placement.GLOBAL, Policy.EDF, Protocol.GANG_STRICT)
                .global("X", 3, sporadic(20), 20, 1, 9)
                .global("A", 1, sporadic(20), 10, 1, 2)
                .global("B", 2, sporadic(20), 4, 1, 2).build();
        Trace tie = run(same, 20, job("X", 0, 0, 0, 9), job("A", 0, 1, 1, 2), job("B", 0, 7, 7, 2));
        assertThat(start(tie, "A#0")).isEqualTo(9);
        assertThat(start(tie, "B#0")).isEqualTo(11);
    }

    @Test
    void remainingTiesGoToArrivalThenTaskName() {
        // The model does not forbid equal priorities: then the earlier arrival, then the task name.
        SystemSpec spec = system(1, Placement.GLOBAL, Policy.FP, Protocol.GANG_STRICT)
                .global("X", 1, sporadic(20), 20, 1, 4)
                .global("Q", 2, sporadic(20), 20, 1, 1)
                .global("P", 2, sporadic(20), 20, 1, 1)
                .global("R", 2, sporadic(20), 20, 1, 1).build();
        Trace t = run(spec, 19, job("X", 0, 0, 0, 4), job("R", 0, 1, 1, 1), job("Q", 0, 2, 2, 1), job("P", 0, 2, 2, 1));
        assertThat(start(t, "R#0")).isEqualTo(4);
        assertThat(start(t, "P#0")).isEqualTo(5);
        assertThat(start(t, "Q#0")).isEqualTo(6);
    }

    private static SystemSpec threeTasks(Policy policy, long deadlineA, long deadlineB) {
        return system(1, Placement.GLOBAL, policy, Protocol.GANG_STRICT)
                .global("X", 3, sporadic(20), 20, 1, 3)
                .global("A", 1, sporadic(20), deadlineA, 1, 2)
                .global("B", 2, sporadic(20), deadlineB, 1, 2).build();
    }

    @Test
    void greedySkipsAWideJobThatDoesNotFitStrictStops() {
        // m = 2: X holds TPU 0 in [0, 4). W (k = 2, priority 1) and N (k = 1, priority 2) arrive at 1.
        for (Protocol p : List.of(Protocol.GANG_GREEDY, Protocol.GANG_STRICT)) {
            SystemSpec spec = system(2, Placement.GLOBAL, Policy.FP, p)
                    .global("X", 3, sporadic(20), 20, 1, 4)
                    .global("W", 1, sporadic(20), 20, 2, 2)
                    .global("N", 2, sporadic(20), 20, 1, 5).build();
            Trace t = run(spec, 19, job("X", 0, 0, 0, 4), job("W", 0, 1, 1, 2), job("N", 0, 1, 1, 5));
            if (p == Protocol.GANG_GREEDY) {
                // N overtakes W on TPU 1 at 1; W waits for both TPUs until N ends at 6.
                assertThat(start(t, "N#0")).isEqualTo(1);
                assertThat(t.job("N#0").tpus()).containsExactly(1);
                assertThat(start(t, "W#0")).isEqualTo(6);
            } else {
                assertThat(start(t, "W#0")).isEqualTo(4);
                assertThat(t.job("W#0").tpus()).containsExactly(0, 1);
                assertThat(start(t, "N#0")).isEqualTo(6);
            }
        }
    }

    @Test
    void globalTakesTheLowestIndexedFreeTpus() {
        SystemSpec spec = system(4, Placement.GLOBAL, Policy.FP, Protocol.GANG_GREEDY)
                .global("X", 1, sporadic(20), 20, 1, 5)
                .global("Y", 2, sporadic(20), 20, 2, 5).build();
        Trace t = run(spec, 19, job("X", 0, 0, 0, 5), job("Y", 0, 0, 0, 5));
        assertThat(t.job("X#0").tpus()).containsExactly(0);
        assertThat(t.job("Y#0").tpus()).containsExactly(1, 2);
        SystemSpec two = system(4, Placement.GLOBAL, Policy.FP, Protocol.GANG_GREEDY)
                .global("X", 1, sporadic(20), 20, 1, 5)
                .global("Y", 2, sporadic(20), 20, 2, 9)
                .global("Z", 3, sporadic(20), 20, 2, 5).build();
        Trace t3 = run(two, 19, job("X", 0, 0, 0, 5), job("Y", 0, 0, 0, 9), job("Z", 0, 1, 1, 5));
        // At 0: X on 0, Y on 1-2. Z (k = 2) at 1 sees only TPU 3 free; at 5 it gets 0 and 3.
        assertThat(start(t3, "Z#0")).isEqualTo(5);
        assertThat(t3.job("Z#0").tpus()).containsExactly(0, 3);
    }

    @Test
    void partitionedJobsUseTheWholePipelineAndPartitionsDoNotInterfere() {
        for (Protocol p : Protocol.values()) {
            SystemSpec spec = system(3, Placement.PARTITIONED, Policy.FP, p)
                    .pipeline("wide", 2, 0).pipeline("narrow", 1)
                    .partitioned("A", 1, sporadic(20), 20, "wide", 3)
                    .partitioned("B", 2, sporadic(20), 20, "wide", 2)
                    .partitioned("C", 3, sporadic(20), 20, "narrow", 4).build();
            Trace t = run(spec, 19, job("B", 0, 0, 0, 2), job("A", 0, 1, 1, 3), job("C", 0, 1, 1, 4));
            // B takes both TPUs of "wide" at 0; A waits until 2; C runs at once on "narrow".
            assertThat(t.job("B#0").tpus()).as(p.keyword()).containsExactlyInAnyOrder(0, 2);
            assertThat(start(t, "A#0")).as(p.keyword()).isEqualTo(2);
            assertThat(t.job("A#0").finish()).hasValue(5);
            assertThat(start(t, "C#0")).as(p.keyword()).isEqualTo(1);
            assertThat(t.job("C#0").tpus()).containsExactly(1);
        }
    }

    @Test
    void pinnedTasksBlockEachOtherOnlyWhereTheirListsOverlap() {
        SystemSpec spec = system(3, Placement.PINNED, Policy.FP, Protocol.GANG_STRICT)
                .pinned("A", 1, sporadic(20), 20, List.of(0, 1), 4)
                .pinned("B", 2, sporadic(20), 20, List.of(1, 2), 2)
                .pinned("C", 3, sporadic(20), 20, List.of(2), 2).build();
        Trace t = run(spec, 19, job("A", 0, 0, 0, 4), job("B", 0, 1, 1, 2), job("C", 0, 1, 1, 2));
        // B needs TPU 1 (held by A until 4); gang-strict then stops: C waits behind B although TPU 2 is free.
        assertThat(start(t, "B#0")).isEqualTo(4);
        assertThat(start(t, "C#0")).isEqualTo(6);
        SystemSpec greedy = system(3, Placement.PINNED, Policy.FP, Protocol.GANG_GREEDY)
                .pinned("A", 1, sporadic(20), 20, List.of(0, 1), 4)
                .pinned("B", 2, sporadic(20), 20, List.of(1, 2), 2)
                .pinned("C", 3, sporadic(20), 20, List.of(2), 2).build();
        Trace g = run(greedy, 19, job("A", 0, 0, 0, 4), job("B", 0, 1, 1, 2), job("C", 0, 1, 1, 2));
        assertThat(start(g, "C#0")).isEqualTo(1);
        assertThat(start(g, "B#0")).isEqualTo(4);
    }

    @Test
    void perTpuAscendingHoldsWhileWaitingAndBuildsABlockingChain() {
        // R runs on TPU 1 in [0, 5). A [1, 0] (ascending: 0 then 1) arrives at 1, takes TPU 0 and waits.
        // H [0] (highest priority) arrives at 2 and is blocked by A's held lock until A ends at 5 + 2.
        SystemSpec spec = system(2, Placement.PINNED, Policy.FP, Protocol.PER_TPU_ASCENDING)
                .pinned("R", 3, sporadic(20), 20, List.of(1), 5)
                .pinned("A", 2, sporadic(20), 20, List.of(1, 0), 2)
                .pinned("H", 1, sporadic(20), 20, List.of(0), 1).build();
        Trace t = run(spec, 19, job("R", 0, 0, 0, 5), job("A", 0, 1, 1, 2), job("H", 0, 2, 2, 1));
        assertThat(t.job("A#0").acquisitions()).extracting(a -> a.tpu() + "@" + a.time()).containsExactly("0@1", "1@5");
        assertThat(start(t, "A#0")).isEqualTo(5);
        assertThat(start(t, "H#0")).isEqualTo(7);
        assertThat(eventsAt(t, 1)).containsExactly("release A#0 []", "acquire A#0 [0]");
        assertThat(t.occupancy()).filteredOn(o -> o.job().equals("A#0") && !o.executing())
                .extracting(o -> o.tpu() + ":" + o.from() + "-" + o.to()).containsExactly("0:1-5");
    }

    @Test
    void perTpuListedTakesLocksInTheListedOrderFirstPendingJobFirst() {
        // Both want TPU 1 first; at 3 (R ends) the higher-priority B gets TPU 1, then TPU 0, then A follows.
        SystemSpec spec = system(2, Placement.PINNED, Policy.FP, Protocol.PER_TPU_LISTED)
                .pinned("R", 3, sporadic(20), 20, List.of(1), 3)
                .pinned("A", 2, sporadic(20), 20, List.of(1, 0), 2)
                .pinned("B", 1, sporadic(20), 20, List.of(1, 0), 2).build();
        Trace t = run(spec, 19, job("R", 0, 0, 0, 3), job("A", 0, 1, 1, 2), job("B", 0, 2, 2, 2));
        assertThat(eventsAt(t, 3)).containsExactly("finish R#0 [1]", "acquire B#0 [1]", "acquire B#0 [0]",
                "start B#0 [1, 0]");
        assertThat(start(t, "A#0")).isEqualTo(5);
        assertThat(t.deadlocks()).isEmpty();
    }

    @Test
    void jitterDelaysTheReleaseButNotTheDeadlineOrTheArrivalOrder() {
        // A: T = 4, J = 5. A#0 arrives at 0 but is released at 5; A#1 arrives at 4, released at 4.
        // X keeps the TPU busy in [0, 6); at 6 A#0 (earlier arrival) goes before A#1.
        SystemSpec spec = system(1, Placement.GLOBAL, Policy.FP, Protocol.GANG_STRICT)
                .global("X", 2, sporadic(20), 20, 1, 6)
                .task("A", 1, periodic(4, 0), 4, 5, 1, new Binding.AnyTpus(), SpecFixture.dnn("dA", 1, 1, 0)).build();
        Trace t = run(spec, 9, job("X", 0, 0, 0, 6), job("A", 0, 0, 5, 1), job("A", 1, 4, 4, 1), job("A", 2, 8, 8, 1));
        assertThat(t.job("A#0").release()).isEqualTo(5);
        assertThat(t.job("A#0").deadline()).isEqualTo(4);
        assertThat(start(t, "A#0")).isEqualTo(6);
        assertThat(start(t, "A#1")).isEqualTo(7);
        assertThatThrownBy(() -> run(spec, 9, job("X", 0, 0, 0, 6), job("A", 0, 0, 6, 1), job("A", 1, 4, 4, 1),
                job("A", 2, 8, 8, 1))).hasMessageContaining("after arrival 0 plus jitter 5");
    }

    @Test
    void aDynamicDnnJobTakesItsExitsInterval() {
        Dnn dyn = new Dnn("dyn", 0, 0, true, List.of(
                new DnnExit("early", new TreeMap<>(Map.of(1, Latency.exactly(1)))),
                new DnnExit("full", new TreeMap<>(Map.of(1, new Latency(4, 5))))));
        SystemSpec spec = system(1, Placement.GLOBAL, Policy.FP, Protocol.GANG_STRICT)
                .task("D", 1, periodic(10, 0), 10, 0, 1, new Binding.AnyTpus(), dyn).build();
        Trace t = ReferenceScheduler.run(spec, new Scenario(List.of(new ScenarioJob("D", 0, 0, 0, 1, "early"),
                new ScenarioJob("D", 1, 10, 10, 5, "full"))), 19);
        assertThat(t.job("D#0").finish()).hasValue(1);
        assertThat(t.job("D#1").finish()).hasValue(15);
        assertThat(t.job("D#1").exit()).isEqualTo("full");
        // 3 ticks lies in the hull [1, 5] but in neither exit's interval.
        assertThatThrownBy(() -> ReferenceScheduler.run(spec, new Scenario(List.of(
                new ScenarioJob("D", 0, 0, 0, 3, "full"), new ScenarioJob("D", 1, 10, 10, 4, "full"))), 19))
                .hasMessageContaining("outside [4, 5] of exit full");
        assertThatThrownBy(() -> ReferenceScheduler.run(spec, new Scenario(List.of(
                new ScenarioJob("D", 0, 0, 0, 1, "middle"), new ScenarioJob("D", 1, 10, 10, 4, "full"))), 19))
                .hasMessageContaining("lacks");
    }

    @Test
    void reloadIsPaidWhenATpuLastRanAnotherDnn() {
        // m = 1. A's DNN reloads in 2, B's in 1. Initially the TPU ran nothing, so A#0 reloads:
        // [0, 2 + 1). A#1 at 3 finds A's DNN: [3, 4). B#0 at 4 reloads: [4, 4 + 1 + 1). A#2 at 6 reloads again.
        SystemSpec spec = system(1, Placement.GLOBAL, Policy.FP, Protocol.GANG_STRICT)
                .task("A", 1, sporadic(3), 3, 0, 1, new Binding.AnyTpus(), SpecFixture.dnn("a", 1, 1, 2))
                .task("B", 2, sporadic(10), 10, 0, 1, new Binding.AnyTpus(), SpecFixture.dnn("b", 1, 1, 1)).build();
        Trace t = run(spec, 19, job("A", 0, 0, 0, 1), job("A", 1, 3, 3, 1), job("B", 0, 4, 4, 1), job("A", 2, 6, 6, 1));
        assertThat(t.job("A#0").reloadTime()).isEqualTo(2);
        assertThat(t.job("A#0").finish()).hasValue(3);
        assertThat(t.job("A#1").reloadTime()).isZero();
        assertThat(t.job("A#1").finish()).hasValue(4);
        assertThat(t.job("B#0").reloadTime()).isEqualTo(1);
        assertThat(t.job("B#0").finish()).hasValue(6);
        assertThat(t.job("A#2").reloadTime()).isEqualTo(2);
        assertThat(t.job("A#2").finish()).hasValue(9);
    }

    @Test
    void aGangJobReloadsIfAnyOfItsTpusLastRanAnotherDnn() {
        // m = 2, global. W (k = 2) ran on both; N (k = 1) then ran on TPU 0 only; W#1 must reload.
        SystemSpec spec = system(2, Placement.GLOBAL, Policy.FP, Protocol.GANG_STRICT)
                .task("W", 1, sporadic(10), 10, 0, 2, new Binding.AnyTpus(), SpecFixture.dnn("w", 2, 2, 3))
                .task("N", 2, sporadic(10), 10, 0, 1, new Binding.AnyTpus(), SpecFixture.dnn("n", 1, 1, 0)).build();
        Trace t = run(spec, 29, job("W", 0, 0, 0, 2), job("N", 0, 6, 6, 1), job("W", 1, 10, 10, 2));
        assertThat(t.job("W#0").finish()).hasValue(5);
        assertThat(t.job("N#0").tpus()).containsExactly(0);
        assertThat(t.job("W#1").reloadTime()).isEqualTo(3);
        assertThat(t.job("W#1").finish()).hasValue(15);
    }

    @Test
    void specsWithChoicesLeftCannotBeSimulated() {
        SystemSpec choose = system(2, Placement.PARTITIONED, Policy.FP, Protocol.GANG_STRICT)
                .pipeline("p", 0, 1)
                .task("A", 1, sporadic(10), 10, 0, 2, new Binding.ChoosePipeline(), SpecFixture.dnn("a", 2, 1, 0)).build();
        assertThat(ExecutableSpec.problems(choose)).containsExactly("task A has no pipeline yet (it is left to synthesis)");
        assertThatThrownBy(() -> ReferenceScheduler.run(choose, new Scenario(List.of()), 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot simulate");
        Dnn two = new Dnn("two", 0, 0, false, List.of(new DnnExit(DnnExit.SINGLE,
                new TreeMap<>(Map.of(1, Latency.exactly(2), 2, Latency.exactly(1))))));
        SystemSpec levels = system(2, Placement.GLOBAL, Policy.FP, Protocol.GANG_STRICT).build();
        levels = new SystemSpec(levels.name(), levels.resolution(), levels.platform(), List.of(two),
                List.of(new io.gangproof.spec.Task("A", two, sporadic(10), 10, 0, 1, new java.util.TreeSet<>(List.of(1, 2)),
                        new Binding.AnyTpus())), levels.scheduler(), List.of(), levels.exploration());
        assertThat(ExecutableSpec.problems(levels)).containsExactly("task A has levels [1, 2] still to choose");
    }

    @Test
    void scenariosThatAreNoBehaviourOfTheSpecAreRejected() {
        SystemSpec spec = system(1, Placement.GLOBAL, Policy.FP, Protocol.GANG_STRICT)
                .global("P", 1, periodic(5, 1), 5, 1, 1)
                .global("S", 2, sporadic(5), 5, 1, 1).build();
        ExecutableSpec x = ExecutableSpec.of(spec);
        Scenario missing = new Scenario(List.of(job("P", 0, 1, 1, 1)));
        assertThat(ScenarioValidation.problems(x, missing, 6)).containsExactly(
                "task P is periodic, so a job arrives at 6 <= horizon 6, but the scenario lacks it");
        Scenario close = new Scenario(List.of(job("P", 0, 1, 1, 1), job("S", 0, 0, 0, 1), job("S", 1, 4, 4, 1)));
        assertThat(ScenarioValidation.problems(x, close, 5)).singleElement().asString().contains("at least 5");
        Scenario wrongOffset = new Scenario(List.of(job("P", 0, 0, 0, 1)));
        assertThat(ScenarioValidation.problems(x, wrongOffset, 4)).singleElement().asString().contains("not at offset 1");
        assertThat(ScenarioValidation.problems(x, new Scenario(List.of(job("Q", 0, 0, 0, 1), job("P", 0, 1, 1, 1))), 2))
                .containsExactly("job Q#0 belongs to no task of the spec");
    }

    @Test
    void sameSpecAndScenarioGiveTheSameTrace() {
        SystemSpec spec = SpecFixture.starvation(Protocol.GANG_GREEDY);
        Scenario s = io.gangproof.scheduler.scenario.RandomScenarios.generate(spec, 200, 3);
        assertThat(ReferenceScheduler.run(spec, s, 200)).isEqualTo(ReferenceScheduler.run(spec, s, 200));
        assertThat(ReferenceScheduler.run(spec, s, 200).events()).extracting(TraceEvent::time).isSorted();
    }
}
