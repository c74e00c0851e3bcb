package io.gangproof.spec.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.spec.Binding;
import io.gangproof.spec.Pipeline;
import io.gangproof.spec.Platform;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import io.gangproof.spec.parse.SourceFile;
import io.gangproof.spec.parse.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SpecEditor}: only the chosen attributes change; comments, order and units stay. */
class SpecEditorTest {
    private static final String GLOBAL = """
            // A camera pipeline; levels left open.
            system cam {
              resolution 10 us
              platform { tpus 4 }   // four Edge TPUs
              dnn net { latency { 1: 4.5 ms, 2: 2.4 .. 2.7 ms } }
              /* the fast task */
              task fast {
                runs net
                periodic 33.33 ms   // 30 Hz, approximately
                priority 2
                tpus 1 .. 2         // let --assign choose
              }
              task slow { runs net, sporadic 0.1 s, priority 1, tpus { 1, 2 } }
              scheduler global fp with gang-strict
              verify { deadlines }
            }
            """;

    @TempDir
    Path dir;

    private static SourceFile source(String text, Path dir) {
        return new SourceFile("cam.gang", Optional.empty(), dir, text);
    }

    private static SystemSpec withTasks(SystemSpec s, UnaryOperator<Task> change) {
        return new SystemSpec(s.name(), s.resolution(), s.platform(), s.dnns(),
                s.tasks().stream().map(change).toList(), s.scheduler(), s.properties(), s.exploration());
    }

    private static Task with(Task t, int priority, int level, Binding binding) {
        return new Task(t.name(), t.dnn(), t.arrival(), t.deadline(), t.jitter(), priority,
                new TreeSet<>(List.of(level)), binding);
    }

    @Test
    void changesOnlyTheChosenAttributes() {
        SystemSpec original = SpecLoader.loadText("cam.gang", GLOBAL, dir).orThrow();
        SystemSpec target = withTasks(original, t -> with(t, 3 - t.priority(), 2, t.binding()));

        SpecEditor.Result r = SpecEditor.edit(source(GLOBAL, dir), original, target, dir);

        assertThat(r).isInstanceOf(SpecEditor.Result.Edited.class);
        String edited = ((SpecEditor.Result.Edited) r).text();
        String expected = GLOBAL.replace("priority 2\n", "priority 1\n")
                .replace("tpus 1 .. 2         // let", "tpus 2         // let")
                .replace("sporadic 0.1 s, priority 1, tpus { 1, 2 }", "sporadic 0.1 s, priority 2, tpus 2");
        assertThat(edited).isEqualTo(expected);
        assertThat(SpecLoader.loadText("cam.gang", edited, dir).orThrow()).isEqualTo(target);
    }

    private static final String PINNED = """
            system pin {
              platform { tpus 3 }
              dnn net { latency { 1: 4 ms, 2: 3 ms } }
              task a { runs net, periodic 20 ms, priority 1, pinned [2] }
              task b {
                runs net
                periodic 20 ms
                priority 2
                tpus 1 .. 2
                pinned any     // synthesis chooses
              }
              task c { runs net, periodic 30 ms, priority 3, pinned any }
              scheduler pinned fp with gang-strict
              verify { deadlines }
            }
            """;

    @Test
    void pinnedAnyBecomesTheChosenListInPlace() {
        SystemSpec original = SpecLoader.loadText("pin.gang", PINNED, dir).orThrow();
        SystemSpec target = withTasks(original, t -> switch (t.name()) {
            case "b" -> with(t, 3, 2, new Binding.Pinned(List.of(0, 1)));
            case "c" -> with(t, 2, 1, new Binding.Pinned(List.of(2)));
            default -> t;
        });

        SpecEditor.Result r = SpecEditor.edit(source(PINNED, dir), original, target, dir);

        assertThat(r).isInstanceOf(SpecEditor.Result.Edited.class);
        String edited = ((SpecEditor.Result.Edited) r).text();
        String expected = PINNED.replace("priority 2\n", "priority 3\n").replace("tpus 1 .. 2", "tpus 2")
                .replace("pinned any     //", "pinned [0, 1]     //")
                .replace("priority 3, pinned any }", "priority 2, pinned [2], tpus 1 }");
        assertThat(edited).isEqualTo(expected);
        assertThat(SpecLoader.loadText("pin.gang", edited, dir).orThrow()).isEqualTo(target);
    }

