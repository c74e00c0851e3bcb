package io.gangproof.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.parse.SpecLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cross-check of the test suite: on the small bundled specs every default engine is asked
 * about every property, none contradicts another (that would throw), and stopping once a
 * property is decided gives the same verdicts.
 */
class CrossCheckAgreementTest {
    @ParameterizedTest
    @ValueSource(strings = {"deadlock-free-ascending", "deadlock-per-tpu", "starvation-greedy", "starvation-strict",
        "timing-anomaly", "textbook-buttazzo-ex8-1", "pinned-indirect-strict", "fifo-global-strict",
        "edf-global-greedy", "pinned-indirect-fifo"})
    void everyEngineAgreesAndStoppingEarlyChangesNoVerdict(String name, @org.junit.jupiter.api.io.TempDir Path out) {
        SystemSpec spec = SpecLoader.load(Path.of("..", "case-studies", "specs", name + ".gang")).orThrow();
        CheckOptions options = new CheckOptions(Optional.empty(), 1L, Optional.of(out));
        SpecReport all = new Checker(StandardEngines.defaults(), true).check(name, spec, options);
        SpecReport early = new Checker(StandardEngines.defaults()).check(name, spec, options);
        assertThat(early.results()).extracting(PropertyResult::verdict)
                .containsExactlyElementsOf(all.results().stream().map(PropertyResult::verdict).toList());
        List<String> every = StandardEngines.defaults().stream().map(Engine::name).toList();
        assertThat(all.results()).allSatisfy(r -> assertThat(r.asked()).containsExactlyElementsOf(every));
        assertThat(early.results()).allSatisfy(r -> assertThat(every).containsSubsequence(r.asked()));
    }
}
