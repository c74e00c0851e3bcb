package io.gangproof.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GangproofCliTest {
    static final Path SPECS = Path.of("..", "case-studies", "specs");

    @TempDir
    Path tmp;

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static final String VALID = """
            system tiny {
              resolution 1 ms
              platform {
                tpus 2
              }
              dnn d {
                latency { 1: 2 ms }
              }
              task t {
                runs d
                sporadic 10 ms
                priority 1
                tpus 1
              }
              scheduler global fp with gang-strict
              verify {
                response(t) <= bound
              }
            }
            """;

    @Test
    void versionAndHelpExitZero() {
        CliRun v = CliRun.of("--version");
        assertThat(v.exitCode()).isZero();
        assertThat(v.out()).startsWith("gangproof ");
        CliRun h = CliRun.of("--help");
        assertThat(h.exitCode()).isZero();
        assertThat(h.out()).contains("check", "fmt", "Exit codes", "65");
        for (String command : List.of("check", "fmt")) {
            CliRun c = CliRun.of(command, "--help");
            assertThat(c.exitCode()).isZero();
            assertThat(c.out()).contains("Usage: gangproof " + command);
        }
    }

    @Test
    void badCommandLinesExit64WithASuggestion() {
        CliRun typo = CliRun.of("chek", "x.gang");
        assertThat(typo.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(typo.err()).contains("Did you mean", "check");
        assertThat(CliRun.of("check").exitCode()).as("no spec given").isEqualTo(ExitCodes.USAGE);
        assertThat(CliRun.of("check", "--format", "xml", "a.gang").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(CliRun.of().exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(CliRun.of("fmt", "--check", "--write", "a.gang").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void anInvalidSpecExits65WithLocatedDiagnosticsAndNoStackTrace() throws IOException {
        Path bad = write("bad.gang", VALID.replace("runs d", "runs e"));
        CliRun r = CliRun.of("check", bad.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_SPEC);
        assertThat(r.err()).contains(bad + ":10:10: error: unknown DNN 'e'", "^", "1 error in");
        assertThat(r.err()).doesNotContain("Exception", "\tat ");
        CliRun missing = CliRun.of("check", tmp.resolve("nope.gang").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.INVALID_SPEC);
        assertThat(missing.err()).contains("no such file");
    }

    @Test
    void checkPrintsASummaryAndOneLinePerProperty() throws IOException {
        Path spec = write("tiny.gang", VALID);
        CliRun r = CliRun.of("check", spec.toString());
        assertThat(r.out()).contains("system tiny, 1 task on 2 TPUs, global fp with gang-strict",
                "TPU-time load 0.200 of 2 TPUs (10.0%)", "response(t) <= bound",
                "1 property in 1 spec:");
        assertThat(r.exitCode()).isIn(ExitCodes.OK, ExitCodes.VIOLATED, ExitCodes.UNKNOWN);
    }

    @Test
    void jsonOutputHasTheFieldsOfSemantics12() throws IOException {
        CliRun r = CliRun.of("check", "--format", "json", SPECS.resolve("starvation-strict.gang").toString());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.path("tool").path("name").asText()).isEqualTo("gangproof");
        assertThat(doc.path("tool").has("version")).isTrue();
        JsonNode spec = doc.path("specs").get(0);
        assertThat(spec.path("spec").asText()).endsWith("starvation-strict.gang");
        JsonNode props = spec.path("properties");
        assertThat(props).hasSize(3);
        for (JsonNode p : props) {
            for (String field : List.of("property", "task", "verdict", "engine", "bound", "horizon", "states",
                    "seconds", "trace", "reason")) {
                assertThat(p.has(field)).as(field).isTrue();
            }
            assertThat(p.path("verdict").asText()).isIn("PROVED", "VIOLATED", "HOLDS-UP-TO", "UNKNOWN");
        }
        assertThat(props.get(0).path("property").asText()).isEqualTo("deadlines(H)");
        assertThat(props.get(0).path("task").asText()).isEqualTo("H");
        List<String> verdicts = new java.util.ArrayList<>();
        props.forEach(p -> verdicts.add(p.path("verdict").asText()));
        int expected = verdicts.contains("VIOLATED") ? ExitCodes.VIOLATED
                : verdicts.contains("UNKNOWN") ? ExitCodes.UNKNOWN : ExitCodes.OK;
        assertThat(r.exitCode()).as("exit code follows the verdicts %s", verdicts).isEqualTo(expected);
    }

    @Test
    void fmtPrintsChecksAndWritesTheCanonicalForm() throws IOException {
        Path messy = write("messy.gang", VALID.replace("    runs d\n", "    runs d,").replace("  ", "\t"));
        String before = Files.readString(messy);

        CliRun print = CliRun.of("fmt", messy.toString());
        assertThat(print.exitCode()).isZero();
        assertThat(print.out()).isEqualTo(VALID);
        assertThat(Files.readString(messy)).as("printing changes nothing").isEqualTo(before);

        CliRun check = CliRun.of("fmt", "--check", messy.toString());
        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out()).contains("not formatted: " + messy);

        CliRun write = CliRun.of("fmt", "--write", messy.toString());
        assertThat(write.exitCode()).isZero();
        assertThat(Files.readString(messy)).isEqualTo(VALID);
        assertThat(CliRun.of("fmt", "--check", messy.toString()).exitCode()).isZero();
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("messy.gang");
        }
    }

    @Test
    void fmtLeavesAFileWithSyntaxErrorsUntouched() throws IOException {
        String broken = VALID.replace("tpus 2", "tpus 2 $");
        Path f = write("broken.gang", broken);
        CliRun r = CliRun.of("fmt", "--write", f.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_SPEC);
        assertThat(r.err()).contains("unexpected character '$'");
        assertThat(Files.readString(f)).isEqualTo(broken);
    }
}
