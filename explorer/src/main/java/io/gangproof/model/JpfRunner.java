package io.gangproof.model;

import io.gangproof.spec.parse.Units;
import java.io.IOException;
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
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Runs Java PathFinder on an {@link EmittedModel} through JPF's API, loaded reflectively from
 * a jpf-core build; gangproof does not ship JPF. JPF gets its configuration explicitly: a
 * {@code site.properties} naming the build ({@code +site=}), so that it never depends on files
 * in the working directory or the home folder. The verdicts come from what the model's native
 * peer recorded during the run (read from its static fields after it), never from an exit
 * status (JPF's command line always exits 0); an error JPF reports itself (an exception in
 * the model) is an internal error. JPF's console report goes to a file beside the model,
 * never to standard output.
 */
public final class JpfRunner {
    private JpfRunner() {
    }

    /**
     * The JPF run of every property. {@code violations}: for each property violated (by its
     * index in the model), the answers of every choice generator along the first path
     * that violated it, in order, which is the model's sequence of choices. {@code states}:
     * distinct states of the model (matched on its encoding). {@code limitHit}: why the search
     * stopped before it was complete, when it did. {@code onHost}: steps (instants along JPF's
     * paths) the native peer ran on the host JVM, all of them; {@code choicePoints}: the choice
     * generators it gave JPF, one per choice of more than one alternative. {@code repetition}:
     * where the reachable states repeat (semantics §13 item 7), decided from the visited states
     * after a complete run to the horizon asked for it, else empty.
     */
    public record JpfOutcome(Path config, Map<Integer, List<Integer>> violations, long states,
            Optional<String> limitHit, Path report, long onHost, long choicePoints,
            Optional<ExplorerResult.Repetition> repetition) {
        public JpfOutcome {
            violations = Map.copyOf(violations);
        }
    }

    /**
     * Compiles the emitted sources against JPF's model classes and the native peer against
     * JPF itself, and writes the {@code site.properties} naming the build: once per model,
     * for every {@link #run} of it. Skipped where the folder holds the classes of the same
     * sources compiled against the same build ({@link CompileStamp}); true when it compiled.
     */
    static boolean compile(EmittedModel model, JpfHome home) throws IOException {
        Path classes = model.dir().resolve("classes");
        Path peers = model.dir().resolve("peers");
        Path src = model.dir().resolve("src");
        Path peerSrc = model.dir().resolve("peer-src");
        Path stampFile = model.dir().resolve("classes.stamp");
        String stamp = CompileStamp.of(List.of(src, peerSrc), List.of(home.classesJar(), home.jpfJar()));
        boolean compiled = !(CompileStamp.matches(stampFile, stamp) && Files.isDirectory(classes)
                && Files.isDirectory(peers));
        if (compiled) {
            // no stamp while the classes are half written: a compilation that fails is done again
            Files.deleteIfExists(stampFile);
            compile(src, classes, home.classesJar().toString());
            compile(peerSrc, peers, home.jpfJar() + java.io.File.pathSeparator + classes);
            Files.writeString(stampFile, stamp + "\n", StandardCharsets.UTF_8);
        }
        // JPF's own syntax: ${jpf-core} is expanded by its Config
        Files.writeString(site(model), "# written by gangproof: the jpf-core build to use\njpf-core = "
                + home.dir().toAbsolutePath().toString().replace("\\", "/") + "\nextensions = ${jpf-core}\n",
                StandardCharsets.UTF_8);
        return compiled;
    }

    private static Path site(EmittedModel model) {
        return model.dir().resolve("site.properties");
    }

    /**
     * Runs JPF once on the {@link #compile compiled} model for the properties in the bit set
     * {@code properties}, every path up to instant {@code instants} (the horizon when it is
     * larger), within {@code limits}' states and memory (running out of JPF's own memory is its
     * search constraint) and until {@code deadlineMillis} (of {@link System#currentTimeMillis},
     * {@code Long.MAX_VALUE} for none; a reached deadline is worded as {@code limits}' time
     * limit): each property's first violation is recorded with its path while the search goes
     * on, as in the explorer's one search. One run at a time: JPF's native peers keep their
     * state in static fields. No repetition check (a probe of the iterative deepening).
     */
    static JpfOutcome run(EmittedModel model, JpfHome home, Search.Limits limits, long deadlineMillis,
            long instants, long properties) throws IOException {
        return run(model, home, limits, deadlineMillis, instants, properties, Optional.empty());
    }

