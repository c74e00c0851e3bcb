package io.gangproof.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples of semantics §6 end to end: verdicts, exit codes, and traces that replay. */
class BundledExamplesCliTest {
    static final Path SPECS = Path.of("..", "case-studies", "specs");

    @TempDir
    Path out;

    private Map<String, JsonNode> check(String spec, int expectedExit) throws IOException {
        CliRun r = CliRun.of("check", "--format", "json", "--out", out.toString(), SPECS.resolve(spec).toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(expectedExit);
        Map<String, JsonNode> byProperty = new LinkedHashMap<>();
        new ObjectMapper().readTree(r.out()).path("specs").get(0).path("properties")
                .forEach(p -> byProperty.put(p.path("property").asText(), p));
        return byProperty;
    }

    private void assertReplaysAsViolation(String spec, JsonNode property) {
        Path trace = Path.of(property.path("trace").asText());
        assertThat(trace).exists();
        assertThat(trace.resolveSibling(trace.getFileName().toString().replace(".trace.json", ".svg"))).exists();
        CliRun replay = CliRun.of("replay", SPECS.resolve(spec).toString(), trace.toString());
        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(ExitCodes.VIOLATED);
        assertThat(replay.out()).startsWith("confirmed:").contains(property.path("property").asText());
    }

    @Test
    void greedyStarvesHAndTheTraceReplays() throws IOException {
        Map<String, JsonNode> p = check("starvation-greedy.gang", ExitCodes.VIOLATED);
        assertThat(p.get("deadlines(H)").path("verdict").asText()).isEqualTo("VIOLATED");
        assertThat(p.get("inversion(H) <= 2 ms").path("verdict").asText()).isEqualTo("VIOLATED");
        assertReplaysAsViolation("starvation-greedy.gang", p.get("deadlines(H)"));
        assertReplaysAsViolation("starvation-greedy.gang", p.get("inversion(H) <= 2 ms"));
    }

    @Test
    void strictProtectsHAndBMissesInstead() throws IOException {
        Map<String, JsonNode> p = check("starvation-strict.gang", ExitCodes.VIOLATED);
        for (String proved : List.of("deadlines(H)", "inversion(H) <= 2 ms")) {
            JsonNode r = p.get(proved);
            assertThat(r.path("verdict").asText()).as(proved).isEqualTo("PROVED");
            assertThat(r.path("engine").asText()).isEqualTo("analysis+z3");
            String certificate = r.path("certificates").path(0).asText();
            assertThat(Path.of(certificate)).as("a saved SMT-LIB certificate").exists();
            assertThat(Path.of(certificate)).content().contains("(check-sat)");
        }
        assertThat(p.get("deadlines(B)").path("verdict").asText()).isEqualTo("VIOLATED");
        assertReplaysAsViolation("starvation-strict.gang", p.get("deadlines(B)"));
    }

    @Test
    void perTpuListedDeadlocksAndAscendingDoesNot() throws IOException {
        Map<String, JsonNode> listed = check("deadlock-per-tpu.gang", ExitCodes.VIOLATED);
        assertThat(listed.get("deadlock-free").path("verdict").asText()).isEqualTo("VIOLATED");
        assertThat(listed.get("deadlock-free").path("reason").asText()).contains("deadlock at 3");
        assertReplaysAsViolation("deadlock-per-tpu.gang", listed.get("deadlock-free"));

        Map<String, JsonNode> ascending = check("deadlock-free-ascending.gang", ExitCodes.OK);
        assertThat(ascending.get("deadlock-free").path("verdict").asText()).isEqualTo("PROVED");
        assertThat(ascending.get("deadlock-free").path("engine").asText()).isEqualTo("induction");
        // The symbolic engine's zone graph closes: deadlines hold for all time (docs/symbolic.md).
        assertThat(ascending.get("deadlines").path("verdict").asText()).isEqualTo("PROVED");
        assertThat(ascending.get("deadlines").path("engine").asText()).isEqualTo("symbolic");
    }

    @Test
    void simulateReportsExtremesAndWritesTheWorstRun() {
        Path trace = out.resolve("worst.trace.json");
        CliRun r = CliRun.of("simulate", "--runs", "50", "--trace", trace.toString(),
                SPECS.resolve("starvation-strict.gang").toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.VIOLATED);
        assertThat(r.out()).contains("max response", "VIOLATED  deadlines(B)");
        assertThat(trace).exists();
        assertThat(out.resolve("worst.svg")).exists();
        CliRun replay = CliRun.of("replay", SPECS.resolve("starvation-strict.gang").toString(), trace.toString());
        assertThat(replay.exitCode()).isEqualTo(ExitCodes.VIOLATED);
    }

    @Test
    void aTraceOfAnotherSystemDivergesAndGarbageIsRefused() throws IOException {
        Path trace = out.resolve("strict.trace.json");
        CliRun.of("simulate", "--runs", "1", "--trace", trace.toString(),
                SPECS.resolve("starvation-strict.gang").toString());
        CliRun diverged = CliRun.of("replay", SPECS.resolve("starvation-greedy.gang").toString(), trace.toString());
        assertThat(diverged.exitCode()).isEqualTo(ExitCodes.INTERNAL);
        assertThat(diverged.err()).contains("differs");

        Path garbage = Files.writeString(out.resolve("garbage.json"), "{\"x\": 1}");
        CliRun bad = CliRun.of("replay", SPECS.resolve("starvation-greedy.gang").toString(), garbage.toString());
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.INVALID_SPEC);
        assertThat(bad.err()).contains("not a readable trace").doesNotContain("\tat ");
    }

