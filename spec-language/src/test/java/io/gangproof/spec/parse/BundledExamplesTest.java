package io.gangproof.spec.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.spec.Arrival;
import io.gangproof.spec.Binding;
import io.gangproof.spec.Bound;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Property;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import io.gangproof.spec.format.SpecFormatter;
import io.gangproof.spec.format.SpecWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The examples of semantics §6 bundled in case-studies/specs load to exactly the systems described there. */
class BundledExamplesTest {
    static final Path SPECS = Path.of("..", "case-studies", "specs");

    static Stream<Path> bundled() throws IOException {
        // Systems only: the DNN libraries under specs/dnn are imported by them.
        try (Stream<Path> s = Files.list(SPECS)) {
            return s.filter(p -> p.toString().endsWith(".gang")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("bundled")
    void everyBundledSpecLoadsFormatsIdempotentlyAndRoundTrips(Path file) throws IOException {
        LoadResult r = SpecLoader.load(file);
        assertThat(r).as(() -> r.diagnostics().toString()).isInstanceOf(LoadResult.Loaded.class);
        SystemSpec spec = r.orThrow();
        String text = Files.readString(file);
        String formatted = SpecFormatter.formatText(text);
        assertThat(SpecFormatter.formatText(formatted)).isEqualTo(formatted);
        assertThat(SpecLoader.loadText("f", formatted, file.getParent()).orThrow()).isEqualTo(spec);
        String written = SpecWriter.write(spec);
        assertThat(SpecLoader.loadText("w", written, file.getParent()).orThrow()).isEqualTo(spec);
    }

    @Test
    void starvationGreedyIsTheSystemOfSemantics6() {
        SystemSpec s = SpecLoader.load(SPECS.resolve("starvation-greedy.gang")).orThrow();
        assertThat(s.platform().tpus()).isEqualTo(2);
        assertThat(s.scheduler().placement()).isEqualTo(Placement.GLOBAL);
        assertThat(s.scheduler().protocol()).isEqualTo(Protocol.GANG_GREEDY);
        Task h = s.task("H");
        assertThat(h.level()).isEqualTo(2);
        assertThat(h.wcet()).isEqualTo(1);
        assertThat(h.arrival()).isEqualTo(new Arrival.Sporadic(10));
        assertThat(h.priority()).isEqualTo(1);
        assertThat(s.task("A").arrival()).isEqualTo(new Arrival.Periodic(4, 0));
        assertThat(s.task("B").arrival()).isEqualTo(new Arrival.Periodic(4, 2));
        assertThat(s.task("B").wcet()).isEqualTo(3);
        assertThat(s.properties()).containsExactly(new Property.Deadlines(Optional.of("H")),
                new Property.Inversion("H", new Bound.Value(2)));
        assertThat(s.exploration().horizon()).contains(40L);
    }

    @Test
    void deadlockExampleIsPinnedPerTpuListed() {
        SystemSpec s = SpecLoader.load(SPECS.resolve("deadlock-per-tpu.gang")).orThrow();
        assertThat(s.scheduler().protocol()).isEqualTo(Protocol.PER_TPU_LISTED);
        assertThat(s.task("B").binding()).isEqualTo(new Binding.Pinned(List.of(1, 0)));
        assertThat(s.task("A").binding()).isEqualTo(new Binding.Pinned(List.of(0, 1)));
        assertThat(s.task("C").level()).isEqualTo(1);
        assertThat(s.properties()).containsExactly(new Property.DeadlockFree());
        SystemSpec asc = SpecLoader.load(SPECS.resolve("deadlock-free-ascending.gang")).orThrow();
        assertThat(asc.tasks()).isEqualTo(s.tasks());
        assertThat(asc.scheduler().protocol()).isEqualTo(Protocol.PER_TPU_ASCENDING);
    }
}
