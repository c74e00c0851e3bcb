package io.gangproof.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gangproof.scheduler.check.TraceChecker;
import io.gangproof.scheduler.check.Violation;
import io.gangproof.scheduler.replay.Replayer;
import io.gangproof.scheduler.replay.ReplayResult;
import io.gangproof.scheduler.scenario.RandomScenarios;
import io.gangproof.scheduler.scenario.SynchronousScenario;
import io.gangproof.scheduler.search.SearchProgress;
import io.gangproof.scheduler.search.SearchProgressBar;
import io.gangproof.scheduler.search.SearchResult;
import io.gangproof.scheduler.search.SimulationSearch;
import io.gangproof.scheduler.search.TaskExtremes;
import io.gangproof.scheduler.svg.GanttSvg;
import io.gangproof.scheduler.trace.JobRecord;
import io.gangproof.scheduler.trace.Occupancy;
import io.gangproof.scheduler.trace.Trace;
import io.gangproof.scheduler.trace.TraceJson;
import io.gangproof.spec.Bound;
import io.gangproof.spec.Property;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.TimeFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON, replay, search and the Gantt chart on the examples of semantics §6. */
class TraceToolsTest {
    private static final SystemSpec GREEDY = SpecFixture.starvation(Protocol.GANG_GREEDY);

    private static Trace greedyTrace() {
        return ReferenceScheduler.run(GREEDY, SynchronousScenario.withArrivals(GREEDY, 20, Map.of("H", List.of(1L))), 20);
    }

    @Test
    void traceSurvivesJsonWithItsViolations(@TempDir Path dir) {
        Trace t = greedyTrace();
        t = t.withViolations(TraceChecker.check(GREEDY, t, new Property.Deadlines(Optional.empty())));
        Path file = dir.resolve("t.json");
        TraceJson.write(t, file);
        Trace back = TraceJson.read(file);
        assertThat(back).isEqualTo(t);
        assertThat(TraceJson.readScenario(file)).isEqualTo(t.scenario());
        assertThat(TraceJson.readScenario(TraceJson.writeScenario(t.scenario()))).isEqualTo(t.scenario());
    }

