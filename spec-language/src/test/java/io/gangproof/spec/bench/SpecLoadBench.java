package io.gangproof.spec.bench;

import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.format.SpecWriter;
import io.gangproof.spec.parse.LoadResult;
import io.gangproof.spec.parse.SourceFile;
import io.gangproof.spec.parse.SpecLoader;
import io.gangproof.spec.parse.SpecParser;
import io.gangproof.spec.testing.SpecGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Parse + validate time of spec loading, warm: a generated spec with 10,000 tasks (goal:
 * under 1 s) and every bundled example of case-studies/specs. Prints the median, minimum and
 * maximum of the measured wall-clock times after warm-up runs, and the median CPU time of the
 * loading thread (garbage collection runs on other threads and is not in it). Run from the repository root with
 *
 * <pre>
 * mvn -q -pl spec-language test -Dtest=SpecLoadBench [-Dbench.tasks=10000 -Dbench.warmup=10 -Dbench.runs=20]
 * </pre>
 *
 * Its name does not end in {@code Test}, so {@code mvn verify} does not run it; it asserts
 * only that every run loads the expected spec, never a time (the figures depend on the machine).
 * {@link #main} does the same from a plain class path.
 */
public final class SpecLoadBench {
    /** CPU time of the measuring thread: less disturbed than wall time on a shared machine. */
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory
            .getThreadMXBean();

    @Test
    void bench() throws IOException {
        main(new String[] {System.getProperty("bench.tasks", "10000"), System.getProperty("bench.warmup", "10"),
            System.getProperty("bench.runs", "20")});
    }

    public static void main(String[] args) throws IOException {
        int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        SystemSpec large = SpecGenerator.large(tasks, 1);
        String text = SpecWriter.write(large);
        System.out.printf("generated spec: %d tasks, %d DNNs, %d properties, %d lines, %d KB%n", large.tasks().size(),
                large.dnns().size(), large.properties().size(), text.lines().count(), text.length() / 1024);
        Path here = Path.of(".");
        SourceFile source = new SourceFile("large.gang", Optional.empty(), here, text);
        List<Case> cases = new java.util.ArrayList<>();
        cases.add(new Case("  of which parsing", warmup, runs, () -> {
            if (SpecParser.parse(source).hasSyntaxErrors()) {
                throw new AssertionError("syntax errors");
            }
        }));
        cases.add(new Case("generated " + tasks + " tasks", warmup, runs, () -> check(SpecLoader.loadText(
                "large.gang", text, here), large)));
        // Two properties per task: property lookups must not be quadratic.
        StringBuilder props = new StringBuilder("verify {\n");
        for (io.gangproof.spec.Task t : large.tasks()) {
            props.append("deadlines(").append(t.name()).append(")\nresponse(").append(t.name()).append(") <= bound\n");
        }
        String manyProps = text.replace("verify {\n", props.toString());
        cases.add(new Case("  with 2 more properties per task", warmup, runs, () -> SpecLoader.loadText(
                "large.gang", manyProps, here).orThrow()));
        // The same spec with an error in every task: reporting must not be quadratic either.
        String broken = text.replaceAll("deadline [^\n]*", "deadline 0 ns");
        cases.add(new Case("  with an error in every task", Math.min(warmup, 2), Math.min(runs, 5), () -> {
            LoadResult r = SpecLoader.loadText("large.gang", broken, here);
            if (r instanceof LoadResult.Loaded || r.diagnostics().size() != tasks) {
                throw new AssertionError("expected one error per task, got " + r.diagnostics().size());
            }
        }));
        String garbled = text.replaceAll("priority (\\d+)", "priority $1 $1");
        cases.add(new Case("  with a syntax error in every task", Math.min(warmup, 2), Math.min(runs, 5), () -> {
            LoadResult r = SpecLoader.loadText("large.gang", garbled, here);
            if (r instanceof LoadResult.Loaded || r.diagnostics().size() != tasks) {
                throw new AssertionError("expected one error per task, got " + r.diagnostics().size());
            }
        }));
        Path specs = Stream.of(Path.of("case-studies", "specs"), Path.of("..", "case-studies", "specs"))
                .filter(Files::isDirectory).findFirst().orElseThrow(() -> new IOException(
                        "run from the repository root or from spec-language: case-studies/specs not found"));
        List<Path> files;
        try (Stream<Path> s = Files.walk(specs)) {
            files = s.filter(p -> p.toString().endsWith(".gang")).sorted().toList();
        }
        for (Path f : files) {
            SystemSpec expected = SpecLoader.load(f).orThrow();
            cases.add(new Case(specs.relativize(f).toString(), 200, 1000, () -> check(SpecLoader.load(f),
                    expected)));
        }
        // Every case warms up before any is measured, so that no measurement shares the CPU with the JIT
        // compiling code for a later case.
        for (Case c : cases) {
            for (int i = 0; i < c.warmup(); i++) {
                c.work().run();
            }
        }
        for (Case c : cases) {
            time(c.name(), c.warmup(), c.runs(), c.work());
        }
    }

    private record Case(String name, int warmup, int runs, Runnable work) {
    }

    private static void time(String what, int warmup, int runs, Runnable work) {
        long[] nanos = new long[runs];
        long[] cpu = new long[runs];
        for (int i = 0; i < runs; i++) {
            long c0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            work.run();
            nanos[i] = System.nanoTime() - t0;
            cpu[i] = THREADS.getCurrentThreadCpuTime() - c0;
        }
        Arrays.sort(nanos);
        Arrays.sort(cpu);
        System.out.printf("%-36s median %9.3f ms (cpu %9.3f ms)   min %9.3f ms   max %9.3f ms   (%d runs, %d warm-up)%n",
                what, nanos[runs / 2] / 1e6, cpu[runs / 2] / 1e6, nanos[0] / 1e6, nanos[runs - 1] / 1e6, runs, warmup);
    }

    private static void check(LoadResult r, SystemSpec expected) {
        if (!r.orThrow().equals(expected)) {
            throw new AssertionError("the benchmark loaded a different spec");
        }
    }
}
