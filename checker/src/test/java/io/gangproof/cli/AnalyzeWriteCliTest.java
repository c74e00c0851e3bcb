package io.gangproof.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.parse.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code analyze --assign --write}: the user's file keeps its comments and units; only choices change. */
class AnalyzeWriteCliTest {
    private static final String SPEC = """
            // Two camera tasks; the levels are left to --assign.
            system cameras {
              resolution 10 us
              platform { tpus 4 }
              dnn net { latency { 1: 4.5 ms, 2: 2.4 .. 2.7 ms } }   // measured
              task front {
                runs net
                periodic 33.33 ms    // 30 Hz camera
                priority 1
                tpus 1 .. 2
              }
              task rear { runs net, periodic 50 ms, priority 2, tpus 1 .. 2 }
              scheduler global fp with gang-strict
              verify { deadlines }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void writingInPlaceKeepsCommentsAndUnits() throws IOException {
        Path spec = dir.resolve("cameras.gang");
        Files.writeString(spec, SPEC);

        CliRun r = CliRun.of("analyze", "--assign", "--write", spec.toString(), "--out", dir.toString(),
                spec.toString());

        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.err()).doesNotContain("canonical form");
        String written = Files.readString(spec);
        assertThat(written).contains("// Two camera tasks; the levels are left to --assign.",
                "dnn net { latency { 1: 4.5 ms, 2: 2.4 .. 2.7 ms } }   // measured",
                "periodic 33.33 ms    // 30 Hz camera", "task rear { runs net, periodic 50 ms, priority 2, tpus ");
        assertThat(written).doesNotContain("1 .. 2", "2400 us", "33330 us");
        assertThat(written.lines().count()).isEqualTo(SPEC.lines().count());
        SystemSpec assigned = SpecLoader.load(spec).orThrow();
        assertThat(assigned.tasks()).allSatisfy(t -> assertThat(t.levelFixed()).isTrue());
    }
}
