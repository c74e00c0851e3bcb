package io.gangproof.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.bench.ScaleSpecs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The explorer's state stores stay within its memory limit on a 100-task spec, where one state
 * has up to 2^100 successors (every task of unknown offset may arrive or wait): it answers
 * UNKNOWN naming the limit (exit 2), never runs the JVM out of memory (exit 71).
 */
@Timeout(120)
class ExplorerMemoryCliTest {
    @TempDir
    Path dir;

    @Test
    void aHundredTasksEndInUnknownNamingTheSpecsMemoryLimit() throws IOException {
        String text = ScaleSpecs.text(100, false, 1).replace("response(t0) <= bound\n",
                "response(t0) <= bound\n    limit memory 16 MiB\n");
        Path spec = Files.writeString(dir.resolve("scale.gang"), text);
        CliRun r = CliRun.of("check", "--engine", "explorer", "--time-limit", "60s", spec.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.UNKNOWN);
        assertThat(r.out()).contains("UNKNOWN", "the memory limit of 16 MiB was reached before the horizon");
        assertThat(r.err()).doesNotContain("\tat ", "internal error");
    }

    @Test
    void underASmallHeapTheDefaultLimitHoldsToo() throws Exception {
        Path spec = Files.writeString(dir.resolve("scale.gang"), ScaleSpecs.text(100, false, 1));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx128m", "-Dgangproof.cache=" + System.getProperty("gangproof.cache",
                "off"), "-cp", System.getProperty("java.class.path"), GangproofCli.class.getName(), "check",
                "--engine", "explorer", "--time-limit", "60s", spec.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(100, TimeUnit.SECONDS)).isTrue();
        // a quarter of the heap by default (docs/spec-language.md)
        assertThat(p.exitValue()).as(output).isEqualTo(ExitCodes.UNKNOWN);
        assertThat(output).contains("the memory limit of ").doesNotContain("out of memory", "\tat ");
    }

    /** A `limit memory` above what the heap can give is lowered to a quarter of the heap, and the answer says so. */
    @Test
    void aSpecLimitAboveTheHeapIsLoweredAndNamed() throws Exception {
        String text = ScaleSpecs.text(100, false, 1).replace("response(t0) <= bound\n",
                "response(t0) <= bound\n    limit memory 2 GiB\n");
        Path spec = Files.writeString(dir.resolve("scale.gang"), text);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx128m", "-Dgangproof.cache=" + System.getProperty("gangproof.cache",
                "off"), "-cp", System.getProperty("java.class.path"), GangproofCli.class.getName(), "check",
                "--engine", "explorer", "--time-limit", "60s", spec.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(100, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isEqualTo(ExitCodes.UNKNOWN);
        assertThat(output).contains("the memory limit of ", "a quarter of the JVM's heap of ",
                "less than the 2 GiB asked for; GANGPROOF_JAVA_OPTS=-Xmx9g gives it").doesNotContain("out of memory",
                "\tat ");
    }
}
