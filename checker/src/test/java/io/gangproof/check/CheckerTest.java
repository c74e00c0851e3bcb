package io.gangproof.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Verdict;
import io.gangproof.spec.parse.SpecLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
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
    void crossCheckedAViolationNextToAProofIsAnEngineDisagreement() {
        Checker c = new Checker(List.of(new Fixed("analysis", Verdict.PROVED), new Fixed("sim", Verdict.VIOLATED)),
                true);
        assertThatThrownBy(() -> c.check("x", SPEC, CheckOptions.DEFAULTS))
                .isInstanceOf(Checker.EngineDisagreement.class)
                .hasMessageContaining("sim found a violation").hasMessageContaining("analysis proved it");
    }

    /** Records what it was asked; answers with a fixed verdict, or nothing. */
    static final class Recording implements Engine {
        final String name;
        final Optional<Verdict> verdict;
        final Set<Verdict> verdicts;
        final boolean timeBounded;
        final List<CheckOptions> asked = new ArrayList<>();

        Recording(String name, Optional<Verdict> verdict, Set<Verdict> verdicts, boolean timeBounded) {
            this.name = name;
            this.verdict = verdict;
            this.verdicts = verdicts;
            this.timeBounded = timeBounded;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Set<Verdict> verdicts() {
            return verdicts;
        }

        @Override
        public boolean timeBounded() {
            return timeBounded;
        }

        @Override
        public Optional<PropertyResult> check(SystemSpec spec, Property property, CheckOptions options) {
            asked.add(options);
            return verdict.map(v -> new PropertyResult(property, "p", v, name, Optional.empty(), Optional.empty(),
                    Optional.empty(), 0, Optional.empty(), Optional.of(name + " says so")));
        }
    }

    private static Recording recording(String name, Verdict v, Verdict... canGive) {
        return new Recording(name, Optional.ofNullable(v), EnumSet.copyOf(List.of(canGive)), true);
    }

    @Test
    void onceAPropertyIsDecidedNoFurtherEngineIsAsked() {
        Recording later = recording("later", Verdict.PROVED, Verdict.values());
        List<PropertyResult> results = new Checker(List.of(new Fixed("first", Verdict.PROVED), later))
                .check("x", SPEC, CheckOptions.DEFAULTS).results();
        assertThat(later.asked).isEmpty();
        assertThat(results).allSatisfy(r -> assertThat(r.asked()).containsExactly("first"));
        Recording crossChecking = recording("later", Verdict.PROVED, Verdict.values());
        new Checker(List.of(new Fixed("first", Verdict.PROVED), crossChecking), true).check("x", SPEC,
                CheckOptions.DEFAULTS);
        assertThat(crossChecking.asked).hasSize(SPEC.properties().size());
    }

    @Test
    void afterHoldsUpToOnlyAnEngineThatCanProveIsAsked() {
        Recording violationsOnly = recording("sim", null, Verdict.VIOLATED);
        Recording prover = recording("induction", Verdict.PROVED, Verdict.PROVED);
        List<PropertyResult> results = new Checker(List.of(new Fixed("explorer", Verdict.HOLDS_UP_TO),
                violationsOnly, prover)).check("x", SPEC, CheckOptions.DEFAULTS).results();
        assertThat(violationsOnly.asked).isEmpty();
        assertThat(results).allSatisfy(r -> {
            assertThat(r.verdict()).isEqualTo(Verdict.PROVED);
            assertThat(r.asked()).containsExactly("explorer", "induction");
        });
    }

    @Test
    void anEngineBoundedByTheBudgetGetsItsDeadlineAndTheSpecsLimitTimeTakesThePlaceOfTheOption() {
        Recording search = recording("search", null, Verdict.values());
        CheckOptions tenSeconds = CheckOptions.DEFAULTS.withTimeLimit(Duration.ofSeconds(10));
        long before = System.nanoTime();
        new Checker(List.of(search)).check("x", SPEC, tenSeconds);
        long after = System.nanoTime();
        assertThat(search.asked).isNotEmpty().allSatisfy(o -> {
            assertThat(o.deadline().getAsLong() - before).isGreaterThan(0);
            assertThat(o.deadline().getAsLong() - after).isLessThanOrEqualTo(Duration.ofSeconds(10).toNanos());
        });
        SystemSpec limited = SpecLoader.load(Path.of("..", "case-studies", "specs", "coral-quad-strict.gang"))
                .orThrow();
        assertThat(limited.exploration().timeLimitMillis()).contains(3000L);
        assertThat(tenSeconds.budget(limited)).contains(Duration.ofSeconds(3));
        assertThat(tenSeconds.budget(SPEC)).contains(Duration.ofSeconds(10));
        assertThat(CheckOptions.DEFAULTS.budget(SPEC)).isEmpty();
    }

    /**
     * Busy for {@code millis} on every property, or on the first property of a spec only, quick on
     * the others; not bounded by the budget. Its time is certainly spent: no timing assertion.
     */
    record Busy(String name, long millis, boolean firstOnly) implements Engine {
        @Override
        public Optional<PropertyResult> check(SystemSpec spec, Property property, CheckOptions options) {
            if (!firstOnly || property.equals(spec.properties().get(0))) {
                long until = System.nanoTime() + Duration.ofMillis(millis).toNanos();
                while (System.nanoTime() - until < 0) {
                    Thread.onSpinWait();
                }
            }
            return Optional.empty();
        }

        @Override
        public boolean timeBounded() {
            return false;
        }
    }

    @Test
    void anEngineBoundedByTheBudgetIsNotAskedOnceNothingIsLeftAndTheReasonSaysSo() {
        Recording search = recording("explorer", null, Verdict.values());
        PropertyResult r = new Checker(List.of(new Busy("proof", 2, false), search)).check("x", SPEC,
                CheckOptions.DEFAULTS.withTimeLimit(Duration.ofMillis(1))).results().get(0);
        assertThat(search.asked).isEmpty();
        assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(r.asked()).containsExactly("proof");
        assertThat(r.reason()).hasValueSatisfying(why -> assertThat(why)
                .contains("no engine could decide it (proof)", "time limit of 1 ms", "before engine explorer"));
    }

    @Test
    void theBudgetIsOneForTheWholeSpecSharedByItsProperties() {
        assertThat(SPEC.properties()).hasSizeGreaterThan(1);
        // The first property's proof uses up the spec's budget: no search is asked about any property,
        // although the others cost nothing so far.
        Recording search = recording("explorer", null, Verdict.values());
        List<PropertyResult> results = new Checker(List.of(new Busy("proof", 20, true), search)).check("x", SPEC,
                CheckOptions.DEFAULTS.withTimeLimit(Duration.ofMillis(10))).results();
        assertThat(search.asked).isEmpty();
        assertThat(results).allSatisfy(r -> assertThat(r.reason()).hasValueSatisfying(why -> assertThat(why)
                .contains("time limit of 10 ms", "before engine explorer")));
        // With budget left, every search gets the same deadline: the spec's, not one per property.
        Recording later = recording("explorer", null, Verdict.values());
        long before = System.nanoTime();
        new Checker(List.of(new Busy("proof", 1, true), later)).check("x", SPEC,
                CheckOptions.DEFAULTS.withTimeLimit(Duration.ofSeconds(30)));
        long after = System.nanoTime();
        long thirty = Duration.ofSeconds(30).toNanos();
        assertThat(later.asked).hasSize(SPEC.properties().size())
                .allSatisfy(o -> assertThat(o.deadline().getAsLong()).isBetween(before + thirty, after + thirty))
                .extracting(o -> o.deadline().getAsLong()).containsOnly(later.asked.get(0).deadline().getAsLong());
    }

    @Test
    void anUnknownOnASpecWithOpenLevelsPointsAtAssignmentAndSynthesis() {
        SystemSpec open = SpecLoader.load(Path.of("..", "case-studies", "specs", "coral-synthesis.gang")).orThrow();
        PropertyResult r = new Checker(List.of(new Silent("sim"))).check("x", open, CheckOptions.DEFAULTS).results()
                .get(0);
        assertThat(r.reason()).hasValueSatisfying(why -> assertThat(why)
                .contains("levels or pipelines open", "recognize", "analyze --assign", "analyze --synthesize"));
        PropertyResult fixed = new Checker(List.of(new Silent("sim"))).check("x", SPEC, CheckOptions.DEFAULTS)
                .results().get(0);
        assertThat(fixed.reason()).hasValueSatisfying(why -> assertThat(why).doesNotContain("analyze"));
    }
}
