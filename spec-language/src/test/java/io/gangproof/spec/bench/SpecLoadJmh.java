package io.gangproof.spec.bench;

import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.format.SpecWriter;
import io.gangproof.spec.parse.SpecLoader;
import io.gangproof.spec.testing.SpecGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * JMH version of {@link SpecLoadBench}: parse + validate of a generated spec with 10,000
 * tasks and of each bundled example (sample mode, so JMH reports percentiles including the
 * median, p0.50). It takes about two minutes. Run from the repository root with
 *
 * <pre>
 * mvn -q -pl spec-language test -Dtest=SpecLoadJmh
 * </pre>
 *
 * Not a unit test (its name does not end in {@code Test}); it asserts no time.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SpecLoadJmh {
    /** The text of a generated spec with {@code tasks} tasks. */
    @State(Scope.Benchmark)
    public static class Large {
        @Param({"10000"})
        public int tasks;
        String text;

        @Setup(Level.Trial)
        public void setUp() {
            text = SpecWriter.write(SpecGenerator.large(tasks, 1));
        }
    }

    /** One bundled example of case-studies/specs. */
    @State(Scope.Benchmark)
    public static class Example {
        @Param({"deadlock-free-ascending.gang", "deadlock-per-tpu.gang", "starvation-greedy.gang",
            "starvation-strict.gang"})
        public String example;
        Path file;

        @Setup(Level.Trial)
        public void setUp() {
            Path specs = Files.isDirectory(Path.of("case-studies", "specs")) ? Path.of("case-studies", "specs")
                    : Path.of("..", "case-studies", "specs");
            file = specs.resolve(example);
            SpecLoader.load(file).orThrow();
        }
    }

    @Benchmark
    @Warmup(iterations = 5, time = 3)
    @Measurement(iterations = 5, time = 3)
    public SystemSpec generatedLarge(Large large) {
        return SpecLoader.loadText("large.gang", large.text, Path.of(".")).orThrow();
    }

    @Benchmark
    public SystemSpec bundledExample(Example example) {
        return SpecLoader.load(example.file).orThrow();
    }

    @Test
    void run() throws RunnerException {
        new Runner(new OptionsBuilder().include(SpecLoadJmh.class.getName()).build()).run();
    }
}
