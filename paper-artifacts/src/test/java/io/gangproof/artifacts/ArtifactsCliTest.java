package io.gangproof.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The command line: smoke runs of every experiment, shards and merge, plots, exit codes. */
class ArtifactsCliTest {
    @TempDir
    Path tmp;

    static List<Path> experiments() {
        return TestExperiments.all();
    }

    @ParameterizedTest
    @MethodSource("experiments")
    void everyExperimentRunsAtSmokeSizeAndWritesCsvPngAndSvg(Path experiment) throws IOException {
        Experiment e = Experiment.load(experiment).smokeSize();
        TestExperiments.Result r = TestExperiments.cli("run", experiment.toString(), "--smoke", "--out", tmp.toString(),
                "--threads", "2");
        assertThat(r.code()).as(r.err()).isZero();
        Path csv = tmp.resolve(e.name() + ".csv");
        Csv.Parsed parsed = Csv.read(csv);
        assertThat(parsed.header()).contains("experiment=" + e.name(), "size=smoke", "seed=" + e.seed());
        assertThat(parsed.rows()).hasSize(e.points().size() * e.effectiveMethods().size());
        long perMethod = parsed.rows().stream().filter(x -> x.method().equals(e.effectiveMethods().get(0)))
                .mapToLong(Csv.Row::samples).sum();
        assertThat(perMethod).isEqualTo(e.workItems());
        for (Csv.Row row : parsed.rows()) {
            assertThat(row.accepted() + row.unknown()).isLessThanOrEqualTo(row.samples());
        }
        byte[] png = Files.readAllBytes(tmp.resolve(e.name() + ".png"));
        assertThat(png).hasSizeGreaterThan(1000);
        assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
        String svg = Files.readString(tmp.resolve(e.name() + ".svg"));
        assertThat(svg).contains("<svg", "</svg>", e.name()).contains(e.effectiveMethods());
    }

    @Test
    void shardsMergeIntoExactlyTheBytesOfASingleRunWhateverTheThreads() throws IOException {
        for (String name : List.of("acceptance-partitioned", "acceptance-global")) {
            String exp = TestExperiments.file(name).toString();
            Path single = tmp.resolve(name + "-single");
            assertThat(TestExperiments.cli("run", exp, "--smoke", "--out", single.toString()).code()).isZero();
            Path sharded = tmp.resolve(name + "-shards");
            List<String> args = new ArrayList<>(List.of("merge"));
            for (int i = 3; i >= 1; i--) {
                TestExperiments.Result r = TestExperiments.cli("run", exp, "--smoke", "--out", sharded.toString(),
                        "--shard", i + "/3", "--threads", String.valueOf(i));
                assertThat(r.code()).as(r.err()).isZero();
                Path shard = sharded.resolve(name + ".shard-" + i + "-of-3.csv");
                assertThat(shard).exists();
                args.add(shard.toString());
            }
            assertThat(sharded.resolve(name + ".png")).doesNotExist();
            Path merged = tmp.resolve(name + "-merged.csv");
            args.addAll(List.of("--out", merged.toString()));
            TestExperiments.Result m = TestExperiments.cli(args.toArray(String[]::new));
            assertThat(m.code()).as(m.err()).isZero();
            assertThat(Files.readAllBytes(merged)).isEqualTo(Files.readAllBytes(single.resolve(name + ".csv")));
            // the same seed, run again with more threads: the same bytes
            Path again = tmp.resolve(name + "-again");
            assertThat(TestExperiments.cli("run", exp, "--smoke", "--out", again.toString(), "--threads", "3").code())
                    .isZero();
            assertThat(Files.readAllBytes(again.resolve(name + ".csv")))
                    .isEqualTo(Files.readAllBytes(single.resolve(name + ".csv")));
            // and the merged file plots, to the same SVG as the single run's
            assertThat(TestExperiments.cli("plot", merged.toString(), "--out", tmp.toString()).code()).isZero();
            String svg = Files.readString(tmp.resolve(name + "-merged.svg"));
            assertThat(svg).isEqualTo(Files.readString(single.resolve(name + ".svg")));
        }
    }

    @Test
    void mergeRefusesIncompleteDuplicateAndForeignShards() throws IOException {
        String global = TestExperiments.file("acceptance-global").toString();
        String part = TestExperiments.file("acceptance-partitioned").toString();
        for (int i = 1; i <= 2; i++) {
            assertThat(TestExperiments.cli("run", global, "--smoke", "--out", tmp.toString(), "--shard", i + "/2").code())
                    .isZero();
        }
        assertThat(TestExperiments.cli("run", part, "--smoke", "--out", tmp.toString(), "--shard", "2/2").code())
                .isZero();
        Path s1 = tmp.resolve("acceptance-global.shard-1-of-2.csv");
        Path s2 = tmp.resolve("acceptance-global.shard-2-of-2.csv");
        Path foreign = tmp.resolve("acceptance-partitioned.shard-2-of-2.csv");
        String out = tmp.resolve("m.csv").toString();

        TestExperiments.Result incomplete = TestExperiments.cli("merge", s1.toString(), "--out", out);
        assertThat(incomplete.code()).isEqualTo(65);
        assertThat(incomplete.err()).contains("incomplete", "[2]");

        TestExperiments.Result twice = TestExperiments.cli("merge", s1.toString(), s1.toString(), "--out", out);
        assertThat(twice.code()).isEqualTo(65);
        assertThat(twice.err()).contains("given twice");

        TestExperiments.Result mixed = TestExperiments.cli("merge", s1.toString(), foreign.toString(), "--out", out);
        assertThat(mixed.code()).isEqualTo(65);
        assertThat(mixed.err()).contains("another experiment");

        // a shard whose counts were edited no longer matches its declared items
        Path edited = tmp.resolve("edited.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(s2));
        String last = lines.get(lines.size() - 1);
        String[] f = last.split(",", -1);
        f[2] = String.valueOf(Long.parseLong(f[2]) + 1);
        lines.set(lines.size() - 1, String.join(",", f));
        Files.write(edited, lines);
        TestExperiments.Result bad = TestExperiments.cli("merge", s1.toString(), edited.toString(), "--out", out);
        assertThat(bad.code()).isEqualTo(65);

        assertThat(TestExperiments.cli("merge", s2.toString(), s1.toString(), "--out", out).code()).isZero();
        assertThat(TestExperiments.cli("plot", s1.toString(), "--out", tmp.toString()).code()).isEqualTo(65);
    }

    @Test
    void badCommandLinesExit64() {
        String global = TestExperiments.file("acceptance-global").toString();
        assertThat(TestExperiments.cli().code()).isEqualTo(64);
        assertThat(TestExperiments.cli("run").code()).isEqualTo(64);
        assertThat(TestExperiments.cli("run", global, "--bogus").code()).isEqualTo(64);
        TestExperiments.Result shard = TestExperiments.cli("run", global, "--smoke", "--shard", "3/2");
        assertThat(shard.code()).isEqualTo(64);
        assertThat(shard.err()).contains("--shard");
        assertThat(TestExperiments.cli("run", global, "--threads", "0").code()).isEqualTo(64);
        assertThat(TestExperiments.cli("run", tmp.resolve("missing.json").toString()).code()).isEqualTo(64);
        assertThat(TestExperiments.cli("merge", "x.csv").code()).isEqualTo(64);
    }

    @Test
    void methodsListsEveryRegisteredId() {
        TestExperiments.Result r = TestExperiments.cli("methods");
        assertThat(r.code()).isZero();
        assertThat(r.out().lines().toList()).containsExactlyElementsOf(Methods.ids());
    }
}