    @Test
    void traceWithoutItsOccupancyIsNotRead() throws Exception {
        Trace t = greedyTrace();
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode tree = (ObjectNode) mapper.readTree(TraceJson.write(t));
        tree.remove("occupancy");
        String json = mapper.writeValueAsString(tree);
        assertThatThrownBy(() -> TraceJson.read(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("occupancy");
        // The occupancy the scheduler writes is the one implied by the jobs.
        assertThat(Occupancy.of(t.jobs(), t.horizon())).isEqualTo(t.occupancy());
    }

    @Test
    void malformedTraceNamesTheField() {
        assertThatThrownBy(() -> TraceJson.read("{\"format\":\"gangproof-trace\",\"version\":1}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("horizon");
        assertThatThrownBy(() -> TraceJson.read("{\"format\":\"other\"}")).hasMessageContaining("not a gangproof trace");
    }

    @Test
    void replayConfirmsClaimedViolations() {
        Trace t = greedyTrace();
        List<Violation> v = TraceChecker.checkAll(GREEDY, t);
        assertThat(v).isNotEmpty();
        ReplayResult r = Replayer.replay(GREEDY, TraceJson.read(TraceJson.write(t.withViolations(v))));
        assertThat(r).isInstanceOf(ReplayResult.Confirmed.class);
        assertThat(r.exitCode()).isEqualTo(1);
        // Claiming nothing hides the deadline misses: not a replay.
        assertThat(Replayer.replay(GREEDY, t)).isInstanceOf(ReplayResult.Unconfirmed.class);
        SystemSpec quiet = SpecFixture.system(2, io.gangproof.spec.Placement.GLOBAL, io.gangproof.spec.Policy.FP,
                Protocol.GANG_GREEDY).global("A", 1, SpecFixture.periodic(4, 0), 4, 1, 1)
                .property(new Property.Deadlines(Optional.empty())).build();
        Trace calm = ReferenceScheduler.run(quiet, SynchronousScenario.of(quiet, 8), 8);
        assertThat(Replayer.replay(quiet, calm)).isInstanceOf(ReplayResult.Reproduced.class);
        assertThat(Replayer.replay(quiet, calm).exitCode()).isZero();
    }

    @Test
    void replayReportsTheFirstDifference() {
        Trace t = greedyTrace();
        List<JobRecord> jobs = new ArrayList<>(t.jobs());
        // Pretend an engine started A#2 one tick late, and B#2 too.
        for (int i = 0; i < jobs.size(); i++) {
            JobRecord j = jobs.get(i);
            if (j.id().equals("A#2") || j.id().equals("B#2")) {
                jobs.set(i, new JobRecord(j.task(), j.index(), j.arrival(), j.release(), j.deadline(), j.executionTime(),
                        j.exit(), OptionalLong.of(j.start().getAsLong() + 1), j.finish(), j.reloadTime(), j.acquisitions()));
            }
        }
        Trace forged = new Trace(t.spec(), t.scheduler(), t.horizon(), t.scenario(), jobs, t.occupancy(), t.events(),
                t.deadlocks(), List.of());
        ReplayResult r = Replayer.replay(GREEDY, forged);
        assertThat(r).isInstanceOf(ReplayResult.Diverged.class);
        ReplayResult.Diverged d = (ReplayResult.Diverged) r;
        // B#2 starts at 10 in truth, A#2 at 8: the earliest difference is A#2's start.
        assertThat(d.first().where()).isEqualTo("job A#2 start");
        assertThat(d.first().time()).isEqualTo(8);
        // GREEDY counts 1 us ticks: the difference is written in the spec's units.
        assertThat(d.first().describe(TimeFormat.of(GREEDY)))
                .isEqualTo("at 8 us, job A#2 start: recorded 9 us, replayed 8 us");
        assertThat(r.exitCode()).isEqualTo(70);
    }

    @Test
    void replayRejectsAClaimThatDoesNotHold() {
        Trace t = greedyTrace();
        Violation wrong = new Violation(new Property.Deadlines(Optional.empty()), List.of("A#0"), 4, 0, "made up");
        ReplayResult r = Replayer.replay(GREEDY, t.withViolations(List.of(wrong)));
        assertThat(r).isInstanceOf(ReplayResult.Unconfirmed.class);
        assertThat(r.exitCode()).isEqualTo(70);
    }

    @Test
    void replayRejectsAScenarioTheSpecForbids() {
        Trace t = greedyTrace();
        List<ScenarioJob> jobs = new ArrayList<>(t.scenario().jobs());
        jobs.removeIf(j -> j.id().equals("A#1"));
        Trace forged = new Trace(t.spec(), t.scheduler(), t.horizon(), new Scenario(jobs), t.jobs(), t.occupancy(),
                t.events(), t.deadlocks(), List.of());
        ReplayResult r = Replayer.replay(GREEDY, forged);
        assertThat(r).isInstanceOf(ReplayResult.NotReplayable.class);
        assertThat(((ReplayResult.NotReplayable) r).reason()).contains("A#");
    }

    @Test
    void analysisBoundComesFromTheCaller() {
        Property p = new Property.Inversion("H", new Bound.FromAnalysis());
        SystemSpec spec = new SystemSpec(GREEDY.name(), GREEDY.resolution(), GREEDY.platform(), GREEDY.dnns(),
                GREEDY.tasks(), GREEDY.scheduler(), List.of(p), GREEDY.exploration());
        Trace t = ReferenceScheduler.run(spec, SynchronousScenario.withArrivals(spec, 20, Map.of("H", List.of(1L))), 20);
        assertThatThrownBy(() -> TraceChecker.check(spec, t, p)).isInstanceOf(IllegalArgumentException.class);
        // H#0 waits in [1, 20): A and B keep one TPU busy all the time, 19 ticks of inversion.
        List<Violation> v = TraceChecker.check(spec, t, p, 10);
        assertThat(v).hasSize(1);
        assertThat(v.get(0).value()).isEqualTo(19);
        assertThat(v.get(0).time()).isEqualTo(12);
        assertThat(TraceChecker.check(spec, t, p, 19)).isEmpty();
        ReplayResult r = Replayer.replay(spec, t.withViolations(v), Map.of(p, 10L));
        assertThat(r).isInstanceOf(ReplayResult.Confirmed.class);
        assertThat(Replayer.replay(spec, t.withViolations(v))).isInstanceOf(ReplayResult.NotReplayable.class);
    }

    @Test
    void searchFindsTheStarvationAndKeepsItsTrace() {
        SearchResult r = SimulationSearch.run(GREEDY, 60, 42, 30, (done, total) -> { });
        TaskExtremes h = r.tasks().stream().filter(x -> x.task().equals("H")).findFirst().orElseThrow();
        assertThat(h.deadlineMisses()).isPositive();
        assertThat(h.maxOvertakes()).isGreaterThanOrEqualTo(2);
        assertThat(r.worstViolations()).isNotEmpty();
        assertThat(Replayer.replay(GREEDY, r.worstTrace())).isInstanceOf(ReplayResult.Confirmed.class);
        // Run 0 releases H at 0 with both TPUs free, so the worst run is a random one; its seed regenerates it.
        assertThat(r.worstRun()).isPositive();
        assertThat(RandomScenarios.generate(GREEDY, 60, r.worstRunSeed())).isEqualTo(r.worstTrace().scenario());
        SearchResult again = SimulationSearch.run(GREEDY, 60, 42, 30, (done, total) -> { });
        assertThat(again).isEqualTo(r);
    }

    @Test
    void searchOfTheDeadlockExampleKeepsADeadlockedRun() {
        SystemSpec spec = SpecFixture.deadlock(Protocol.PER_TPU_LISTED);
        SearchResult r = SimulationSearch.run(spec, 40, 5, 10, SearchProgress.NONE);
        // Run 0 (offsets 0, 1, 2 as declared, wcet) is the deadlock of semantics §6; periodic
        // offsets are known, so every run has the same arrivals and deadlocks too.
        assertThat(r.worstTrace().deadlocks()).isNotEmpty();
        assertThat(r.worstViolations()).extracting(v -> v.property()).contains(new Property.DeadlockFree());
        assertThat(Replayer.replay(spec, r.worstTrace()).exitCode()).isEqualTo(1);
    }

    @Test
    void searchReportsProgress() {
        List<Integer> seen = new ArrayList<>();
        SimulationSearch.run(GREEDY, 20, 1, 5, (done, total) -> seen.add(done * 10 + total));
        assertThat(seen).containsExactly(15, 25, 35, 45, 55);
    }

    @Test
    void progressBarShowsTheRunsDone() {
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (SearchProgressBar bar = SearchProgressBar.to(lines::add, 4)) {
            SimulationSearch.run(GREEDY, 20, 1, 4, bar);
        }
        assertThat(lines).isNotEmpty();
        assertThat(lines.get(lines.size() - 1)).contains("simulate").contains("4/4");
    }

    @Test
    void synchronousScenarioReleasesAsEarlyAndAsLongAsAllowed() {
        io.gangproof.spec.Dnn dyn = new io.gangproof.spec.Dnn("dyn", 0, 0, true, List.of(
                new io.gangproof.spec.DnnExit("early", new java.util.TreeMap<>(Map.of(1, io.gangproof.spec.Latency.exactly(1)))),
                new io.gangproof.spec.DnnExit("full", new java.util.TreeMap<>(Map.of(1, new io.gangproof.spec.Latency(2, 3))))));
        SystemSpec spec = SpecFixture.system(3, io.gangproof.spec.Placement.GLOBAL, io.gangproof.spec.Policy.FP,
                        Protocol.GANG_STRICT)
                .global("P", 1, SpecFixture.periodic(4, 2), 4, 1, 1)
                .task("U", 2, new io.gangproof.spec.Arrival.PeriodicAnyOffset(4), 4, 2, 1,
                        new io.gangproof.spec.Binding.AnyTpus(), dyn)
                .global("S", 3, SpecFixture.sporadic(4), 4, 1, 2).build();
        Scenario s = SynchronousScenario.of(spec, 10);
        assertThat(s.jobsOf("P")).extracting(ScenarioJob::arrival).containsExactly(2L, 6L, 10L);
        assertThat(s.jobsOf("U")).extracting(ScenarioJob::arrival).containsExactly(0L, 4L, 8L);
        assertThat(s.jobsOf("S")).extracting(ScenarioJob::arrival).containsExactly(0L, 4L, 8L);
        // No jitter is used, and the dynamic DNN takes its slowest exit at wcet.
        assertThat(s.jobsOf("U")).allSatisfy(j -> {
            assertThat(j.release()).isEqualTo(j.arrival());
            assertThat(j.exit()).isEqualTo("full");
            assertThat(j.executionTime()).isEqualTo(3);
        });
    }

    @Test
    void randomScenariosDrawOffsetsGapsJitterExitsAndTimesWithinTheSpec() {
        SystemSpec spec = RandomSpecs.generate(11);
        ExecutableSpec x = ExecutableSpec.of(spec);
        for (long seed = 0; seed < 200; seed++) {
            Scenario s = RandomScenarios.generate(spec, 50, seed);
            assertThat(ScenarioValidation.problems(x, s, 50)).as("seed %d", seed).isEmpty();
        }
    }

    @Test
    void randomScenariosAreDeterministicAndLegal() {
        Scenario a = RandomScenarios.generate(GREEDY, 100, 7);
        assertThat(RandomScenarios.generate(GREEDY, 100, 7)).isEqualTo(a);
        assertThat(ScenarioValidation.problems(ExecutableSpec.of(GREEDY), a, 100)).isEmpty();
        assertThat(RandomScenarios.generate(GREEDY, 100, 8)).isNotEqualTo(a);
    }

    @Test
    void ganttChartDrawsLanesJobsAndMarks(@TempDir Path dir) throws Exception {
        Trace t = greedyTrace();
        Path file = dir.resolve("g.svg");
        GanttSvg.write(GREEDY, t, file);
        String svg = Files.readString(file);
        assertThat(svg).contains("<svg").contains("TPU 0").contains("TPU 1").contains("A#0").contains("B#1");
        Path keep = Path.of("target", "gantt-starvation.svg");
        Files.createDirectories(keep.getParent());
        Files.writeString(keep, svg);
    }

    @Test
    void ganttWindowLeavesOutWhatLiesOutside() {
        Trace t = greedyTrace();
        String svg = GanttSvg.render(GREEDY, t, 8, 12);
        // A#2 runs [8, 11), B#2 [10, 13) (clipped), A#1 [4, 7) lies outside the window.
        assertThat(svg).contains("A#2").contains("B#2").doesNotContain("A#1").contains("window [8 us, 12 us]");
        assertThatThrownBy(() -> GanttSvg.render(GREEDY, t, 5, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ganttChartDrawsLocksHeldWhileWaitingDashed() throws Exception {
        SystemSpec spec = SpecFixture.deadlock(Protocol.PER_TPU_LISTED);
        Trace t = ReferenceScheduler.run(spec, SynchronousScenario.of(spec, 12), 12);
        String svg = GanttSvg.render(spec, t);
        // A#0 holds TPU 0 from 1 on without executing; B#0 holds TPU 1 from 3 on.
        assertThat(svg).contains("stroke-dasharray").contains("A#0").contains("B#0").contains("deadlock B#0, A#0");
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "gantt-deadlock.svg"), svg);
    }
}
