package io.gangproof.spec.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.spec.Arrival;
import io.gangproof.spec.Binding;
import io.gangproof.spec.Bound;
import io.gangproof.spec.Dnn;
import io.gangproof.spec.Exploration;
import io.gangproof.spec.Latency;
import io.gangproof.spec.Pipeline;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Property;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.Resolution;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Valid specs that together use every construct resolve to exactly the values they state. */
class ValidSpecsTest {
    static final Path DIR = Path.of("src", "test", "resources", "valid");

    private static SystemSpec load(String name) {
        LoadResult r = SpecLoader.load(DIR.resolve(name));
        assertThat(r.diagnostics()).isEmpty();
        return r.orThrow();
    }

    @Test
    void everyConstructResolvesToExactTicksAndBytes() {
        SystemSpec s = load("every-construct.gang");
        assertThat(s.name()).isEqualTo("every_construct");
        assertThat(s.resolution()).isEqualTo(new Resolution(100_000));
        assertThat(s.platform().tpus()).isEqualTo(4);
        assertThat(s.platform().cacheBytes()).isEqualTo(8L << 20);
        assertThat(s.platform().pipelines()).containsExactly(new Pipeline("left", List.of(0, 1)));
        assertThat(s.scheduler().placement()).isEqualTo(Placement.GLOBAL);
        assertThat(s.scheduler().policy()).isEqualTo(Policy.EDF);
        assertThat(s.scheduler().protocol()).isEqualTo(Protocol.GANG_GREEDY);

        // Imports, including one reached twice, bring each DNN once; ticks of 100 us.
        assertThat(s.dnns()).extracting(Dnn::name).containsExactly("mobilenet_v2", "skipnet", "tiny");
        Dnn mobilenet = s.dnn("mobilenet_v2");
        assertThat(mobilenet.sizeBytes()).isEqualTo(3_400_000);
        assertThat(mobilenet.dynamic()).isFalse();
        assertThat(mobilenet.latency(1)).isEqualTo(Latency.exactly(26));
        assertThat(mobilenet.latency(2)).isEqualTo(new Latency(24, 29));
        Dnn skipnet = s.dnn("skipnet");
        assertThat(skipnet.dynamic()).isTrue();
        assertThat(skipnet.sizeBytes()).isEqualTo(12L << 20);
        assertThat(skipnet.reload()).isEqualTo(15);
        assertThat(skipnet.exit("early").table().get(2)).isEqualTo(Latency.exactly(30));
        assertThat(skipnet.exit("full").table().get(2)).isEqualTo(new Latency(105, 110));
        assertThat(skipnet.latency(2)).isEqualTo(new Latency(30, 110));
        assertThat(s.dnn("tiny").sizeBytes()).isEqualTo(512 * 1024);
        assertThat(s.dnn("tiny").latency(1)).isEqualTo(new Latency(3, 10));
        assertThat(s.dnn("tiny").latency(4)).isEqualTo(Latency.exactly(2));

        Task classify = s.task("classify");
        assertThat(classify.arrival()).isEqualTo(new Arrival.PeriodicAnyOffset(200));
        assertThat(classify.deadline()).isEqualTo(150);
        assertThat(classify.jitter()).isZero();
        assertThat(classify.levels()).containsExactly(1);
        assertThat(classify.binding()).isEqualTo(new Binding.AnyTpus());
        Task detect = s.task("detect");
        assertThat(detect.arrival()).isEqualTo(new Arrival.Sporadic(500));
        assertThat(detect.deadline()).as("deadline defaults to the period").isEqualTo(500);
        assertThat(detect.jitter()).isEqualTo(10);
        assertThat(detect.levels()).containsExactly(1, 2);
        Task track = s.task("track");
        assertThat(track.arrival()).isEqualTo(new Arrival.Periodic(100, 25));
        assertThat(track.levels()).containsExactly(1, 4);
        assertThat(s.task("watch").level()).isEqualTo(4);

        assertThat(s.properties()).containsExactly(
                new Property.Deadlines(Optional.empty()),
                new Property.Deadlines(Optional.of("classify")),
                new Property.Response("classify", new Bound.Value(120)),
                new Property.Response("detect", new Bound.FromAnalysis()),
                new Property.Inversion("classify", new Bound.Value(30)),
                new Property.Inversion("track", new Bound.FromAnalysis()),
                new Property.Overtakes("detect", new Bound.Value(2)),
                new Property.Overtakes("track", new Bound.FromAnalysis()),
                new Property.DeadlockFree());
        assertThat(s.exploration()).isEqualTo(new Exploration(Optional.of(2000L), Optional.of(1_000_000L),
                Optional.of(90_000L), Optional.of(2L << 30)));
    }

