package io.gangproof.model;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Runs Java PathFinder on an {@link EmittedModel} through JPF's API, loaded reflectively from
 * a jpf-core build; gangproof does not ship JPF. JPF gets its configuration explicitly: a
 * {@code site.properties} naming the build ({@code +site=}), so that it never depends on files
 * in the working directory or the home folder. The verdict comes from {@code JPF.foundErrors()},
 * never from an exit status (JPF's command line always exits 0); JPF's console report goes to
 * a file beside the model, never to standard output.
 */
public final class JpfRunner {
    private JpfRunner() {
    }

    /**
     * One property's JPF run. {@code violation}: the answers of every {@code Verify.getInt}
     * along JPF's error path, in order, which is the model's sequence of choices. {@code states}:
     * distinct states of the model (matched on its encoding). {@code limitHit}: why the search
     * stopped before it was complete, when it did.
     */
    public record JpfOutcome(String property, Path config, Optional<List<Integer>> violation, long states,
            Optional<String> limitHit, Path report) {
        public boolean errorsFound() {
            return violation.isPresent();
        }
    }

    /**
     * Compiles the emitted sources against JPF's model classes, then runs JPF on every
     * configuration within {@code limits} (states and time; running out of memory is JPF's own
     * search constraint).
     * One run at a time: JPF's native peers keep their state in static fields.
     */
    static synchronized List<JpfOutcome> run(EmittedModel model, JpfHome home, Search.Limits limits)
            throws IOException {
        compile(model, home.classesJar());
        Path site = model.dir().resolve("site.properties");
        // JPF's own syntax: ${jpf-core} is expanded by its Config
        Files.writeString(site, "# written by gangproof: the jpf-core build to use\njpf-core = "
                + home.dir().toAbsolutePath().toString().replace("\\", "/") + "\nextensions = ${jpf-core}\n",
                StandardCharsets.UTF_8);
        List<JpfOutcome> out = new ArrayList<>();
        try {
            ClassLoader loader = loader(home);
            Class<?> jpfClass = loader.loadClass("gov.nasa.jpf.JPF");
            Class<?> configClass = loader.loadClass("gov.nasa.jpf.Config");
            Class<?> intChoice = loader.loadClass("gov.nasa.jpf.vm.IntChoiceGenerator");
            Method createConfig = jpfClass.getMethod("createConfig", String[].class);
            for (int p = 0; p < model.jpfConfigs().size(); p++) {
                Path config = model.jpfConfigs().get(p);
                Path report = model.dir().resolve(config.getFileName().toString().replace(".jpf", "-report.txt"));
                // JPF's report and its log go to files: standard output is gangproof's (JSON, for one)
                List<String> args = new ArrayList<>(List.of("+site=" + site.toAbsolutePath(),
                        "+report.console.file=" + report.toAbsolutePath(),
                        "+log.output=" + model.dir().resolve("jpf-log.txt").toAbsolutePath()));
                if (limits.maxStates() < Long.MAX_VALUE) {
                    args.add("+" + ModelGenerator.JPF_MAX_STATES + "=" + limits.maxStates());
                }
                if (limits.timeLimitMillis() < Long.MAX_VALUE) {
                    args.add("+" + ModelGenerator.JPF_TIME_LIMIT + "=" + limits.timeLimitMillis());
                }
                args.add(config.toAbsolutePath().toString());
                Object cfg = createConfig.invoke(null, (Object) args.toArray(new String[0]));
                Object jpf = jpfClass.getConstructor(configClass).newInstance(cfg);
                jpfClass.getMethod("run").invoke(jpf);
                Object search = jpfClass.getMethod("getSearch").invoke(jpf);
                int[] counters = counters(loader);
                Object constraint = search.getClass().getMethod("getLastSearchConstraint").invoke(search);
                Optional<List<Integer>> violation = Optional.empty();
                Optional<String> limitHit = Optional.empty();
                if (constraint != null) {
                    // out of memory, for one, is a search constraint and an "error" that is no violation
                    limitHit = Optional.of("JPF stopped: " + constraint);
                } else if ((Boolean) jpfClass.getMethod("foundErrors").invoke(jpf)) {
                    violation = Optional.of(choices(search, intChoice));
                } else if (counters.length > 1 && counters[1] != 0) {
                    limitHit = Optional.of(counters[0] >= limits.maxStates()
                            ? "the state limit of " + limits.maxStates() + " states was reached"
                            : "the time limit of " + limits.timeLimitMillis() + " ms was reached");
                }
                out.add(new JpfOutcome(model.properties().get(p), config, violation,
                        counters.length > 0 ? counters[0] : 0, limitHit, report));
            }
        } catch (InvocationTargetException e) {
            throw new IOException("JPF failed (" + home.dir() + "): " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IOException("the jpf-core build in " + home.dir() + " does not offer the JPF API gangproof "
                    + "uses: " + e, e);
        }
        return out;
    }

    /**
     * One class loader per build for the whole JVM: JPF resets its static state at the start
     * of each run (it is made to run many times in one JVM, as its own tests do), and a loader
     * kept warm saves the JIT compiling JPF afresh for every property.
     */
    private static final java.util.Map<Path, ClassLoader> LOADERS = new java.util.HashMap<>();

    private static synchronized ClassLoader loader(JpfHome home) throws IOException {
        Path key = home.dir().toAbsolutePath().normalize();
        ClassLoader l = LOADERS.get(key);
        if (l == null) {
            l = new URLClassLoader(new URL[] {home.jpfJar().toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            LOADERS.put(key, l);
        }
        return l;
    }

    /** The answers of the integer choices along the error path, root first. */
    private static List<Integer> choices(Object search, Class<?> intChoice) throws ReflectiveOperationException {
        Object error = search.getClass().getMethod("getLastError").invoke(search);
        Object path = error.getClass().getMethod("getPath").invoke(error);
        List<Integer> out = new ArrayList<>();
        for (Object transition : (Iterable<?>) path) {
            Object cg = transition.getClass().getMethod("getChoiceGenerator").invoke(transition);
            if (intChoice.isInstance(cg)) {
                out.add((Integer) intChoice.getMethod("getNextChoice").invoke(cg));
            }
        }
        return out;
    }

    /**
     * The model's counters, which JPF keeps outside the backtracked state ({@code Verify}'s
     * native peer): 0 counts distinct states, 1 is set when a limit stopped the search.
     */
    private static int[] counters(ClassLoader loader) throws ReflectiveOperationException {
        Field f = loader.loadClass("gov.nasa.jpf.vm.JPF_gov_nasa_jpf_vm_Verify").getDeclaredField("counter");
        f.setAccessible(true);
        int[] c = (int[]) f.get(null);
        return c == null ? new int[0] : c.clone();
    }

    private static void compile(EmittedModel model, Path classesJar) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IOException("no Java compiler: running JPF on a model needs a JDK");
        }
        Path classes = model.dir().resolve("classes");
        Files.createDirectories(classes);
        List<String> args = new ArrayList<>(List.of("--release", "17", "-nowarn", "-d", classes.toString(),
                "-classpath", classesJar.toString()));
        try (Stream<Path> files = Files.walk(model.dir().resolve("src"))) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
        }
        // javac's messages would land on standard output, which must stay the report (or JSON)
        java.io.ByteArrayOutputStream diagnostics = new java.io.ByteArrayOutputStream();
        if (javac.run(null, diagnostics, diagnostics, args.toArray(new String[0])) != 0) {
            throw new IOException("internal error: the emitted model does not compile against " + classesJar + ":\n"
                    + diagnostics.toString(StandardCharsets.UTF_8));
        }
    }
}
