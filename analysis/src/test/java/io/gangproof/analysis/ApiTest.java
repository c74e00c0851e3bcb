package io.gangproof.analysis;

import io.gangproof.spec.Arrival;
import io.gangproof.spec.Binding;
import io.gangproof.spec.Bound;
import io.gangproof.spec.Pipeline;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Property;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.Scheduler;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.gangproof.analysis.TestSpecs.flat;
import static io.gangproof.analysis.TestSpecs.task;
import static org.assertj.core.api.Assertions.assertThat;

/** The catalog, property bounds, the table renderer and not-applicable results. */
class ApiTest {
    private static SystemSpec partitioned() {
        Binding p0 = new Binding.OnPipeline("p0");
        List<Task> ts = List.of(task("cam", flat("yolo", 3, 0, 2), new Arrival.Periodic(10, 0), 10, 0, 1, 2, p0),
                task("lidar", flat("pointnet", 4, 0, 2), new Arrival.Sporadic(20), 20, 1, 2, 2, p0));
        return TestSpecs.spec("car", 2, List.of(new Pipeline("p0", List.of(0, 1))), ts,
                new Scheduler(Placement.PARTITIONED, Policy.FP, Protocol.GANG_STRICT));
    }

    @Test
    void catalogPicksTheAnalysisOfTheScheduler() {
        assertThat(AnalysisCatalog.forSpec(partitioned()).orElseThrow().name()).isEqualTo(NpFpResponseTime.NAME);
        SystemSpec edf = new SystemSpec("e", partitioned().resolution(), partitioned().platform(), partitioned().dnns(),
                partitioned().tasks(), new Scheduler(Placement.PARTITIONED, Policy.EDF, Protocol.GANG_STRICT),
                List.of(), partitioned().exploration());
        assertThat(AnalysisCatalog.forSpec(edf).orElseThrow().name()).isEqualTo(NpEdfProcessorDemand.NAME);
        assertThat(AnalysisCatalog.byName(GlobalGangGreedyResponseTime.NAME)).isPresent();
    }

    @Test
    void underGlobalFpTheCatalogPicksTheTightestTestThatApplies() {
        // Each one task of width 1 on 2 TPUs: two jobs can run at once, so the set is not serialised.
        List<Task> narrow = List.of(task("a", flat("da", 1, 0, 2), new Arrival.Sporadic(10), 10, 0, 1, 1,
                new Binding.AnyTpus()), task("b", flat("db", 2, 0, 2), new Arrival.Sporadic(10), 10, 0, 2, 1,
                new Binding.AnyTpus()));
        List<Task> wide = List.of(task("a", flat("da", 1, 0, 2), new Arrival.Sporadic(10), 10, 0, 1, 2,
                new Binding.AnyTpus()), task("b", flat("db", 2, 0, 2), new Arrival.Sporadic(10), 10, 0, 2, 2,
                new Binding.AnyTpus()));
        for (Protocol p : List.of(Protocol.GANG_STRICT, Protocol.GANG_GREEDY)) {
            Scheduler s = new Scheduler(Placement.GLOBAL, Policy.FP, p);
            String tightest = p == Protocol.GANG_STRICT ? GlobalGangStrictResponseTime.tightest().name()
                    : new GlobalGangGreedyResponseTime(CarryInRule.ONE_PER_TASK_DP_WINDOW).name();
            assertThat(AnalysisCatalog.forSpec(TestSpecs.spec("n", 2, List.of(), narrow, s)).orElseThrow().name())
                    .as(p.keyword()).isEqualTo(tightest);
            assertThat(AnalysisCatalog.forSpec(TestSpecs.spec("w", 2, List.of(), wide, s)).orElseThrow().name())
                    .as(p.keyword()).isEqualTo(GlobalSerialResponseTime.NAME);
        }
    }

