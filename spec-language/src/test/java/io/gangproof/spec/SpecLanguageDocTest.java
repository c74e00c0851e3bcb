package io.gangproof.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.spec.parse.Diagnostic;
import io.gangproof.spec.parse.LoadResult;
import io.gangproof.spec.parse.SourceFile;
import io.gangproof.spec.parse.SpecLoader;
import io.gangproof.spec.parse.SpecParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/spec-language.md tells the truth: every ```gang block that declares a system loads,
 * every other ```gang block parses, and every message in the table of common errors is the
 * message the loader gives for that mistake.
 */
class SpecLanguageDocTest {
    static final Path DOC = Path.of("..", "docs", "spec-language.md");
    private static final Pattern FILE_LINE = Pattern.compile("^// file: (\\S+)");
    private static final Pattern ERROR_ROW = Pattern.compile("^\\| .*? \\| `([^`]+)` \\|");

    @TempDir
    static Path dir;
    static List<String> blocks;

    @BeforeAll
    static void readDoc() throws IOException {
        blocks = new ArrayList<>();
        StringBuilder current = null;
        for (String line : Files.readAllLines(DOC)) {
            if (current == null && line.equals("```gang")) {
                current = new StringBuilder();
            } else if (current != null && line.equals("```")) {
                blocks.add(current.toString());
                current = null;
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        assertThat(current).as("an unclosed ```gang block").isNull();
        // Blocks that say `// file: PATH` are the files that other blocks import.
        for (String b : blocks) {
            Matcher m = FILE_LINE.matcher(b);
            if (m.find()) {
                Path target = dir.resolve(m.group(1));
                Files.createDirectories(target.getParent());
                Files.writeString(target, b);
            }
        }
    }

    @Test
    void everySystemBlockLoads() {
        List<String> systems = blocks.stream().filter(b -> b.contains("system ")).toList();
        assertThat(systems).hasSizeGreaterThanOrEqualTo(10);
        for (String b : systems) {
            LoadResult r = SpecLoader.loadText("doc.gang", b, dir);
            assertThat(r).as(() -> b + render(r.diagnostics())).isInstanceOf(LoadResult.Loaded.class);
            assertThat(r.diagnostics()).as(b).isEmpty();
        }
    }

    @Test
    void everyOtherBlockParses() {
        for (String b : blocks) {
            if (!b.contains("system ")) {
                var parsed = SpecParser.parse(new SourceFile("doc.gang", Optional.empty(), dir, b));
                assertThat(parsed.syntaxErrors()).as(b).isEmpty();
            }
        }
    }

    @Test
    void theFirstExampleIsTheSystemItDescribes() {
        SystemSpec s = SpecLoader.loadText("doc.gang", blocks.get(0), dir).orThrow();
        assertThat(s.name()).isEqualTo("coral_quad");
        assertThat(s.dnn("mobilenet_v2").latency(2)).isEqualTo(new Latency(2_400, 2_900));
        assertThat(s.dnn("skipnet").wcet(1)).isEqualTo(21_000);
        assertThat(s.task("classify").level()).isEqualTo(2);
        assertThat(s.task("detect").binding()).isEqualTo(new Binding.ChoosePipeline());
        assertThat(s.task("detect").levels()).containsExactly(1, 2);
    }

    // ---------------------------------------------------------------- the table of common errors

    private static final String BASE = """
            system demo {
              platform { tpus 4 }
              dnn net { latency { 1: 5 ms, 2: 3 ms } }
              task a { runs net, periodic 20 ms, priority 1, tpus 1 }
              scheduler global fp
              verify { deadlines }
            }
            """;

    /** Each mistake of the table, as an edit of {@link #BASE}, and the message it gives. */
    private static Map<String, String[]> mistakes() {
        Map<String, String[]> m = new LinkedHashMap<>();
        m.put("1.5 us is not a whole number of ticks at resolution 1 us",
                new String[] {"2: 3 ms } }", "2: 3 ms } }\n  dnn odd { latency { 1: 1.5 us } }"});
        m.put("unknown unit 'msec'", new String[] {"periodic 20 ms", "periodic 20 msec"});
        m.put("expected a size unit (B, KB, MB, GB, KiB, MiB, GiB), got 'ms'",
                new String[] {"dnn net {", "dnn net { size 5 ms,"});
        m.put("the deadline of task 'a' exceeds its period (25 ms > 20 ms)",
                new String[] {"periodic 20 ms", "periodic 20 ms, deadline 25 ms"});
        m.put("priority 1 is already used by task 'a'",
                new String[] {"  scheduler", "  task b { runs net, sporadic 10 ms, priority 1, tpus 2 }\n  scheduler"});
        m.put("task 'a' has no priority", new String[] {", priority 1", ""});
        m.put("8 TPUs requested, but the platform has only 4", new String[] {"tpus 1 }", "tpus 8 }"});
        m.put("DNN 'net' has no latency for 3 TPUs", new String[] {"tpus 1 }", "tpus 3 }"});
        m.put("task 'a' does not say on how many TPUs it runs", new String[] {", tpus 1 }", " }"});
        m.put("the per-tpu-listed protocol needs pinned TPUs",
                new String[] {"global fp", "global fp with per-tpu-listed"});
        m.put("pipelines 'l' and 'r' overlap on TPU 1", new String[] {"platform { tpus 4 }",
            "platform { tpus 4, pipeline l = [0, 1], pipeline r = [1, 2] }", "tpus 1 }", "pipeline l }",
            "global fp", "partitioned fp"});
        m.put("task 'a' names a pipeline, but placement is global", new String[] {"tpus 1 }", "pipeline left }"});
        m.put("task 'a' pins TPUs, but placement is global", new String[] {"tpus 1 }", "pinned [0] }"});
        m.put("task 'a' leaves its pinned TPUs open, but placement is global",
                new String[] {"tpus 1 }", "pinned any }"});
        m.put("task 'a' has no pipeline, but placement is partitioned", new String[] {"global fp", "partitioned fp"});
        m.put("TPU 4 is out of range: the platform has TPUs 0..3",
                new String[] {"platform { tpus 4 }", "platform { tpus 4, pipeline l = [3, 4] }"});
        m.put("unknown task 'b'", new String[] {"deadlines }", "deadlines(b) }"});
        m.put("the bound of response is a time and needs a unit",
                new String[] {"deadlines }", "response(a) <= 15 }"});
        m.put("overtakes counts jobs: the bound is a plain number",
                new String[] {"deadlines }", "overtakes(a) <= 2 ms }"});
        m.put("unknown DNN 'nett'", new String[] {"runs net", "runs nett"});
        m.put("unknown placement 'globl'", new String[] {"global fp", "globl fp"});
        m.put("unknown property 'respons'", new String[] {"deadlines }", "respons(a) <= 5 ms }"});
        m.put("the best case (6 ms) exceeds the worst case (5 ms)", new String[] {"1: 5 ms,", "1: 6 .. 5 ms,"});
        m.put("exit 'full' has latencies for TPU counts {1, 2}, but exit 'early' for {1}", new String[] {"2: 3 ms } }",
            "2: 3 ms } }\n  dnn dyn { exit early { 1: 2 ms } exit full { 1: 9 ms, 2: 5 ms } }"});
        m.put("unexpected 'size'", new String[] {"task a", "task size"});
        m.put("import cycle: a.gang -> b.gang -> a.gang", new String[] {"  platform", "  import \"a.gang\"\n  platform"});
        m.put("an imported file may declare only DNNs, not a system",
                new String[] {"  platform", "  import \"sys.gang\"\n  platform"});
        m.put("a time limit is a positive whole number of milliseconds",
                new String[] {"deadlines }", "deadlines, limit time 1500 us }"});
        m.put("the number of TPUs must be from 1 to 64, got 65", new String[] {"tpus 4 }", "tpus 65 }"});
        m.put("system 'demo' declares no scheduler", new String[] {"  scheduler global fp\n", ""});
        m.put("the period of 30 Hz is not a whole number of ticks at resolution 1 us",
                new String[] {"periodic 20 ms", "periodic 30 Hz"});
        m.put("unexpected 'deadline'", new String[] {"deadlines }", "deadline(a) }"});
        m.put("unexpected 'offset'", new String[] {"periodic 20 ms", "periodic 20 ms, offset 5 ms"});
        return m;
    }

    @Test
    void everyCommonErrorHasTheMessageOfTheTable() throws IOException {
        Path errors = Files.createDirectories(dir.resolve("errors"));
        Files.writeString(errors.resolve("a.gang"), "import \"b.gang\"\ndnn x { latency { 1: 1 ms } }\n");
        Files.writeString(errors.resolve("b.gang"), "import \"a.gang\"\n");
        Files.writeString(errors.resolve("sys.gang"), "system other { platform { tpus 1 } }\n");
        for (Map.Entry<String, String[]> e : mistakes().entrySet()) {
            String text = BASE;
            String[] edits = e.getValue();
            for (int i = 0; i < edits.length; i += 2) {
                assertThat(text).contains(edits[i]);
                text = text.replace(edits[i], edits[i + 1]);
            }
            LoadResult r = SpecLoader.loadText("demo.gang", text, errors);
            String shown = text;
            assertThat(r).as(shown).isInstanceOf(LoadResult.Invalid.class);
            assertThat(r.diagnostics()).as(() -> shown + render(r.diagnostics()))
                    .anySatisfy(d -> assertThat(d.message()).isEqualTo(e.getKey()));
        }
    }

    @Test
    void theTableListsExactlyTheTestedMistakes() throws IOException {
        List<String> doc = new ArrayList<>();
        boolean inSection = false;
        for (String line : Files.readAllLines(DOC)) {
            if (line.startsWith("## ")) {
                inSection = line.equals("## Common errors");
            }
            Matcher m = ERROR_ROW.matcher(line);
            if (inSection && m.find()) {
                doc.add(m.group(1));
            }
        }
        assertThat(doc).containsExactlyElementsOf(mistakes().keySet());
    }

    private static String render(List<Diagnostic> ds) {
        StringBuilder s = new StringBuilder("\n");
        ds.forEach(d -> s.append(d.render()));
        return s.toString();
    }
}
