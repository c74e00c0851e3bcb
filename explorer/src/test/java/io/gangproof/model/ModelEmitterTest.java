package io.gangproof.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gangproof.model.runtime.Choices;
import io.gangproof.model.runtime.StepObserver;
import io.gangproof.model.runtime.TransitionModel;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emitted directory is self-contained: it compiles with nothing but a stand-in for JPF's
 * {@code Verify} (always the first answer), and its entry point throws the property's
 * AssertionError on a spec with a single, violating behaviour.
 */
class ModelEmitterTest {
    private static final String VERIFY_STAND_IN = "package gov.nasa.jpf.vm;\n"
            + "/** Test stand-in for JPF's Verify: always the first answer. */\n"
            + "public final class Verify {\n"
            + "  public static int getInt(int min, int max) { return min; }\n"
            + "  public static void terminateSearch() { }\n"
            + "  public static String getProperty(String k) { return null; }\n"
            + "}\n";
    /**
     * In place of the emitted StateMatcher, whose methods are native: the same instants and matching,
     * in plain Java, every choice answered by the Verify stand-in.
     */
    private static final String STATE_MATCHER_STAND_IN = "package io.gangproof.model.generated;\n"
            + "import io.gangproof.model.runtime.StepObserver;\n"
            + "import io.gangproof.model.runtime.TransitionModel;\n"
            + "public final class StateMatcher {\n"
            + "  static final java.util.Set<String> SEEN = new java.util.HashSet<>();\n"
            + "  public static long start(long properties) { return properties; }\n"
            + "  public static long instants() { return Long.MAX_VALUE; }\n"
            + "  public static long steps(Object model, long end) {\n"
            + "    TransitionModel m = (TransitionModel) model;\n"
            + "    while (m.time() < end) {\n"
            + "      m.advance(n -> n <= 1 ? 0 : gov.nasa.jpf.vm.Verify.getInt(0, n - 1), StepObserver.NONE);\n"
            + "      long v = m.settle();\n"
            + "      if (v != 0L) { return v; }\n"
            + "      if (visit(model) != 1) { return -2L; }\n"
            + "    }\n"
            + "    return -2L;\n"
            + "  }\n"
            + "  public static int visit(Object model) {\n"
            + "    TransitionModel m = (TransitionModel) model;\n"
            + "    int[] b = new int[m.maxEncodedLength()];\n"
            + "    int n = m.encode(b);\n"
            + "    if (!SEEN.add(java.util.Arrays.toString(java.util.Arrays.copyOf(b, n)))) { return 0; }\n"
            + "    m.decode(b, 0, n);\n"
            + "    return 1;\n"
            + "  }\n"
            + "  public static boolean violated(long properties) { return true; }\n"
            + "}\n";

    private static ClassLoader compileAlone(Path dir) throws Exception {
        Path stub = dir.resolve("stub/gov/nasa/jpf/vm/Verify.java");
        Files.createDirectories(stub.getParent());
        Files.writeString(stub, VERIFY_STAND_IN, StandardCharsets.UTF_8);
        Path matcher = dir.resolve("src/io/gangproof/model/generated/StateMatcher.java");
        assertThat(Files.readString(matcher)).contains("public static native int visit(Object model)");
        Files.writeString(matcher, STATE_MATCHER_STAND_IN, StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of("--release", "17", "-d", dir.resolve("classes").toString(),
                "-classpath", ""));
        // the model and its entry point, not the native peer (compiled against jpf.jar where JPF runs)
        try (Stream<Path> files = Stream.concat(Files.walk(dir.resolve("src")), Files.walk(dir.resolve("stub")))) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, args.toArray(new String[0]))).as("javac exit status").isZero();
        // parent: the platform loader, so nothing of gangproof's own class path is visible
        return new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL()},
                ClassLoader.getPlatformClassLoader());
    }

    @Test
    void writesSourcesConfigsAndReadme(@TempDir Path dir) throws Exception {
        EmittedModel emitted = ModelEmitter.emit(BundledSpecs.load("starvation-greedy"), dir);
        assertThat(emitted.properties()).containsExactly("deadlines(H)", "inversion(H) <= 2 ms");
        assertThat(emitted.jpfConfigs()).hasSize(2);
        String config = Files.readString(emitted.jpfConfigs().get(1));
        assertThat(config).contains("target = " + emitted.mainClass() + "\n")
                .contains("target.args = 1\n")
                .contains("search.class = gov.nasa.jpf.search.DFSearch\n").contains("vm.storage.class =\n")
                .doesNotContain("BFS").doesNotContain("is a shortest one")
                .contains("report.console.property_violation = error,trace\n")
                .contains("native_classpath+=;${config_path}/peers;${config_path}/classes\n");
        assertThat(dir.resolve(ModelEmitter.PEER_SOURCE)).exists();
        assertThat(Files.readString(emitted.readme())).contains("JPF always exits with status 0");
        assertThat(emitted.sources()).extracting(p -> p.getFileName().toString())
                .contains("Choices.java", "StepObserver.java", "TransitionModel.java", "StarvationGreedyModel.java",
                        "StarvationGreedyJpfMain.java");
        String model = Files.readString(emitted.sources().stream()
                .filter(p -> p.getFileName().toString().equals("StarvationGreedyModel.java")).findFirst().orElseThrow());
        // the JPF-friendly subset: no lambdas, streams or records in the model
        assertThat(model).doesNotContain("->").doesNotContain("stream(").doesNotContain("record ");
    }

    @Test
    void emittedDeadlockModelFailsItsAssertionUnderTheStandIn(@TempDir Path dir) throws Exception {
        EmittedModel emitted = ModelEmitter.emit(BundledSpecs.load("deadlock-per-tpu"), dir);
        ClassLoader loader = compileAlone(dir);
        Method main = loader.loadClass(emitted.mainClass()).getMethod("main", String[].class);
        assertThatThrownBy(() -> {
            try {
                main.invoke(null, (Object) new String[] {"0"});
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }).isInstanceOf(AssertionError.class).hasMessageStartingWith("deadlock-free: at 3 ms the job of A arriving at 1 ms");
    }

    @Test
    void emittedDeadlockFreeModelRunsToTheHorizon(@TempDir Path dir) throws Exception {
        EmittedModel emitted = ModelEmitter.emit(BundledSpecs.load("deadlock-free-ascending"), dir);
        ClassLoader loader = compileAlone(dir);
        Method main = loader.loadClass(emitted.mainClass()).getMethod("main", String[].class);
        main.invoke(null, (Object) new String[0]);
    }

    @Test
    void emittedRuntimeInterfacesDeclareWhatTheExplorerUses(@TempDir Path dir) throws Exception {
        ModelEmitter.emit(BundledSpecs.load("starvation-strict"), dir);
        ClassLoader loader = compileAlone(dir);
        for (Class<?> real : List.of(Choices.class, StepObserver.class, TransitionModel.class)) {
            Class<?> copy = loader.loadClass(real.getName());
            assertThat(signatures(copy)).as(real.getSimpleName()).isEqualTo(signatures(real));
        }
    }

    private static List<String> signatures(Class<?> c) {
        return Arrays.stream(c.getDeclaredMethods()).map(m -> m.getReturnType().getName() + " " + m.getName()
                + Arrays.toString(Arrays.stream(m.getParameterTypes()).map(Class::getName).toArray())).sorted()
                .toList();
    }
}
