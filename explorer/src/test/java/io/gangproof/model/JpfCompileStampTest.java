package io.gangproof.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.spec.SystemSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model compiled once is not compiled again from the same sources; any change compiles it afresh. */
class JpfCompileStampTest {
    @Test
    void theSameSourcesAreCompiledOnceAndAChangedSourceAgain(@TempDir Path dir) throws Exception {
        SystemSpec spec = BundledSpecs.load("deadlock-per-tpu");
        long horizon = Horizons.resolve(spec, ExplorerOptions.DEFAULTS.horizon());
        ModelPlan plan = ModelPlan.of(spec, spec.properties(), horizon, Map.of());
        EmittedModel emitted = ModelEmitter.write(spec, dir, plan, ModelGenerator.generate(plan), horizon);
        JpfHome home = JpfBuild.require();
        assertThat(JpfRunner.compile(emitted, home)).as("first compilation").isTrue();
        // written again, byte for byte the same (as every check of the spec writes it)
        emitted = ModelEmitter.write(spec, dir, plan, ModelGenerator.generate(plan), horizon);
        assertThat(JpfRunner.compile(emitted, home)).as("same sources").isFalse();
        JpfRunner.JpfOutcome run = JpfRunner.run(emitted, home, Explorer.limits(spec, ExplorerOptions.DEFAULTS),
                Long.MAX_VALUE, horizon, -1L);
        assertThat(run.violations()).containsOnlyKeys(0);

        Path peer = dir.resolve(ModelEmitter.PEER_SOURCE);
        Files.writeString(peer, Files.readString(peer) + "\n// changed\n");
        assertThat(JpfRunner.compile(emitted, home)).as("a changed source").isTrue();
        Files.delete(dir.resolve("classes.stamp"));
        assertThat(JpfRunner.compile(emitted, home)).as("no stamp").isTrue();
    }

    @Test
    void theStampCoversEveryByteOfTheSources(@TempDir Path dir) throws Exception {
        Path src = Files.createDirectories(dir.resolve("src/a"));
        Path jar = Files.writeString(dir.resolve("x.jar"), "jar");
        Files.writeString(src.resolve("A.java"), "class A {}");
        String before = CompileStamp.of(java.util.List.of(dir.resolve("src")), java.util.List.of(jar));
        assertThat(CompileStamp.of(java.util.List.of(dir.resolve("src")), java.util.List.of(jar))).isEqualTo(before);
        Files.writeString(src.resolve("A.java"), "class A { }");
        assertThat(CompileStamp.of(java.util.List.of(dir.resolve("src")), java.util.List.of(jar))).isNotEqualTo(before);
        Files.writeString(src.resolve("A.java"), "class A {}");
        Files.writeString(src.resolve("B.java"), "");
        assertThat(CompileStamp.of(java.util.List.of(dir.resolve("src")), java.util.List.of(jar))).isNotEqualTo(before);
    }
}
