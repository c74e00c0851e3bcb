package io.gangproof.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Item 1 of issue #15: an out-of-memory error is a message and exit 71, never exit 1 or a stack trace. */
class LastResortTest {
    @TempDir
    Path tmp;

    @Test
    void aSimulationThatExhaustsTheHeapExits71WithAMessage() throws Exception {
        // 3,000,000 jobs: below the simulation's run limit (RunLimits), far above a 64 MiB heap.
        Path spec = Files.writeString(tmp.resolve("huge.gang"), """
                system huge {
                  resolution 1 ms
                  platform { tpus 1 }
                  dnn d { latency { 1: 1 ms } }
                  task t { runs d  periodic 1 ms  priority 1  tpus 1 }
                  scheduler global fp with gang-strict
                  verify { deadlines  horizon 3000000 ms }
                }
                """);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                GangproofCli.class.getName(), "simulate", spec.toString(), "--runs", "1", "--trace",
                tmp.resolve("t.json").toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isEqualTo(ExitCodes.OUT_OF_MEMORY);
        assertThat(output).contains("gangproof: out of memory", "-Xmx").doesNotContain("\tat ", "Exception in");
    }

    @Test
    void errorsAreReportedWithoutAStackTraceUnlessDebugging() throws IOException {
        java.io.StringWriter err = new java.io.StringWriter();
        int code = LastResort.report(new StackOverflowError(), new java.io.PrintWriter(err), false);
        assertThat(code).isEqualTo(ExitCodes.INTERNAL);
        assertThat(err.toString()).contains("internal error", "--debug").doesNotContain("\tat ");
        java.io.StringWriter oom = new java.io.StringWriter();
        assertThat(LastResort.report(new RuntimeException(new OutOfMemoryError()), new java.io.PrintWriter(oom), true))
                .isEqualTo(ExitCodes.OUT_OF_MEMORY);
        assertThat(oom.toString()).contains("\tat ");
    }
}
