package io.gangproof.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JpfRunnerTest {

    @Test
    void jpfHomeMustPointAtABuild(@TempDir Path dir) throws Exception {
        assertThat(JpfRunner.jpfHome(Map.of())).isEmpty();
        assertThat(JpfRunner.jpfHome(Map.of("JPF_HOME", dir.toString()))).isEmpty();
        Files.createDirectories(dir.resolve("build"));
        Files.writeString(dir.resolve("build/jpf.jar"), "");
        assertThat(JpfRunner.jpfHome(Map.of("JPF_HOME", dir.toString()))).hasValue(dir);
        EmittedModel emitted = ModelEmitter.emit(BundledSpecs.load("deadlock-per-tpu"), dir.resolve("model"));
        assertThatThrownBy(() -> JpfRunner.run(emitted, dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("not a jpf-core build");
    }

    /** Runs only where a jpf-core build is installed; JPF is not part of gangproof's build. */
    @Test
    void jpfFindsTheDeadlockAndNotInTheAscendingOrder(@TempDir Path dir) throws Exception {
        var home = JpfRunner.jpfHome(System.getenv());
        Assumptions.assumeTrue(home.isPresent(),
                "JPF_HOME not set to a jpf-core build (build/jpf.jar): JPF runs are skipped");
        List<JpfRunner.JpfOutcome> listed = JpfRunner.run(
                ModelEmitter.emit(BundledSpecs.load("deadlock-per-tpu"), dir.resolve("listed")), home.get());
        assertThat(listed).extracting(JpfRunner.JpfOutcome::errorsFound).containsExactly(true);
        List<JpfRunner.JpfOutcome> ascending = JpfRunner.run(
                ModelEmitter.emit(BundledSpecs.load("deadlock-free-ascending"), dir.resolve("ascending")), home.get());
        assertThat(ascending).extracting(JpfRunner.JpfOutcome::errorsFound).containsOnly(false);
    }
}