    @Test
    void analyzePrintsBoundsPerTaskAndAssignPrintsASpecThatLoads() throws IOException {
        CliRun table = CliRun.of("analyze", "--out", out.toString(), SPECS.resolve("coral-quad-partitioned.gang")
                .toString());
        assertThat(table.exitCode()).as(table.err()).isEqualTo(ExitCodes.OK);
        assertThat(table.out()).contains("partitioned-np-fp", "recognize", "8.39ms", "PROVED  deadlines",
                "PROVED  inversion(detect) <= bound", "UNKNOWN  overtakes(detect) <= 0");

        Path assigned = out.resolve("assigned.gang");
        CliRun assign = CliRun.of("analyze", "--assign", "--output", assigned.toString(),
                SPECS.resolve("coral-synthesis.gang").toString());
        assertThat(assign.exitCode()).as(assign.out() + assign.err()).isEqualTo(ExitCodes.OK);
        assertThat(assign.out()).contains("placed 4 tasks");
        io.gangproof.spec.SystemSpec spec = io.gangproof.spec.parse.SpecLoader.load(assigned).orThrow();
        assertThat(spec.tasks()).allSatisfy(t -> assertThat(t.binding())
                .isInstanceOf(io.gangproof.spec.Binding.OnPipeline.class));
        assertThat(CliRun.of("analyze", assigned.toString()).exitCode()).isEqualTo(ExitCodes.OK);

        CliRun greedy = CliRun.of("analyze", SPECS.resolve("starvation-greedy.gang").toString());
        assertThat(greedy.exitCode()).as("not schedulable by the test").isEqualTo(ExitCodes.UNKNOWN);
    }