    @Test
    void partitionedTasksTakeTheSizeOfTheirPipelineOrLeaveItToSynthesis() {
        SystemSpec s = load("partitioned.gang");
        assertThat(s.resolution()).as("default resolution is 1 us").isEqualTo(Resolution.DEFAULT);
        assertThat(s.platform().cacheBytes()).isEqualTo(16_000_000);
        assertThat(s.scheduler().policy()).isEqualTo(Policy.FIFO);
        assertThat(s.scheduler().protocol()).as("protocol defaults to gang-strict").isEqualTo(Protocol.GANG_STRICT);
        assertThat(s.task("a").binding()).isEqualTo(new Binding.OnPipeline("pair"));
        assertThat(s.task("a").level()).isEqualTo(2);
        assertThat(s.task("a").wcet()).isEqualTo(300);
        assertThat(s.eligibleTpus(s.task("a"))).containsExactly(0, 1);
        assertThat(s.task("b").binding()).isEqualTo(new Binding.ChoosePipeline());
        assertThat(s.task("b").levels()).as("any level of the table that fits").containsExactly(1, 2);
        assertThat(s.task("c").levels()).containsExactly(1);
        assertThat(s.tasksByPriority()).extracting(Task::name).containsExactly("b", "a", "c");
    }

    @Test
    void pinnedAnyLeavesTheTpuListAndLevelToSynthesis() {
        SystemSpec s = load("pinned-open.gang");
        assertThat(s.task("x").binding()).isEqualTo(new Binding.Pinned(List.of(2, 0)));
        assertThat(s.task("y").binding()).isEqualTo(new Binding.ChoosePipeline());
        assertThat(s.task("y").levels()).as("every count of the table up to m").containsExactly(1, 2, 3);
        assertThat(s.task("z").levels()).containsExactly(1, 2);
        assertThat(s.task("w").binding()).isEqualTo(new Binding.ChoosePipeline());
        assertThat(s.task("w").levels()).containsExactly(3);
    }

    @Test
    void pinnedTasksKeepTheirListedOrder() {
        SystemSpec s = load("pinned.gang");
        assertThat(s.resolution().nanosPerTick()).isEqualTo(1);
        assertThat(s.task("x").binding()).isEqualTo(new Binding.Pinned(List.of(2, 0)));
        assertThat(s.task("x").level()).isEqualTo(2);
        assertThat(s.task("x").wcet()).isEqualTo(7);
        assertThat(s.task("y").level()).isEqualTo(3);
        assertThat(s.task("y").arrival()).isEqualTo(new Arrival.Periodic(100, 1));
        assertThat(s.scheduler().protocol()).isEqualTo(Protocol.PER_TPU_ASCENDING);
        assertThat(s.exploration().horizon()).contains(1000L);
        assertThat(s.hyperperiod()).contains(100L);
        assertThat(Set.copyOf(s.eligibleTpus(s.task("y")))).containsExactlyInAnyOrder(0, 1, 2);
    }

    @Test
    void aSpecWithoutPropertiesLoadsWithAWarning() {
        LoadResult r = SpecLoader.loadText("bare.gang", "system bare {\n platform { tpus 1 }\n dnn d { latency { 1: 1 ms } }"
                + "\n task t { runs d, sporadic 5 ms, priority 1 }\n scheduler global fp\n}\n", DIR);
        assertThat(r).isInstanceOf(LoadResult.Loaded.class);
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.isError()).isFalse();
            assertThat(d.message()).isEqualTo("system 'bare' has nothing to verify");
        });
        assertThat(r.orThrow().task("t").level()).as("the only level of the table").isEqualTo(1);
    }
}
