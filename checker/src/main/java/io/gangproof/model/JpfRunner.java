package io.gangproof.model;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Runs Java PathFinder on an {@link EmittedModel} through JPF's API, loaded reflectively from
 * a jpf-core build ({@code $JPF_HOME/build/jpf.jar}); gangproof does not ship JPF. The verdict
 * comes from {@code JPF.foundErrors()}, never from an exit status (JPF's command line always
 * exits 0). JPF prints its own report, with the trace of a violation, to standard output.
 */
public final class JpfRunner {
    private JpfRunner() {
    }

    /** One property's JPF run. */
    public record JpfOutcome(String property, Path config, boolean errorsFound) {
    }

    /** {@code JPF_HOME} when it points at a jpf-core build. */
    public static Optional<Path> jpfHome(Map<String, String> environment) {
        String home = environment.get("JPF_HOME");
        if (home == null || home.isBlank()) {
            return Optional.empty();
        }
        Path p = Path.of(home);
        return Files.isRegularFile(p.resolve("build/jpf.jar")) ? Optional.of(p) : Optional.empty();
    }

    /** Compiles the emitted sources against JPF's model classes, then runs JPF on every configuration. */
    public static List<JpfOutcome> run(EmittedModel model, Path jpfHome) throws IOException {
        Path jpfJar = jpfHome.resolve("build/jpf.jar");
        Path classesJar = jpfHome.resolve("build/jpf-classes.jar");
        if (!Files.isRegularFile(jpfJar) || !Files.isRegularFile(classesJar)) {
            throw new IOException("not a jpf-core build (no build/jpf.jar and build/jpf-classes.jar): " + jpfHome);
        }
        compile(model, classesJar);
        List<JpfOutcome> out = new ArrayList<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jpfJar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> jpfClass = loader.loadClass("gov.nasa.jpf.JPF");
            Class<?> configClass = loader.loadClass("gov.nasa.jpf.Config");
            Method createConfig = jpfClass.getMethod("createConfig", String[].class);
            Constructor<?> construct = jpfClass.getConstructor(configClass);
            Method run = jpfClass.getMethod("run");
            Method foundErrors = jpfClass.getMethod("foundErrors");
            for (int p = 0; p < model.jpfConfigs().size(); p++) {
                Path config = model.jpfConfigs().get(p);
                Object cfg = createConfig.invoke(null, (Object) new String[] {config.toString()});
                Object jpf = construct.newInstance(cfg);
                run.invoke(jpf);
                out.add(new JpfOutcome(model.properties().get(p), config, (Boolean) foundErrors.invoke(jpf)));
            }
        } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException | InstantiationException e) {
            throw new IOException("this jpf-core build does not offer the JPF API gangproof uses: " + e, e);
        } catch (InvocationTargetException e) {
            throw new IOException("JPF failed: " + e.getCause(), e.getCause());
        }
        return out;
    }

    private static void compile(EmittedModel model, Path classesJar) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IOException("no Java compiler: running JPF on a model needs a JDK");
        }
        Path classes = model.dir().resolve("classes");
        Files.createDirectories(classes);
        List<String> args = new ArrayList<>(List.of("--release", "17", "-d", classes.toString(), "-classpath",
                classesJar.toString()));
        try (Stream<Path> files = Files.walk(model.dir().resolve("src"))) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
        }
        if (javac.run(null, null, null, args.toArray(new String[0])) != 0) {
            throw new IOException("internal error: the emitted model does not compile against " + classesJar);
        }
    }
}