    /**
     * As {@link #run(EmittedModel, JpfHome, Search.Limits, long, long, long) run}, and when
     * {@code periodicity} is given and the run was complete (no limit of the peer, no search
     * constraint of JPF, not every property violated) to the horizon, the peer's visited states
     * decide item 7 of semantics §13 as the explorer's search does, with the same periodicity.
     */
    static synchronized JpfOutcome run(EmittedModel model, JpfHome home, Search.Limits limits, long deadlineMillis,
            long instants, long properties, Optional<Search.Periodicity> periodicity) throws IOException {
        Path site = site(model);
        Path config = model.jpfConfigs().get(0);
        Path report = model.dir().resolve("jpf-report.txt");
        try {
            ClassLoader loader = loader(home);
            Class<?> jpfClass = loader.loadClass("gov.nasa.jpf.JPF");
            Class<?> configClass = loader.loadClass("gov.nasa.jpf.Config");
            Method createConfig = jpfClass.getMethod("createConfig", String[].class);
            // JPF's report and its log go to files: standard output is gangproof's (JSON, for one);
            // the first property's configuration, for every property (no arguments) and recording
            List<String> args = new ArrayList<>(List.of("+site=" + site.toAbsolutePath(),
                    "+report.console.file=" + report.toAbsolutePath(),
                    "+log.output=" + model.dir().resolve("jpf-log.txt").toAbsolutePath(),
                    "+target.args=", "+" + ModelGenerator.JPF_RECORD + "=true"));
            if (limits.maxStates() < Long.MAX_VALUE) {
                args.add("+" + ModelGenerator.JPF_MAX_STATES + "=" + limits.maxStates());
            }
            if (deadlineMillis < Long.MAX_VALUE) {
                args.add("+" + ModelGenerator.JPF_TIME_LIMIT + "="
                        + Math.max(1, deadlineMillis - System.currentTimeMillis()));
            }
            args.add("+" + ModelGenerator.JPF_INSTANTS + "=" + instants);
            args.add("+" + ModelGenerator.JPF_PROPERTIES + "=" + properties);
            if (limits.memoryBytes() < Long.MAX_VALUE) {
                args.add("+" + ModelGenerator.JPF_MAX_MEMORY + "=" + limits.memoryBytes());
            }
            args.add(config.toAbsolutePath().toString());
            Object cfg = createConfig.invoke(null, (Object) args.toArray(new String[0]));
            Object jpf = jpfClass.getConstructor(configClass).newInstance(cfg);
            jpfClass.getMethod("run").invoke(jpf);
            Object search = jpfClass.getMethod("getSearch").invoke(jpf);
            Class<?> peer = ((ClassLoader) configClass.getMethod("getClassLoader").invoke(cfg))
                    .loadClass(ModelGenerator.PACKAGE + "." + ModelGenerator.STATE_MATCHER_PEER);
            long states = peer.getField("states").getLong(null);
            Map<Integer, List<Integer>> violations = new TreeMap<>();
            ((Map<?, ?>) peer.getField("violations").get(null)).forEach((p, path) -> violations.put((Integer) p,
                    Arrays.stream((int[]) path).boxed().toList()));
            Object constraint = search.getClass().getMethod("getLastSearchConstraint").invoke(search);
            Optional<String> limitHit = Optional.empty();
            if (constraint != null) {
                // out of memory, for one, is a search constraint and an "error" that is no violation
                limitHit = Optional.of("JPF stopped: " + constraint);
            } else if ((Boolean) jpfClass.getMethod("foundErrors").invoke(jpf)) {
                throw new IOException("JPF found an error in the model itself (see " + report + ")");
            } else {
                int limit = peer.getField("limitHit").getInt(null);
                if (limit == 1) {
                    limitHit = Optional.of("the state limit of " + limits.maxStates() + " states was reached");
                } else if (limit == 2) {
                    limitHit = Optional.of(timeLimitReached(limits));
                } else if (limit == 3) {
                    limitHit = Optional.of("the memory limit of " + Units.formatMemory(limits.memoryBytes())
                            + " was reached (by the visited states)");
                }
            }
            Optional<ExplorerResult.Repetition> repetition = Optional.empty();
            if (limitHit.isEmpty() && periodicity.isPresent()) {
                // the peer also declines a run that was not complete, or not to the horizon
                long at = (Long) peer.getMethod("repetition", int.class, int.class).invoke(null,
                        periodicity.get().period(), periodicity.get().from());
                if (at >= 0) {
                    repetition = Optional.of(new ExplorerResult.Repetition(periodicity.get().period(), at));
                }
            }
            return new JpfOutcome(config, violations, states, limitHit, report, peer.getField("onHost").getLong(null),
                    peer.getField("choicePoints").getLong(null), repetition);
        } catch (InvocationTargetException e) {
            throw new IOException("JPF failed (" + home.dir() + "): " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IOException("the jpf-core build in " + home.dir() + " does not offer the JPF API gangproof "
                    + "uses: " + e, e);
        }
    }

    /** How a reached time limit is worded. */
    static String timeLimitReached(Search.Limits limits) {
        return "the time limit of " + limits.timeLimitMillis() + " ms was reached";
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

    private static void compile(Path sources, Path classes, String classpath) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IOException("no Java compiler: running JPF on a model needs a JDK");
        }
        Files.createDirectories(classes);
        List<String> args = new ArrayList<>(List.of("--release", "17", "-nowarn", "-d", classes.toString(),
                "-classpath", classpath));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
        }
        // javac's messages would land on standard output, which must stay the report (or JSON)
        java.io.ByteArrayOutputStream diagnostics = new java.io.ByteArrayOutputStream();
        if (javac.run(null, diagnostics, diagnostics, args.toArray(new String[0])) != 0) {
            throw new IOException("internal error: the emitted model does not compile against " + classpath + ":\n"
                    + diagnostics.toString(StandardCharsets.UTF_8));
        }
    }
}
