package io.gangproof.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.model.runtime.TransitionModel;
import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Verdict;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Ending the search when the reachable states repeat (docs/semantics.md §13) must change no
 * result: the same violations at the same instants, the same largest response times, as a
 * search of every instant up to the horizon.
 */
class RepetitionTest {
    private static final int HORIZON = 70;

    @Test
    void endingAtARepetitionChangesNoResult() {
        int repeated = 0;
        for (long seed = 1; seed <= 25; seed++) {
            SystemSpec spec = SingleBehaviourTest.spec(MergingSoundnessTest.RandomSpecs.text(new Random(seed)));
            ModelPlan plan = ModelPlan.of(spec, spec.properties(), HORIZON, Map.of());
            ModelGenerator.GeneratedModel generated = ModelGenerator.generate(plan);
            Optional<Search.Periodicity> periodicity = Explorer.periodicity(spec, generated);
            if (periodicity.isEmpty()) {
                continue;
            }
            TransitionModel model = Explorer.instantiate(generated);
            // a few random specs have large state spaces: skip those rather than wait
            Search.Limits limits = new Search.Limits(100_000, 60_000, 1L << 30);
            Search.Outcome full = new Search(model, limits, p -> { }, -1).run();
            if (full.limitHit().isPresent()) {
                continue;
            }
            Search.Outcome early = new Search(model, limits, p -> { }, -1).withPeriodicity(periodicity.get()).run();
            assertThat(full.repetition()).isEmpty();
            if (early.repetition().isEmpty()) {
                continue;
            }
            repeated++;
            assertThat(early.states()).isLessThan(full.states());
            String what = "seed " + seed + "\n" + MergingSoundnessTest.RandomSpecs.text(new Random(seed));
            for (int p = 0; p < plan.properties().size(); p++) {
                Search.Found a = full.violations()[p];
                Search.Found b = early.violations()[p];
                assertThat(b == null).as(what + plan.properties().get(p).description()).isEqualTo(a == null);
                if (a != null) {
                    assertThat(b.time()).as(what).isEqualTo(a.time());
                }
            }
            for (int task = 0; task < spec.tasks().size(); task++) {
                Search fullWatch = new Search(model, limits, p -> { }, task);
                fullWatch.run();
                Search earlyWatch = new Search(model, limits, p -> { }, task).withPeriodicity(periodicity.get());
                earlyWatch.run();
                assertThat(earlyWatch.maxResponse()).as(what + " task " + task).isEqualTo(fullWatch.maxResponse());
            }
        }
        // the check above must not pass vacuously
        assertThat(repeated).isGreaterThanOrEqualTo(6);
    }

    @Test
    void starvationStrictRepeatsSoItsVerdictsHoldBeyondAnyHorizon() {
        SystemSpec spec = BundledSpecs.load("starvation-strict");
        List<ExplorerResult> results = Explorer.check(spec, ExplorerOptions.DEFAULTS.withHorizon(100_000));
        ExplorerResult.Proved h = (ExplorerResult.Proved) results.get(0);
        assertThat(h.property()).isEqualTo(new Property.Deadlines(Optional.of("H")));
        assertThat(h.horizon()).isEqualTo(100_000);
        assertThat(h.repetition().period()).isEqualTo(20); // the hyperperiod
        assertThat(h.repetition().at()).isLessThan(100);
        assertThat(h.states()).isLessThan(1_000);
        assertThat(results.get(1).verdict()).isEqualTo(Verdict.VIOLATED);
        assertThat(((ExplorerResult.Violated) results.get(1)).counterexample().violationTime()).isEqualTo(6);
        // the same horizon without the early end would take millions of states
        assertThat(Explorer.maxResponseTime(spec, "H", 100_000).max()).hasValue(3);
    }

