package io.gangproof.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands of the emitted README, run as written with the jpf-core build of {@link JpfBuild}. */
class JpfReadmeTest {
    private static String runReadme(EmittedModel model, JpfHome home) throws Exception {
        String readme = Files.readString(model.readme());
        int start = readme.indexOf("```sh\n") + "```sh\n".length();
        String commands = readme.substring(start, readme.indexOf("```", start));
        ProcessBuilder pb = new ProcessBuilder("bash", "-euc", commands).directory(model.dir().toFile())
                .redirectErrorStream(true);
        pb.environment().put("JPF_HOME", home.dir().toAbsolutePath().toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void theReadmesCommandsFindTheDeadlockAndNoneInTheAscendingOrder(@TempDir Path dir) throws Exception {
        JpfHome home = JpfBuild.require();
        String listed = runReadme(ModelEmitter.emit(BundledSpecs.load("deadlock-per-tpu"), dir.resolve("listed")),
                home);
        assertThat(listed).contains("java.lang.AssertionError: deadlock-free: at 3 ms the job of A arriving at 1 ms");
        String ascending = runReadme(ModelEmitter.emit(BundledSpecs.load("deadlock-free-ascending"),
                dir.resolve("ascending")), home);
        assertThat(ascending).contains("no errors detected");
    }
}
