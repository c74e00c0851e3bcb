package io.gangproof.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.spec.Binding;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import io.gangproof.spec.parse.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code analyze --synthesize --write FILE} on the bundled pinned example: the chosen TPU lists,
 * levels and priorities are written into the spec's own text (comments kept, the import rewritten
 * for FILE's folder); the written spec loads with every task pinned and {@code check} proves its
 * deadlines through the analysis and Z3. {@code check} on the open spec answers UNKNOWN and names
 * synthesis only, as {@code --assign} does not choose pinned lists.
 */
class AnalyzeSynthesizePinnedCliTest {
    private static final Path EXAMPLE = Path.of("..", "case-studies", "specs", "coral-pinned-synthesis.gang");

    @TempDir
    Path dir;

    @Test
    void synthesisWritesTheTpuListsBackAndTheWrittenSpecIsProved() throws IOException {
        Path written = dir.resolve("chosen.gang");
        CliRun r = CliRun.of("analyze", "--synthesize", "--timeout", "60s", "--write", written.toString(), "--out",
                dir.toString(), EXAMPLE.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("synthesis: OPTIMAL", "TPUs used: 3 of 4", "proved minimal",
                "smallest slack: 3.74 ms", "PROVED  deadlines");
        String text = Files.readString(written);
        assertThat(text).contains("// which TPUs: synthesis chooses").doesNotContainPattern("\\n\\s*pinned any");
        SystemSpec spec = SpecLoader.load(written).orThrow();
        assertThat(spec.tasks()).allMatch(t -> t.binding() instanceof Binding.Pinned).allMatch(Task::levelFixed);
        assertThat(spec.task("classify").binding()).isEqualTo(new Binding.Pinned(List.of(0)));
        CliRun check = CliRun.of("check", "--out", dir.toString(), written.toString());
        assertThat(check.exitCode()).as(check.out() + check.err()).isEqualTo(ExitCodes.OK);
        assertThat(check.out()).contains("PROVED", "deadlines");
    }

    @Test
    void checkingTheOpenSpecIsUnknownAndNamesSynthesis() {
        CliRun r = CliRun.of("check", "--out", dir.toString(), EXAMPLE.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.UNKNOWN);
        assertThat(r.out()).contains("UNKNOWN", "levels or pipelines open", "recognize", "detect",
                "analyze --synthesize").doesNotContain("analyze --assign");
        CliRun assign = CliRun.of("analyze", "--assign", EXAMPLE.toString());
        assertThat(assign.out() + assign.err()).contains("--synthesize");
    }
}
