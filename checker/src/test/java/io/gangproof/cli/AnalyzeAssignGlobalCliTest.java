package io.gangproof.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code analyze --assign} on a global fp spec with fixed levels chooses priorities. One TPU:
 * {@code fast} (C = 1 ms, D = 5 ms) below {@code slow} (C = 5 ms) waits 5 ms and misses; above
 * it waits at most the 4 ms left of a running {@code slow} job.
 */
class AnalyzeAssignGlobalCliTest {
    private static final String SPEC = """
            system order {
              resolution 1 ms
              platform { tpus 1 }
              dnn big { latency { 1: 5 ms } }
              dnn small { latency { 1: 1 ms } }
              task slow { runs big, periodic 100 ms, priority 1, tpus 1 }
              task fast { runs small, sporadic 10 ms, deadline 5 ms, priority 2, tpus 1 }
              scheduler global fp with gang-greedy
              verify { deadlines }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void assignChoosesPrioritiesTheGlobalTestAccepts() throws IOException {
        Path spec = dir.resolve("order.gang");
        Files.writeString(spec, SPEC);
        CliRun given = CliRun.of("analyze", "--out", dir.toString(), spec.toString());
        assertThat(given.exitCode()).as(given.out() + given.err()).isEqualTo(2);

        Path out = dir.resolve("assigned.gang");
        CliRun r = CliRun.of("analyze", "--assign", "--write", out.toString(), "--out", dir.toString(),
                spec.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(out)).contains("task slow { runs big, periodic 100 ms, priority 2",
                "task fast { runs small, sporadic 10 ms, deadline 5 ms, priority 1");
        CliRun again = CliRun.of("analyze", "--out", dir.toString(), out.toString());
        assertThat(again.exitCode()).as(again.out() + again.err()).isEqualTo(ExitCodes.OK);
    }
}
