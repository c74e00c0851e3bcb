package io.gangproof.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.model.ExplorationProgress;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.parse.SpecLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Progress of long engine runs: drawn with the progressbar library on a terminal, nothing anywhere else. */
class EngineProgressBarTest {
    private static final SystemSpec SPEC = SpecLoader.load(GangproofCliTest.SPECS.resolve("coral-quad-strict.gang"))
            .orThrow();

    @TempDir
    Path tmp;

    private static void waitFor(List<String> lines, String text) throws InterruptedException {
        for (int i = 0; i < 500 && lines.stream().noneMatch(l -> l.contains(text)); i++) {
            Thread.sleep(10);
        }
    }

    @Test
    void aLongRunShowsTheEngineItsBudgetAndTheExplorersInstantInTheSpecsUnit() throws InterruptedException {
        List<String> lines = new CopyOnWriteArrayList<>();
        try (EngineProgressBar bar = new EngineProgressBar(new DelegatingProgressBarConsumer(lines::add, 200),
                Duration.ZERO, Duration.ofMillis(10))) {
            bar.asking(SPEC, "explorer", 2, OptionalLong.of(System.nanoTime() + Duration.ofSeconds(3).toNanos()));
            bar.accept(new ExplorationProgress(1234, 250, 5000, 0, 3L << 20));
            waitFor(lines, "instant 2.5 ms of 50 ms");
            bar.answered();
        }
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("coral_quad_strict: explorer (2 properties)")
                .containsPattern("[0-9]+/[0-9]+ ms").contains("instant 2.5 ms of 50 ms, 1234 states, 3 MiB"));
    }

    @Test
    void aShortRunDrawsNothing() throws InterruptedException {
        List<String> lines = new CopyOnWriteArrayList<>();
        try (EngineProgressBar bar = new EngineProgressBar(new DelegatingProgressBarConsumer(lines::add),
                Duration.ofHours(1), Duration.ofMillis(10))) {
            bar.asking(SPEC, "proof", 1, OptionalLong.empty());
            Thread.sleep(50);
            bar.answered();
        }
        assertThat(lines).isEmpty();
    }

    @Test
    void withoutATerminalCheckPrintsNothingExtra() {
        // The test JVM's standard error is a pipe to Surefire, not a terminal.
        assertThat(StandardError.isTerminal()).isFalse();
        CliRun r = CliRun.of("check", "--engine", "explorer", "--out", tmp.toString(),
                GangproofCliTest.SPECS.resolve("starvation-strict.gang").toString());
        assertThat(r.err()).isEmpty();
        CliRun json = CliRun.of("check", "--engine", "explorer", "--format", "json", "--out", tmp.toString(),
                GangproofCliTest.SPECS.resolve("starvation-strict.gang").toString());
        assertThat(json.err()).isEmpty();
        assertThat(json.out()).startsWith("{").doesNotContain("\r").doesNotContain("explorer (");
    }
}
