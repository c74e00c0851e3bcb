package io.gangproof.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Verdict;
import io.gangproof.spec.parse.SpecLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The symbolic engine alone through the checker: its counterexamples replay, its proofs name the closed zone graph. */
class SymbolicEngineTest {
    @Test
    void theStarvationExampleUnderGangStrictIsDecidedForAllTime() {
        Path path = Path.of("../case-studies/specs/starvation-strict.gang");
        SystemSpec spec = SpecLoader.load(path).orThrow();
        SpecReport report = new Checker(List.of(new SymbolicEngine())).check(path.toString(), spec,
                CheckOptions.DEFAULTS);
        List<PropertyResult> r = report.results();
        assertThat(r).extracting(PropertyResult::verdict)
                .containsExactly(Verdict.PROVED, Verdict.VIOLATED, Verdict.PROVED);
        assertThat(r).allSatisfy(p -> assertThat(p.engine()).isEqualTo("symbolic"));
        assertThat(r.get(0).reason().orElseThrow()).contains("the closed zone graph");
        assertThat(r.get(1).counterexample().orElseThrow().violations()).isNotEmpty();
    }
}
