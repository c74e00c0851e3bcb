package io.gangproof.spec.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.TimeFormat;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The spec's time unit (semantics §12): the unit most of its time literals are written in. */
class SpecTimeUnitTest {
    private static SystemSpec load(String resolution, String latency, String task, String extra) {
        String text = "system s {\n  resolution " + resolution + "\n  platform { tpus 2 }\n"
                + "  dnn n { latency { 1: " + latency + " } }\n  task A { runs n, " + task
                + ", priority 1, tpus 1 }\n  scheduler global fp with gang-strict\n  verify { deadlines" + extra
                + " }\n}\n";
        return SpecLoader.loadText("t.gang", text, Path.of(".")).orThrow();
    }

    @Test
    void theUnitOfMostLiteralsIsTheSpecsUnit() {
        SystemSpec s = load("10 us", "2.4 ms", "periodic 100 ms offset 500 us", "");
        assertThat(s.resolution().unit()).hasValue("ms");
        assertThat(TimeFormat.of(s).format(50)).isEqualTo("0.5 ms");
        SystemSpec us = load("1 us", "2400 us", "periodic 100000 us offset 1 ms", "");
        assertThat(us.resolution().unit()).hasValue("us");
        assertThat(TimeFormat.of(us).format(24_190)).isEqualTo("24190 us");
    }

    @Test
    void theResolutionTheTimeLimitAndFrequenciesDoNotCount() {
        // Literals: 3 ms, 1 s and 30 ms; the resolution 100 us and the limit 60 s are not times of the system.
        SystemSpec s = load("100 us", "3 ms", "periodic 0.5 Hz, deadline 1 s", ", response(A) <= 30 ms, limit time 60 s");
        assertThat(s.resolution().unit()).hasValue("ms");
        SystemSpec tie = load("100 us", "3 ms", "periodic 0.5 Hz, deadline 1 s", "");
        assertThat(tie.resolution().unit()).as("a tie goes to the larger unit").hasValue("s");
    }

    @Test
    void aSystemBuiltInCodeHasNoUnitOfItsOwn() {
        io.gangproof.spec.Resolution built = new io.gangproof.spec.Resolution(10_000);
        assertThat(built.unit()).isEqualTo(Optional.empty());
        assertThat(TimeFormat.of(built).format(50)).isEqualTo("500 us");
        assertThat(TimeFormat.of(built).format(615)).isEqualTo("6.15 ms");
    }
}