    @Test
    void analysesSayWhenTheyDoNotApply() {
        AnalysisResult r = new GlobalGangStrictResponseTime().analyze(partitioned());
        assertThat(r.applicable()).isFalse();
        assertThat(r.tasks()).allSatisfy(b -> {
            assertThat(b.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
            assertThat(b.reason()).contains("partitioned");
        });
        assertThat(new NpEdfProcessorDemand().analyze(partitioned()).applicable()).isFalse();
    }

    @Test
    void propertyBoundsComeFromTheTaskBound() {
        AnalysisResult r = new NpFpResponseTime().analyze(partitioned());
        // cam: blocked by lidar (4 - 1), R = 3 + 3; lidar: J 1 + w (ceil((w+0+1)/10) 3 = 3) + 4 = 8.
        assertThat(PropertyBounds.derived(r, new Property.Response("cam", new Bound.FromAnalysis()))).contains(6L);
        assertThat(PropertyBounds.derived(r, new Property.Inversion("cam", new Bound.FromAnalysis()))).contains(3L);
        assertThat(PropertyBounds.derived(r, new Property.Overtakes("lidar", new Bound.FromAnalysis()))).contains(0L);
        assertThat(PropertyBounds.derived(r, new Property.Response("lidar", new Bound.FromAnalysis()))).contains(8L);
        assertThat(PropertyBounds.derived(r, new Property.DeadlockFree())).isEmpty();
    }

    @Test
    void rendersOneRowPerTask() {
        SystemSpec s = partitioned();
        String table = TaskTableRenderer.render(s, new NpFpResponseTime().analyze(s));
        List<String> lines = table.lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("task").contains("pipeline").contains("slack").contains("test");
        assertThat(lines.get(2)).startsWith("cam").contains("p0").contains("ok").contains(NpFpResponseTime.NAME);
        assertThat(lines.get(2).split("\\s+")).containsSequence("10us", "10us", "6us", "3us", "4us");
    }

    /** Huge tick counts end in a verdict, never an exception or a wrapped-around bound. */
    @Test
    void overflowMeansNoBoundFromThisTest() {
        long big = Long.MAX_VALUE / 3;
        for (Scheduler sch : List.of(new Scheduler(Placement.PARTITIONED, Policy.FP, Protocol.GANG_STRICT),
                new Scheduler(Placement.PARTITIONED, Policy.EDF, Protocol.GANG_STRICT),
                new Scheduler(Placement.GLOBAL, Policy.FP, Protocol.GANG_STRICT),
                new Scheduler(Placement.GLOBAL, Policy.FP, Protocol.GANG_GREEDY))) {
            Binding b = sch.placement() == Placement.GLOBAL ? new Binding.AnyTpus() : new Binding.OnPipeline("p0");
            List<Task> ts = List.of(task("a", flat("x", big / 2, big / 4, 1), new Arrival.Sporadic(big), big, big / 8, 1, 1, b),
                    task("b", flat("y", big / 3, big / 5, 1), new Arrival.Sporadic(big - 1), big - 1, 3, 2, 1, b));
            SystemSpec s = TestSpecs.spec("huge", 1, sch.placement() == Placement.GLOBAL ? List.of()
                    : List.of(new Pipeline("p0", List.of(0))), ts, sch);
            AnalysisResult r = AnalysisCatalog.forSpec(s).orElseThrow().analyze(s);
            assertThat(r.tasks()).hasSize(2).allSatisfy(t -> {
                assertThat(t.outcome()).isNotEqualTo(Outcome.NOT_APPLICABLE);
                t.responseBound().ifPresent(x -> assertThat(x).isGreaterThanOrEqualTo(big / 3));
            });
        }
    }

    /** A dynamic DNN is charged its worst exit (semantics §3). */
    @Test
    void dynamicDnnsAreChargedTheirWorstExit() {
        var early = new io.gangproof.spec.DnnExit("early", new java.util.TreeMap<>(java.util.Map.of(1,
                io.gangproof.spec.Latency.exactly(2))));
        var full = new io.gangproof.spec.DnnExit("full", new java.util.TreeMap<>(java.util.Map.of(1,
                new io.gangproof.spec.Latency(3, 7))));
        var dnn = new io.gangproof.spec.Dnn("exits", 100, 0, true, List.of(early, full));
        Task t = task("x", dnn, new Arrival.Sporadic(20), 20, 0, 1, 1, new Binding.OnPipeline("p0"));
        SystemSpec s = TestSpecs.spec("dyn", 1, List.of(new Pipeline("p0", List.of(0))), List.of(t),
                new Scheduler(Placement.PARTITIONED, Policy.FP, Protocol.GANG_STRICT));
        assertThat(new NpFpResponseTime().analyze(s).task("x").orElseThrow().responseBound()).contains(7L);
    }
}
