package io.gangproof.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.model.ExplorerOptions;
import io.gangproof.spec.Bound;
import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Verdict;
import io.gangproof.spec.parse.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} reports an induction proof as {@code PROVED} by engine {@code induction} with its
 * certificates; where the induction does not close (a lock order that is not ascending, gang-greedy
 * overtakes) it says so, and the bounded searches find the counterexample.
 */
class InductionEngineTest {
    static final Path SPECS = Path.of("..", "case-studies", "specs");

    @TempDir
    Path out;

    private static SystemSpec load(String file) {
        return SpecLoader.load(SPECS.resolve(file)).orThrow();
    }

    @Test
    void deadlockFreedomUnderAscendingLocksIsProvedWithCertificates() {
        SystemSpec spec = load("deadlock-free-ascending.gang");
        PropertyResult r = new InductionEngine().check(spec, new Property.DeadlockFree(),
                new CheckOptions(Optional.empty(), 1L, Optional.of(out))).orElseThrow();
        assertThat(r.verdict()).isEqualTo(Verdict.PROVED);
        assertThat(r.engine()).isEqualTo("induction");
        assertThat(r.reason().orElseThrow()).contains("held-prefix-of-lock-order").doesNotContain("smt2");
        assertThat(r.certificates()).hasSize(5)
                .anySatisfy(f -> assertThat(f.toString()).contains("induction-consecution-dispatch"));
        try (var files = Files.list(out.resolve("certificates"))) {
            assertThat(files.filter(f -> f.toString().contains("induction-")).count()).isEqualTo(5);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aListedLockOrderIsUnknownToTheInductionAndViolatedInTheCheck() {
        SystemSpec spec = load("deadlock-per-tpu.gang");
        PropertyResult induction = new InductionEngine().check(spec, new Property.DeadlockFree(),
                CheckOptions.DEFAULTS).orElseThrow();
        assertThat(induction.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(induction.reason().orElseThrow()).startsWith("induction does not close at safety");
        PropertyResult checked = new Checker(StandardEngines.of(10, ExplorerOptions.DEFAULTS)).check(
                "deadlock-per-tpu.gang", spec,
                CheckOptions.DEFAULTS).results().get(0);
        assertThat(checked.verdict()).isEqualTo(Verdict.VIOLATED);
    }

    @Test
    void gangGreedyOvertakesAreUnknownToTheInductionAndViolatedInTheCheck() {
        SystemSpec spec = load("coral-quad-greedy.gang");
        Property overtakes = new Property.Overtakes("detect", new Bound.Value(0));
        PropertyResult induction = new InductionEngine().check(spec, overtakes, CheckOptions.DEFAULTS).orElseThrow();
        assertThat(induction.verdict()).isEqualTo(Verdict.UNKNOWN);
        SystemSpec only = new SystemSpec(spec.name(), spec.resolution(), spec.platform(), spec.dnns(), spec.tasks(),
                spec.scheduler(), List.of(overtakes), spec.exploration());
        PropertyResult checked = new Checker(StandardEngines.of(500, ExplorerOptions.DEFAULTS)).check(
                "coral-quad-greedy.gang", only,
                CheckOptions.DEFAULTS).results().get(0);
        assertThat(checked.verdict()).isEqualTo(Verdict.VIOLATED);
    }

    @Test
    void otherPropertiesAreLeftToTheOtherEngines() {
        assertThat(new InductionEngine().check(load("coral-quad-strict.gang"),
                new Property.Deadlines(Optional.empty()), CheckOptions.DEFAULTS)).isEmpty();
    }
}
