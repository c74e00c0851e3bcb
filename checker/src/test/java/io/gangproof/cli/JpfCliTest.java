package io.gangproof.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gangproof.model.JpfBuild;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --engine jpf} and {@code model --emit} end to end, with the jpf-core build of {@link JpfBuild}. */
class JpfCliTest {
    static final Path SPECS = BundledExamplesCliTest.SPECS;
    /** Searches of a second or two, with room for a loaded machine: an UNKNOWN here would be the clock's. */
    static final String SLOW_MACHINE_BUDGET = "120s";

    @TempDir
    Path out;

    @Test
    void aFolderThatIsNotAJpfBuildIsABadCommandLineNamingItAndWhatItLacks() {
        CliRun r = CliRun.of("check", "--engine", "jpf", "--jpf-home", out.toString(), "--out", out.toString(),
                SPECS.resolve("deadlock-per-tpu.gang").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains(out + " is not a jpf-core build", "jpf.properties", "build/jpf.jar");
    }

    @Test
    void jsonOutputIsPureJsonAndAJpfViolationIsReplayedWithATrace() throws Exception {
        CliRun r = CliRun.of("check", "--engine", "jpf", "--jpf-home", JpfBuild.require().dir().toString(),
                "--time-limit", SLOW_MACHINE_BUDGET, "--format", "json", "--out", out.toString(), SPECS.resolve("deadlock-per-tpu.gang").toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.VIOLATED);
        assertThat(r.out()).startsWith("{");
        JsonNode p = new ObjectMapper().readTree(r.out()).path("specs").get(0).path("properties").get(0);
        assertThat(p.path("verdict").asText()).isEqualTo("VIOLATED");
        assertThat(p.path("engine").asText()).isEqualTo("jpf");
        assertThat(p.path("states").isNumber()).as("states filled").isTrue();
        CliRun replay = CliRun.of("replay", SPECS.resolve("deadlock-per-tpu.gang").toString(),
                p.path("trace").asText());
        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(ExitCodes.VIOLATED);
    }

    /** Every property, with a horizon small enough to keep the suite fast where the spec's is long. */
    @Test
    void jpfGivesTheExplorersVerdictsOnBundledSpecs() throws Exception {
        String home = JpfBuild.require().dir().toString();
        for (String[] c : List.of(new String[] {"starvation-strict", "40"}, 
                new String[] {"deadlock-free-ascending", "20"}, new String[] {"timing-anomaly", "20"},
                new String[] {"textbook-buttazzo-ex8-1", "8"}, new String[] {"textbook-buttazzo-fig8-6", "12"})) {
            String spec = SPECS.resolve(c[0] + ".gang").toString();
            List<String> explorer = verdicts(CliRun.of("check", "--engine", "explorer", "--horizon", c[1],
                    "--time-limit", SLOW_MACHINE_BUDGET, "--format", "json", "--out", out.toString(), spec));
            List<String> jpf = verdicts(CliRun.of("check", "--engine", "jpf", "--jpf-home", home, "--horizon", c[1],
                    "--time-limit", SLOW_MACHINE_BUDGET, "--format", "json", "--out", out.toString(), spec));
            // where the explorer proves a property by repetition (semantics §13 item 7), JPF's complete
            // search to the horizon finds the same repetition
            assertThat(jpf).as(c[0]).isEqualTo(explorer);
        }
    }

    @Test
    void modelEmitsWithTheHorizonAndTheAnalysisBoundsAsked() throws Exception {
        CliRun r = CliRun.of("model", SPECS.resolve("coral-quad-strict.gang").toString(), "--emit", out.toString(),
                "--horizon", "30");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        String readme = Files.readString(out.resolve("README.md"));
        assertThat(readme).contains("Instants 0..30 are explored").doesNotContain("not modelled")
                .doesNotContain("gradlew").contains("shared/tools/jpf-core");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.filter(f -> f.toString().endsWith(".jpf"))).isNotEmpty();
        }
    }

    private static List<String> verdicts(CliRun r) throws Exception {
        assertThat(r.out()).as(r.err()).startsWith("{");
        List<String> out = new ArrayList<>();
        new ObjectMapper().readTree(r.out()).path("specs").get(0).path("properties")
                .forEach(p -> out.add(p.path("property").asText() + " " + p.path("verdict").asText()));
        return out;
    }
}