    /**
     * What PROVED claims, tested where it can be: on random specs, a property proved by a
     * repetition is violated by no behaviour of the same model searched to its horizon, three
     * times {@code HORIZON}, without stopping early (several hyperperiods past the repetition).
     */
    @Test
    void everyPropertyProvedByARepetitionHoldsOverALongerSearch() {
        int confirmed = 0;
        for (long seed = 1; seed <= 14; seed++) {
            String text = MergingSoundnessTest.RandomSpecs.text(new Random(seed));
            SystemSpec spec = SingleBehaviourTest.spec(text);
            Search.Limits limits = new Search.Limits(100_000, 60_000, 1L << 30);
            ExplorerOptions options = ExplorerOptions.DEFAULTS.withHorizon(3 * HORIZON)
                    .withMaxStates(limits.maxStates());
            List<ExplorerResult> results = Explorer.check(spec, options);
            if (results.stream().noneMatch(r -> r instanceof ExplorerResult.Proved)) {
                continue;
            }
            // the same model (so compiled once): the search above stopped at the repetition, this one does not
            ModelPlan longer = ModelPlan.of(spec, spec.properties(), 3 * HORIZON, Map.of());
            Search.Outcome full = new Search(Explorer.instantiate(ModelGenerator.generate(longer)), limits, p -> { },
                    -1).run();
            if (full.limitHit().isPresent()) {
                continue;
            }
            for (ExplorerResult r : results) {
                if (r instanceof ExplorerResult.Proved proved) {
                    int index = longer.properties().stream().filter(m -> m.property().equals(r.property()))
                            .findFirst().orElseThrow().index();
                    assertThat(full.violations()[index]).as("seed " + seed + ": " + r.description() + " proved by "
                            + proved.repetition() + "\n" + text).isNull();
                    confirmed++;
                }
            }
        }
        // the check above must not pass vacuously
        assertThat(confirmed).isGreaterThanOrEqualTo(10);
    }

    /**
     * Before its offset of 43 ms, Z never arrives and the states repeat every 5 ms; its first
     * job makes A's job of 45 ms miss its deadline at 50 ms. The repetition check waits for the
     * last offset, so the violation is found; no horizon short of it proves anything.
     */
    @Test
    void aViolationAfterALongQuietPrefixIsFoundAndAShortHorizonProvesNothing() {
        SystemSpec spec = SingleBehaviourTest.spec("""
                system late_offset {
                  resolution 1 ms
                  platform { tpus 1 }
                  dnn small { latency { 1: 2 ms } }
                  dnn big { latency { 1: 6 ms } }
                  task A { runs small, periodic 5 ms offset 0 ms, priority 2 }
                  task Z { runs big, periodic 10 ms offset 43 ms, priority 1 }
                  scheduler global fp with gang-strict
                  verify { deadlines(A) }
                }
                """);
        ExplorerResult late = Explorer.check(spec, ExplorerOptions.DEFAULTS.withHorizon(1_000)).get(0);
        assertThat(late.verdict()).isEqualTo(Verdict.VIOLATED);
        assertThat(((ExplorerResult.Violated) late).counterexample().violationTime()).isEqualTo(50);
        // no repetition can be claimed before 43 + 10 ms: up to 49 ms nothing is violated, and nothing proved
        ExplorerResult early = Explorer.check(spec, ExplorerOptions.DEFAULTS.withHorizon(49)).get(0);
        assertThat(early.verdict()).isEqualTo(Verdict.HOLDS_UP_TO);
    }

    @Test
    void withoutARepetitionBeforeTheHorizonTheVerdictStaysHoldsUpTo() {
        SystemSpec spec = BundledSpecs.load("starvation-strict");
        // hyperperiod 20 ms after the longest period, 10 ms: no repetition can be seen before 30 ms
        ExplorerResult r = Explorer.check(spec, ExplorerOptions.DEFAULTS.withHorizon(30)).get(0);
        assertThat(r).isInstanceOf(ExplorerResult.HoldsUpTo.class);
        assertThat(((ExplorerResult.HoldsUpTo) r).horizon()).isEqualTo(30);
    }

    @Test
    void levelsRepeatOnlyWhenEveryStateRecurs() {
        StateStore at5 = new StateStore();
        at5.addIfAbsent(new int[] {5, 1, 2}, 3);
        at5.addIfAbsent(new int[] {5, 7, 0}, 3);
        StateStore same = new StateStore();
        same.addIfAbsent(new int[] {25, 7, 0}, 3);
        same.addIfAbsent(new int[] {25, 1, 2}, 3);
        StateStore other = new StateStore();
        other.addIfAbsent(new int[] {25, 1, 2}, 3);
        other.addIfAbsent(new int[] {25, 7, 1}, 3);
        StateStore fewer = new StateStore();
        fewer.addIfAbsent(new int[] {25, 1, 2}, 3);
        assertThat(Search.sameShifted(at5, 5, same)).isTrue();
        assertThat(Search.sameShifted(at5, 5, other)).isFalse();
        assertThat(Search.sameShifted(at5, 5, fewer)).isFalse();
        assertThat(Search.sameShifted(at5, 6, same)).isFalse(); // compared at the wrong instant
    }
}
