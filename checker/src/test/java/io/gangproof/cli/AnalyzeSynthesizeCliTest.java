package io.gangproof.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.spec.Binding;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.parse.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gangproof analyze --synthesize}: status, TPUs vs the heuristic, the written spec, exit codes. */
class AnalyzeSynthesizeCliTest {
    static final Path SPECS = Path.of("..", "case-studies", "specs");

    @TempDir
    Path out;

    @Test
    void coralSynthesisIsOptimalAndTheWrittenSpecIsProved() throws IOException {
        Path written = out.resolve("synthesised.gang");
        CliRun r = CliRun.of("analyze", "--synthesize", "--timeout", "30s", "--write", written.toString(), "--out",
                out.toString(), SPECS.resolve("coral-synthesis.gang").toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("synthesis: OPTIMAL", "(proved minimal); heuristic (--assign): 8 TPUs",
                "smallest slack: ", "candidates checked: ", "synthesised spec written to", "PROVED  deadlines");
        SystemSpec spec = SpecLoader.load(written).orThrow();
        assertThat(spec.tasks()).allSatisfy(t -> assertThat(t.binding()).isInstanceOf(Binding.OnPipeline.class));
        CliRun again = CliRun.of("analyze", "--out", out.toString(), written.toString());
        assertThat(again.exitCode()).as(again.out()).isEqualTo(ExitCodes.OK);
        assertThat(again.out()).contains("PROVED  deadlines");
    }

    @Test
    void infeasibleSpecsExitWithUnknown() throws IOException {
        Files.createDirectories(out.resolve("dnn"));
        Files.copy(SPECS.resolve("dnn/coral-derived.gang"), out.resolve("dnn/coral-derived.gang"));
        String text = Files.readString(SPECS.resolve("coral-synthesis.gang")).replace("sporadic 40 ms", "sporadic 1 ms");
        Path spec = out.resolve("too-tight.gang");
        Files.writeString(spec, text);
        CliRun r = CliRun.of("analyze", "--synthesize", spec.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.UNKNOWN);
        assertThat(r.out()).contains("synthesis: INFEASIBLE", "heuristic (--assign): none found");
    }

    @Test
    void nothingToChooseIsNotApplicable() {
        CliRun r = CliRun.of("analyze", "--synthesize", SPECS.resolve("coral-quad-partitioned.gang").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.UNKNOWN);
        assertThat(r.out()).contains("synthesis: NOT_APPLICABLE");
    }

    @Test
    void badOptionCombinationsAreUsageErrors() {
        String spec = SPECS.resolve("coral-synthesis.gang").toString();
        assertThat(CliRun.of("analyze", "--synthesize", "--assign", spec).exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(CliRun.of("analyze", "--synthesize", "--timeout", "500", spec).exitCode())
                .isEqualTo(ExitCodes.USAGE);
    }
}
