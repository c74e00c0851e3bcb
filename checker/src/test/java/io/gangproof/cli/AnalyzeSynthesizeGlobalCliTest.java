package io.gangproof.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import io.gangproof.spec.parse.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code analyze --synthesize --write SPEC} on a global fp spec: levels and priorities chosen,
 * written into the spec's own text in place (its comment kept), re-analysed and PROVED.
 */
class AnalyzeSynthesizeGlobalCliTest {
    private static final String SPEC = """
            system choose {
              resolution 1 ms
              platform { tpus 2 }
              dnn big { latency { 1: 8 ms, 2: 5 ms } }
              dnn small { latency { 1: 1 ms } }
              // the level of big is left open
              task big { runs big, periodic 40 ms, priority 1, tpus 1 .. 2 }
              task fast { runs small, sporadic 10 ms, deadline 5 ms, priority 2, tpus 1 }
              scheduler global fp with gang-strict
              verify { deadlines }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void synthesisChoosesLevelsAndPrioritiesAndEditsTheSpecInPlace() throws IOException {
        Path spec = dir.resolve("choose.gang");
        Files.writeString(spec, SPEC);
        CliRun r = CliRun.of("analyze", "--synthesize", "--timeout", "30s", "--write", spec.toString(), "--out",
                dir.toString(), spec.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("synthesis: OPTIMAL", "TPUs: all 2 of the platform (global placement)",
                "smallest slack: ", "PROVED  deadlines");
        String text = Files.readString(spec);
        assertThat(text).contains("// the level of big is left open");
        SystemSpec written = SpecLoader.load(spec).orThrow();
        assertThat(written.tasks()).allMatch(Task::levelFixed);
        assertThat(written.task("fast").priority()).isNotEqualTo(written.task("big").priority());
        CliRun again = CliRun.of("analyze", "--out", dir.toString(), spec.toString());
        assertThat(again.exitCode()).as(again.out() + again.err()).isEqualTo(ExitCodes.OK);
        assertThat(again.out()).contains("PROVED  deadlines");
    }
}
