package io.gangproof.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same spec gives the same bytes (issue 15, "Determinism"): JSON verdicts but for the named
 * timing field {@code seconds}, snapshots, traces, Gantt charts, certificates, emitted models and
 * SMT-LIB. Each output is produced twice, in the same place, and compared.
 */
class DeterminismCliTest {
    private static final String GREEDY = BundledExamplesCliTest.SPECS.resolve("starvation-greedy.gang").toString();
    private static final String PARTITIONED = BundledExamplesCliTest.SPECS.resolve("coral-quad-partitioned.gang")
            .toString();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    /**
     * Every file under {@code root}, by relative path (the snapshot without its {@code seconds}), then
     * {@code root} is emptied for the next run.
     */
    private static Map<String, String> takeFiles(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(p);
                files.put(root.relativize(p).toString(), p.getFileName().toString().equals("snapshot.json")
                        ? MAPPER.writeValueAsString(withoutSeconds(text)) : text);
            }
        }
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        return files;
    }

    private static JsonNode withoutSeconds(String json) throws IOException {
        JsonNode tree = MAPPER.readTree(json);
        tree.findParents("seconds").forEach(p -> ((ObjectNode) p).remove("seconds"));
        return tree;
    }

    /** A search stopped by its time limit may get further on another run; these runs have none. */
    @Test
    void checkWritesTheSameVerdictsTracesChartsSnapshotAndCertificates() throws IOException {
        Path out = dir.resolve("out");
        String[][] runs = {
            {"check", "--format", "json", "--out", out.toString(), "--snapshot", out.resolve("snapshot.json").toString(),
                GREEDY},
            {"check", "--engine", "proof", "--format", "json", "--out", out.toString(), PARTITIONED}};
        for (String[] args : runs) {
            CliRun first = CliRun.of(args);
            Map<String, String> firstFiles = takeFiles(out);
            CliRun second = CliRun.of(args);
            Map<String, String> secondFiles = takeFiles(out);
            assertThat(first.exitCode()).as(first.err()).isIn(ExitCodes.OK, ExitCodes.VIOLATED, ExitCodes.UNKNOWN);
            assertThat(withoutSeconds(second.out())).isEqualTo(withoutSeconds(first.out()));
            assertThat(firstFiles).isNotEmpty();
            assertThat(secondFiles).isEqualTo(firstFiles);
        }
    }

    @Test
    void simulateWritesTheSameTraceAndChart() throws IOException {
        Path out = dir.resolve("sim");
        String[] args = {"simulate", "--runs", "20", "--trace", out.resolve("worst.trace.json").toString(), GREEDY};
        CliRun first = CliRun.of(args);
        Map<String, String> firstFiles = takeFiles(out);
        CliRun second = CliRun.of(args);
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(takeFiles(out)).isEqualTo(firstFiles).containsKeys("worst.trace.json", "worst.svg");
    }

    @Test
    void emittedModelsAndSmtLibAreTheSame() throws IOException {
        Path model = dir.resolve("model");
        CliRun.of("model", "--emit", model.toString(), GREEDY);
        Map<String, String> firstModel = takeFiles(model);
        CliRun.of("model", "--emit", model.toString(), GREEDY);
        assertThat(firstModel).isNotEmpty();
        assertThat(takeFiles(model)).isEqualTo(firstModel);

        Path smt = dir.resolve("smt");
        for (String spec : new String[] {GREEDY, BundledExamplesCliTest.SPECS.resolve("deadlock-per-tpu.gang").toString()}) {
            CliRun r = CliRun.of("smt", "--emit", smt.resolve("q.smt2").toString(), spec);
            assertThat(r.exitCode()).as(r.err()).isZero();
            Map<String, String> firstSmt = takeFiles(smt);
            CliRun.of("smt", "--emit", smt.resolve("q.smt2").toString(), spec);
            assertThat(takeFiles(smt)).isEqualTo(firstSmt);
        }
    }
}
