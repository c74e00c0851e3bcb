package io.gangproof.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    /** Both lists open, both levels fixed: nothing may be mistaken for a concrete list. */
    private static final String OPEN_FIXED_LEVELS = """
            system k_fixed {
              resolution 1 ms
              platform { tpus 2 }
              dnn net { latency { 1: 2 ms, 2: 1 ms } }
              task a { runs net, periodic 10 ms, priority 1, pinned any, tpus 1 }
              task b { runs net, periodic 10 ms offset 0 ms, priority 2, pinned any, tpus 2 }
              scheduler pinned fp with gang-greedy
              verify { deadlines, deadlock-free, response(a) <= 5 ms, overtakes(a) <= 0, horizon 20 ms }
            }
            """;

    @Test
    void everyEngineAnswersUnknownWithTheHintWhileAListIsOpen() throws IOException {
        Path spec = dir.resolve("k.gang");
        Files.writeString(spec, OPEN_FIXED_LEVELS);
        CliRun r = CliRun.of("check", "--cross-check", "--format", "json", "--out", dir.toString(), spec.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.UNKNOWN);
        JsonNode props = new ObjectMapper().readTree(r.out()).path("specs").get(0).path("properties");
        assertThat(props).hasSize(4).allSatisfy(p -> {
            assertThat(p.path("verdict").asText()).isEqualTo("UNKNOWN");
            assertThat(p.path("reason").asText()).contains("analyze --synthesize");
            assertThat(p.path("engines")).extracting(JsonNode::asText)
                    .contains("analysis", "induction", "simulation", "symbolic", "explorer");
        });
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
