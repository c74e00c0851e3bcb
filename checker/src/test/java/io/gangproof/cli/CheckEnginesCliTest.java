package io.gangproof.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gangproof.check.StandardEngines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check}: engine lists, stopping once decided, --cross-check, --time-limit, folders, the open-level hint. */
class CheckEnginesCliTest {
    static final Path SPECS = Path.of("..", "case-studies", "specs");

    @TempDir
    Path tmp;

    private JsonNode json(CliRun r) throws IOException {
        return new ObjectMapper().readTree(r.out());
    }

    private static List<String> engines(JsonNode property) {
        List<String> out = new ArrayList<>();
        property.path("engines").forEach(e -> out.add(e.asText()));
        return out;
    }

    @Test
    void aListOfEnginesIsAskedCheapestFirstAndADecidedPropertyIsNotAskedAgain() throws IOException {
        CliRun r = CliRun.of("check", "--engine", "simulation,proof", "--format", "json", "--out", tmp.toString(),
                SPECS.resolve("starvation-strict.gang").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.VIOLATED);
        JsonNode props = json(r).path("specs").get(0).path("properties");
        assertThat(props.get(0).path("property").asText()).isEqualTo("deadlines(H)");
        assertThat(props.get(0).path("verdict").asText()).isEqualTo("PROVED");
        assertThat(engines(props.get(0))).containsExactly("analysis+z3");
        assertThat(props.get(1).path("property").asText()).isEqualTo("deadlines(B)");
        assertThat(props.get(1).path("verdict").asText()).isEqualTo("VIOLATED");
        assertThat(engines(props.get(1))).containsExactly("analysis+z3", "analysis", "simulation");
    }

    @Test
    void crossCheckAsksEveryEngineAboutEveryProperty() throws IOException {
        CliRun r = CliRun.of("check", "--cross-check", "--format", "json", "--out", tmp.toString(),
                SPECS.resolve("starvation-strict.gang").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.VIOLATED);
        for (JsonNode p : json(r).path("specs").get(0).path("properties")) {
            assertThat(engines(p)).containsExactly("analysis+z3", "induction", "analysis", "simulation", "symbolic", "explorer");
        }
        CliRun plain = CliRun.of("check", "--format", "json", "--out", tmp.toString(),
                SPECS.resolve("starvation-strict.gang").toString());
        JsonNode first = json(plain).path("specs").get(0).path("properties").get(0);
        assertThat(engines(first)).containsExactly("analysis+z3");
    }

    @Test
    void unknownEngineNamesAndTimeLimitsWithoutAUnitAreUsageErrors() {
        String spec = SPECS.resolve("starvation-greedy.gang").toString();
        CliRun bogus = CliRun.of("check", "--engine", "proof,bogus", spec);
        assertThat(bogus.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bogus.err()).contains("unknown engine 'bogus'", "explorer");
        CliRun ticks = CliRun.of("check", "--time-limit", "5", spec);
        assertThat(ticks.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(ticks.err()).contains("--time-limit", "with a unit");
        assertThat(CliRun.of("check", "--time-limit", "0s", spec).exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void helpExplainsEveryEngine() {
        CliRun h = CliRun.of("check", "--help");
        assertThat(h.exitCode()).isZero();
        assertThat(h.out()).contains("--time-limit", "--cross-check", "auto");
        for (StandardEngines.Kind k : StandardEngines.KINDS) {
            assertThat(h.out()).containsPattern("(?m)^  " + k.name() + " ");
        }
    }

    @Test
    void aFolderIsCheckedRecursivelyInOneRunSkippingFilesWithoutASystem() throws IOException {
        Path nested = Files.createDirectories(tmp.resolve("specs/sub"));
        Files.copy(SPECS.resolve("starvation-greedy.gang"), tmp.resolve("specs/a.gang"));
        Files.copy(SPECS.resolve("deadlock-per-tpu.gang"), nested.resolve("b.gang"));
        Files.writeString(nested.resolve("lib.gang"), "dnn d {\n  latency { 1: 2 ms }\n}\n");
        Files.writeString(nested.resolve("notes.txt"), "system x {\n");
        CliRun r = CliRun.of("check", "--engine", "simulation", "--out", tmp.resolve("out").toString(),
                tmp.resolve("specs").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.VIOLATED);
        assertThat(r.out()).contains("a.gang", "b.gang", "in 2 specs").doesNotContain("lib.gang");
        assertThat(r.err()).contains("skipped", "lib.gang", "declares no system");
        CliRun empty = CliRun.of("check", Files.createDirectories(tmp.resolve("none")).toString());
        assertThat(empty.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(empty.err()).contains("no spec to check in");
    }

    @Test
    void anUnknownOnASpecWithOpenLevelsPointsAtAssignAndSynthesize() throws IOException {
        CliRun r = CliRun.of("check", "--engine", "proof,analysis", "--format", "json", "--out", tmp.toString(),
                SPECS.resolve("coral-synthesis.gang").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.UNKNOWN);
        JsonNode p = json(r).path("specs").get(0).path("properties").get(0);
        assertThat(p.path("verdict").asText()).isEqualTo("UNKNOWN");
        assertThat(p.path("reason").asText()).contains("analyze --assign", "analyze --synthesize");
    }
}