    @Test
    void modelEmitsSourcesAndAJpfConfigurationPerProperty() {
        Path dir = out.resolve("model");
        CliRun r = CliRun.of("model", SPECS.resolve("starvation-strict.gang").toString(), "--emit", dir.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(dir.resolve("README.md")).exists();
        try (var files = Files.list(dir)) {
            assertThat(files.filter(f -> f.toString().endsWith(".jpf"))).hasSize(3);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(CliRun.of("model", SPECS.resolve("starvation-strict.gang").toString()).exitCode())
                .as("--emit is required").isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void oneScenarioFromAFileDeadlocksUnderListedOrderAndNotUnderAscending() throws IOException {
        Map<String, JsonNode> listed = check("deadlock-per-tpu.gang", ExitCodes.VIOLATED);
        String scenario = listed.get("deadlock-free").path("trace").asText();
        CliRun same = CliRun.of("simulate", SPECS.resolve("deadlock-per-tpu.gang").toString(), "--scenario", scenario,
                "--trace", out.resolve("listed.trace.json").toString());
        assertThat(same.exitCode()).isEqualTo(ExitCodes.VIOLATED);
        assertThat(same.out()).contains("deadlock at 3");
        CliRun ascending = CliRun.of("simulate", SPECS.resolve("deadlock-free-ascending.gang").toString(),
                "--scenario", scenario, "--trace", out.resolve("ascending.trace.json").toString());
        assertThat(ascending.exitCode()).as(ascending.out() + ascending.err()).isEqualTo(ExitCodes.OK);
        assertThat(out.resolve("ascending.svg")).exists();
    }

    @Test
    void compareFailsOnADeliberateRegressionAndSaysWhich() throws IOException {
        Path dir = Files.createDirectories(out.resolve("system"));
        Files.createDirectories(dir.resolve("dnn"));
        Files.copy(SPECS.resolve("dnn/coral-derived.gang"), dir.resolve("dnn/coral-derived.gang"));
        Path spec = dir.resolve("coral.gang");
        String original = Files.readString(SPECS.resolve("coral-quad-partitioned.gang"));
        Files.writeString(spec, original);
        Path snapshot = out.resolve("snapshot.json");
        CliRun first = CliRun.of("check", "--engine", "proof", "--out", out.toString(), "--snapshot",
                snapshot.toString(), spec.toString());
        assertThat(snapshot).exists();
        assertThat(CliRun.of("check", "--engine", "proof", "--out", out.toString(), "--compare", snapshot.toString(),
                spec.toString()).exitCode()).as("nothing changed").isEqualTo(first.exitCode());

        // The lowest-priority DNN on detect's pipeline gets slower: detect's blocking bound grows.
        Files.writeString(spec, original.replace("runs efficientnet_edgetpu_l", "runs inception_v3_299"));
        CliRun later = CliRun.of("check", "--engine", "proof", "--out", out.toString(), "--compare",
                snapshot.toString(), spec.toString());
        assertThat(later.exitCode()).isEqualTo(ExitCodes.REGRESSION);
        assertThat(later.err()).contains("regression: bound of inversion(detect) <= bound in coral_quad_partitioned "
                + "rose from 6.14 ms to 21.59 ms");

        // A DNN too slow for its deadline: the proof is lost.
        Files.writeString(spec, original.replace("runs efficientnet_edgetpu_l", "runs inception_v4"));
        CliRun lost = CliRun.of("check", "--engine", "proof", "--out", out.toString(), "--compare",
                snapshot.toString(), spec.toString());
        assertThat(lost.exitCode()).isEqualTo(ExitCodes.REGRESSION);
        assertThat(lost.err()).contains("regression: verdict of deadlines in coral_quad_partitioned fell from PROVED");
    }

    @Test
    void junitXmlHasASuitePerSpecAndAFailurePerViolation() throws Exception {
        Path xml = out.resolve("report.xml");
        CliRun r = CliRun.of("check", "--out", out.toString(), "--junit-xml", xml.toString(),
                SPECS.resolve("starvation-strict.gang").toString(), SPECS.resolve("deadlock-per-tpu.gang").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.VIOLATED);
        org.w3c.dom.Document doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(xml.toFile());
        org.w3c.dom.NodeList suites = doc.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(2);
        org.w3c.dom.Element strict = (org.w3c.dom.Element) suites.item(0);
        assertThat(strict.getAttribute("tests")).isEqualTo("3");
        assertThat(strict.getAttribute("failures")).isEqualTo("1");
        assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(2);
        assertThat(((org.w3c.dom.Element) doc.getElementsByTagName("failure").item(0)).getAttribute("message"))
                .startsWith("VIOLATED (simulation)").contains("trace ");
    }
}