    private static final String PARTITIONED = """
            system part {
              platform {
                tpus 4
              }
              dnn net { latency { 1: 5 ms, 2: 3 ms } }
              task a {
                runs net
                periodic 20 ms // keep me
                priority 1
                pipeline any
              }
              task b { runs net, periodic 40 ms, priority 2, pipeline any }
              scheduler partitioned fp with gang-strict
              verify { deadlines }
            }
            """;

    @Test
    void addsPipelinesToThePlatformAndNamesThemInTheTasks() {
        SystemSpec original = SpecLoader.loadText("part.gang", PARTITIONED, dir).orThrow();
        Platform p = new Platform(4, original.platform().cacheBytes(),
                List.of(new Pipeline("p0", List.of(0, 1)), new Pipeline("p1", List.of(2))));
        SystemSpec moved = withTasks(original, t -> t.name().equals("a")
                ? with(t, 1, 2, new Binding.OnPipeline("p0")) : with(t, 2, 1, new Binding.OnPipeline("p1")));
        SystemSpec target = new SystemSpec(moved.name(), moved.resolution(), p, moved.dnns(), moved.tasks(),
                moved.scheduler(), moved.properties(), moved.exploration());

        String edited = ((SpecEditor.Result.Edited) SpecEditor.edit(source(PARTITIONED, dir), original, target, dir))
                .text();

        assertThat(edited).contains("    tpus 4\n    pipeline p0 = [0, 1]\n    pipeline p1 = [2]\n  }",
                "    pipeline p0\n    tpus 2\n  }", "periodic 20 ms // keep me",
                "task b { runs net, periodic 40 ms, priority 2, pipeline p1, tpus 1 }");
        assertThat(SpecLoader.loadText("part.gang", edited, dir).orThrow()).isEqualTo(target);
    }

    @Test
    void anAddedLineKeepsTheFilesLineEndings() {
        String crlf = PARTITIONED.replace("\n", "\r\n");
        SystemSpec original = SpecLoader.loadText("part.gang", crlf, dir).orThrow();
        SystemSpec target = withTasks(original, t -> with(t, t.priority(), 1, t.binding()));

        String edited = ((SpecEditor.Result.Edited) SpecEditor.edit(source(crlf, dir), original, target, dir)).text();

        assertThat(edited).contains("    pipeline any\r\n    tpus 1\r\n  }").doesNotContain("1\n  }");
    }

    @Test
    void importsFollowTheFileToAnotherFolder() throws IOException {
        Files.createDirectories(dir.resolve("specs/dnn"));
        Files.writeString(dir.resolve("specs/dnn/lib.gang"), "dnn net { latency { 1: 4 ms, 2: 3 ms } }\n");
        String text = """
                system imp {
                  import "dnn/lib.gang"   // the library
                  platform { tpus 2 }
                  task t { runs net, periodic 10 ms, priority 1, tpus 1 .. 2 }
                  scheduler global fp with gang-strict
                }
                """;
        Path specs = dir.resolve("specs");
        SystemSpec original = SpecLoader.loadText("imp.gang", text, specs).orThrow();
        SystemSpec target = withTasks(original, t -> with(t, 1, 1, t.binding()));
        Path out = Files.createDirectories(dir.resolve("out/deeper"));

        String edited = ((SpecEditor.Result.Edited) SpecEditor.edit(source(text, specs), original, target, out))
                .text();

        assertThat(edited).contains("import \"../../specs/dnn/lib.gang\"   // the library", "tpus 1 }");
        assertThat(SpecLoader.loadText("imp.gang", edited, out).orThrow()).isEqualTo(target);
    }

    @Test
    void aTargetThatIsNotAChoiceIsRefused() {
        SystemSpec original = SpecLoader.loadText("cam.gang", GLOBAL, dir).orThrow();
        List<Task> tasks = new ArrayList<>(original.tasks());
        tasks.remove(0);
        SystemSpec target = new SystemSpec(original.name(), original.resolution(), original.platform(),
                original.dnns(), tasks, original.scheduler(), original.properties(), original.exploration());

        assertThat(SpecEditor.edit(source(GLOBAL, dir), original, target, dir))
                .isInstanceOf(SpecEditor.Result.NotEditable.class);
    }
}
