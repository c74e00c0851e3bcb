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
        ExplorerResult.HoldsUpTo h = (ExplorerResult.HoldsUpTo) results.get(0);
        assertThat(h.property()).isEqualTo(new Property.Deadlines(Optional.of("H")));
        assertThat(h.horizon()).isEqualTo(100_000);
        assertThat(h.repetition()).hasValueSatisfying(r -> {
            assertThat(r.period()).isEqualTo(20); // the hyperperiod
            assertThat(r.at()).isLessThan(100);
        });
        assertThat(h.states()).isLessThan(1_000);
        assertThat(results.get(1).verdict()).isEqualTo(Verdict.VIOLATED);
        assertThat(((ExplorerResult.Violated) results.get(1)).counterexample().violationTime()).isEqualTo(6);
        // the same horizon without the early end would take millions of states
        assertThat(Explorer.maxResponseTime(spec, "H", 100_000).max()).hasValue(3);
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
