package io.gangproof.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Verdict;
import io.gangproof.spec.parse.SpecLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckerTest {
    static final SystemSpec SPEC = SpecLoader.load(Path.of("..", "case-studies", "specs", "starvation-strict.gang"))
            .orThrow();

    /** An engine that always gives the same verdict. */
    record Fixed(String name, Verdict verdict) implements Engine {
        @Override
        public Optional<PropertyResult> check(SystemSpec spec, Property property, CheckOptions options) {
            return Optional.of(new PropertyResult(property, "p", verdict, name, Optional.empty(), Optional.empty(),
                    Optional.empty(), 0, Optional.empty(), Optional.empty()));
        }
    }

    record Silent(String name) implements Engine {
        @Override
        public Optional<PropertyResult> check(SystemSpec spec, Property property, CheckOptions options) {
            return Optional.empty();
        }
    }

    private static List<Verdict> verdicts(Engine... engines) {
        return new Checker(List.of(engines)).check("x", SPEC, CheckOptions.DEFAULTS).results().stream()
                .map(PropertyResult::verdict).toList();
    }

    @Test
    void theStrongestAnswerWins() {
        assertThat(verdicts(new Fixed("a", Verdict.UNKNOWN), new Fixed("b", Verdict.HOLDS_UP_TO)))
                .containsOnly(Verdict.HOLDS_UP_TO);
        assertThat(verdicts(new Fixed("a", Verdict.HOLDS_UP_TO), new Fixed("b", Verdict.PROVED)))
                .containsOnly(Verdict.PROVED);
        assertThat(verdicts(new Fixed("a", Verdict.HOLDS_UP_TO), new Fixed("b", Verdict.VIOLATED)))
                .containsOnly(Verdict.VIOLATED);
    }

    @Test
    void withoutAnAnswerThePropertyIsUnknownWithTheReason() {
        PropertyResult r = new Checker(List.of(new Silent("sim"))).check("x", SPEC, CheckOptions.DEFAULTS).results()
                .get(0);
        assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(r.reason()).contains("no engine could decide it (sim)");
        assertThat(r.description()).isEqualTo("deadlines(H)");
    }

    @Test
    void aViolationNextToAProofIsAnEngineDisagreement() {
        Checker c = new Checker(List.of(new Fixed("analysis", Verdict.PROVED), new Fixed("sim", Verdict.VIOLATED)));
        assertThatThrownBy(() -> c.check("x", SPEC, CheckOptions.DEFAULTS))
                .isInstanceOf(Checker.EngineDisagreement.class)
                .hasMessageContaining("sim found a violation").hasMessageContaining("analysis proved it");
    }
}
