package io.gangproof.spec.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fuzz smoke run of the suite: Jazzer mutates the bundled specs (and every crash input kept
 * under src/test/resources/io/gangproof/spec/fuzz/SpecFuzzTestInputs/smoke) for 10,000 inputs.
 * The pom runs this class in its own Surefire execution with JAZZER_FUZZ=1; without it, Jazzer
 * runs only the seeds and the kept inputs, as regression tests. The long run is fuzz.sh.
 */
class SpecFuzzTest {
    static Stream<byte[]> bundledSpecs() {
        try (Stream<Path> files = Stream.concat(Files.walk(SpecFuzzTarget.BUNDLED),
                Files.walk(Path.of("src", "test", "resources", "valid")))) {
            return files.filter(p -> p.toString().endsWith(".gang")).sorted().map(SpecFuzzTest::bytes).toList()
                    .stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @MethodSource("bundledSpecs")
    @FuzzTest(maxExecutions = 10_000, maxDuration = "5m")
    void smoke(byte[] data) {
        SpecFuzzTarget.run(data);
    }

    @AfterAll
    static void report() {
        System.out.println(SpecFuzzTarget.statistics());
        assertThat(SpecFuzzTarget.INPUTS.get()).as("inputs run").isPositive();
    }
}
