package io.gangproof.cli;

import static io.gangproof.cli.InputFilesCliTest.VALID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outputs (issue #15, items 4, 5, 6, 11, 17): never written over an input or another output of
 * the run, written atomically into folders that are created, bad paths named with their own exit
 * code, and a baseline that cannot be matched failing --compare.
 */
class OutputFilesCliTest {
    /** Two tasks, one of which misses its deadline: the run writes a trace. */
    static final String VIOLATED = """
            system twin {
              resolution 1 ms
              platform { tpus 1 }
              dnn d { latency { 1: 6 ms } }
              task a { runs d  periodic 10 ms offset 0 ms  deadline 7 ms  priority 1  tpus 1 }
              task b { runs d  periodic 10 ms offset 0 ms  deadline 7 ms  priority 2  tpus 1 }
              scheduler global fp with gang-strict
              verify { deadlines(b) }
            }
            """;

    @TempDir
    Path tmp;

    private Path spec() throws IOException {
        return Files.writeString(tmp.resolve("tiny.gang"), VALID);
    }

    private static void assertRefused(CliRun r, String... words) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains(words).doesNotContain("Exception", "internal error");
    }

    @Test
    void anOutputNamingAnInputOrAnotherOutputIsRefusedAndNothingIsWritten() throws IOException {
        Path spec = spec();
        String out = tmp.resolve("out").toString();
        assertRefused(CliRun.of("check", spec.toString(), "--out", out, "--snapshot", spec.toString()),
                "--snapshot", "is also the spec");
        assertRefused(CliRun.of("simulate", spec.toString(), "--trace", tmp.resolve("./tiny.gang").toString()),
                "--trace", "is also the spec");
        Path t = tmp.resolve("t.json");
        assertRefused(CliRun.of("simulate", spec.toString(), "--trace", t.toString(), "--svg", t.toString()),
                "--svg", "is also the --trace");
        Path s = tmp.resolve("s.json");
        assertRefused(CliRun.of("check", spec.toString(), "--out", out, "--snapshot", s.toString(), "--junit-xml",
                s.toString()), "--junit-xml", "is also the --snapshot");
        Path link = Files.createSymbolicLink(tmp.resolve("link.gang"), spec);
        // Links are resolved. (`analyze --write SPEC` is the one output that may name its spec: it
        // edits it in place, AnalyzeWriteCliTest.)
        assertRefused(CliRun.of("check", spec.toString(), "--out", out, "--snapshot", link.toString()),
                "--snapshot", "is also the spec");
        assertThat(Files.readString(spec)).isEqualTo(VALID);
        assertThat(t).doesNotExist();
        assertThat(s).doesNotExist();
    }

    @Test
    void badOutputPathsAreNamedWithTheirOwnExitCode() throws IOException {
        Path spec = spec();
        assertRefused(CliRun.of("check", spec.toString(), "--out", spec.toString()), "is a file, not a folder");
        CliRun underFile = CliRun.of("check", spec.toString(), "--out", tmp.resolve("out").toString(), "--snapshot",
                spec.resolve("s.json").toString());
        assertThat(underFile.exitCode()).as(underFile.err()).isEqualTo(ExitCodes.CANNOT_WRITE);
        assertThat(underFile.err()).contains("cannot create the folder", "a file is in the way")
                .doesNotContain("Exception");
        Path deep = tmp.resolve("new/folder/s.json");
        CliRun created = CliRun.of("check", spec.toString(), "--out", tmp.resolve("out").toString(), "--snapshot",
                deep.toString());
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(deep).isRegularFile();
        CliRun again = CliRun.of("check", spec.toString(), "--out", tmp.resolve("out").toString(), "--snapshot",
                deep.toString());
        assertThat(again.err()).contains("replaced the existing " + deep);
        try (Stream<Path> left = Files.list(deep.getParent())) {
            assertThat(left).as("no temporary file is left").containsExactly(deep);
        }
    }

    @Test
    void aBaselineEntryThatMatchesNothingFailsTheComparison() throws Exception {
        Path spec = spec();
        String out = tmp.resolve("out").toString();
        Path base = tmp.resolve("base.json");
        assertThat(CliRun.of("check", spec.toString(), "--out", out, "--snapshot", base.toString()).exitCode())
                .isZero();
        assertThat(CliRun.of("check", spec.toString(), "--out", out, "--compare", base.toString()).exitCode())
                .isZero();
        ObjectMapper json = new ObjectMapper();
        ObjectNode renamed = (ObjectNode) json.readTree(base.toFile());
        ((ObjectNode) renamed.path("specs").get(0)).put("system", "renamed");
        ObjectNode lower = (ObjectNode) json.readTree(base.toFile());
        ((ObjectNode) lower.path("specs").get(0).path("properties").get(0)).put("verdict", "proved");
        ObjectNode keys = (ObjectNode) json.readTree(base.toFile());
        ObjectNode p = (ObjectNode) keys.path("specs").get(0).path("properties").get(0);
        p.set("name", p.remove("property"));
        String[][] cases = {{json.writeValueAsString(renamed), "baseline system 'renamed'"},
            {json.writeValueAsString(lower), "baseline verdict 'proved'"},
            {json.writeValueAsString(keys), "lacks \"property\""}};
        for (String[] c : cases) {
            Path broken = Files.writeString(tmp.resolve("broken.json"), c[0]);
            CliRun r = CliRun.of("check", spec.toString(), "--out", out, "--compare", broken.toString());
            assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.REGRESSION);
            assertThat(r.err()).contains(c[1]);
        }
    }

    @Test
    void twoSpecsOfOneSystemNameKeepTheirOwnTraces() throws IOException {
        Path first = Files.writeString(tmp.resolve("first.gang"), VIOLATED);
        Path second = Files.writeString(tmp.resolve("second.gang"), VIOLATED.replace("deadline 7 ms  priority 2",
                "deadline 8 ms  priority 2"));
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("check", first.toString(), second.toString(), "--out", out.toString(), "--format",
                "json", "--engine", "simulation");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.VIOLATED);
        var doc = new ObjectMapper().readTree(r.out());
        String a = doc.path("specs").get(0).path("properties").get(0).path("trace").asText();
        String b = doc.path("specs").get(1).path("properties").get(0).path("trace").asText();
        assertThat(a).isNotEqualTo(b);
        assertThat(Path.of(b)).startsWith(out.resolve("twin-2"));
        for (int i = 0; i < 2; i++) {
            Path spec = i == 0 ? first : second;
            CliRun replay = CliRun.of("replay", spec.toString(), i == 0 ? a : b);
            assertThat(replay.exitCode()).as(replay.err()).isEqualTo(ExitCodes.VIOLATED);
        }
    }

    @Test
    void modelEmitRemovesItsOwnStaleFilesAndRefusesAForeignFolder() throws IOException {
        Path spec = spec();
        Path dir = tmp.resolve("model");
        assertThat(CliRun.of("model", spec.toString(), "--emit", dir.toString()).exitCode()).isZero();
        Path stale;
        try (Stream<Path> files = Files.walk(dir)) {
            stale = files.filter(f -> f.toString().endsWith(".jpf")).findFirst().orElseThrow();
        }
        Files.move(stale, stale.resolveSibling("Renamed-p9.jpf"));
        Files.writeString(tmp.resolve("model/.gangproof-model"), Files.readString(tmp.resolve(
                "model/.gangproof-model")).replace(stale.getFileName().toString(), "Renamed-p9.jpf"));
        CliRun again = CliRun.of("model", spec.toString(), "--emit", dir.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("removed the", "files of the earlier model");
        assertThat(stale.resolveSibling("Renamed-p9.jpf")).doesNotExist();
        assertThat(stale).exists();
        Path foreign = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(foreign.resolve("notes.txt"), "keep me");
        CliRun refused = CliRun.of("model", spec.toString(), "--emit", foreign.toString());
        assertThat(refused.exitCode()).as(refused.err()).isEqualTo(ExitCodes.CANNOT_WRITE);
        assertThat(refused.err()).contains("not empty", "was not written by `gangproof model`");
        assertThat(foreign.resolve("notes.txt")).hasContent("keep me");
    }
}
