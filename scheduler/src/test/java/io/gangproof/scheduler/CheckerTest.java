package io.gangproof.scheduler;

import static io.gangproof.scheduler.RulesTest.job;
import static io.gangproof.scheduler.RulesTest.run;
import static io.gangproof.scheduler.SpecFixture.sporadic;
import static io.gangproof.scheduler.SpecFixture.system;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gangproof.scheduler.check.JobMeasures;
import io.gangproof.scheduler.check.TraceChecker;
import io.gangproof.scheduler.check.Violation;
import io.gangproof.scheduler.trace.Trace;
import io.gangproof.spec.Binding;
import io.gangproof.spec.Bound;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Property;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.SystemSpec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Property checking on traces (semantics §7) with the horizon rules of §9, computed by hand. */
class CheckerTest {
    private static final SystemSpec ONE = system(1, Placement.GLOBAL, Policy.FP, Protocol.GANG_STRICT)
            .global("X", 2, sporadic(20), 20, 1, 5)
            .global("A", 1, sporadic(20), 20, 1, 2).build();

    @Test
    void responseIsViolatedOnceTheJobIsUnfinishedAtArrivalPlusTheBound() {
        // X runs [0, 5); A arrives at 1, runs [5, 7): response 6.
        Trace t = run(ONE, 19, job("X", 0, 0, 0, 5), job("A", 0, 1, 1, 2));
        assertThat(TraceChecker.check(ONE, t, new Property.Response("A", new Bound.Value(6)))).isEmpty();
        List<Violation> v = TraceChecker.check(ONE, t, new Property.Response("A", new Bound.Value(5)));
        assertThat(v).singleElement().satisfies(x -> {
            assertThat(x.jobs()).containsExactly("A#0");
            assertThat(x.time()).isEqualTo(6);
            assertThat(x.value()).isEqualTo(6);
        });
        // Horizon 5: at 5 A has waited only 4 ticks; nothing is certain yet.
        Trace h5 = run(ONE, 5, job("X", 0, 0, 0, 5), job("A", 0, 1, 1, 2));
        assertThat(TraceChecker.check(ONE, h5, new Property.Response("A", new Bound.Value(5)))).isEmpty();
        // Horizon 6: A is unfinished at 6 = 1 + 5, so its response exceeds 5 whatever happens later.
        Trace h6 = run(ONE, 6, job("X", 0, 0, 0, 5), job("A", 0, 1, 1, 2));
        assertThat(h6.job("A#0").finish()).isEmpty();
        assertThat(TraceChecker.check(ONE, h6, new Property.Response("A", new Bound.Value(5))))
                .singleElement().satisfies(x -> assertThat(x.time()).isEqualTo(6));
        assertThat(TraceChecker.check(ONE, t, new Property.Response("A", new Bound.Value(Long.MAX_VALUE)))).isEmpty();
        assertThatThrownBy(() -> TraceChecker.check(ONE, t, new Property.Response("Nope", new Bound.Value(1))))
                .hasMessageContaining("Nope");
    }

    @Test
    void aJobNotYetReleasedMissesADeadlineWithinTheHorizon() {
        // D = 2, J = 5: arrives at 0, released at 4; at horizon 3 its deadline 2 has passed unfinished.
        SystemSpec spec = system(1, Placement.GLOBAL, Policy.FP, Protocol.GANG_STRICT)
                .task("A", 1, sporadic(10), 2, 5, 1, new Binding.AnyTpus(), SpecFixture.dnn("a", 1, 1, 0)).build();
        Trace t = run(spec, 3, job("A", 0, 0, 4, 1));
        assertThat(TraceChecker.check(spec, t, new Property.Deadlines(Optional.empty())))
                .singleElement().satisfies(x -> assertThat(x.time()).isEqualTo(2));
        assertThat(TraceChecker.check(spec, run(spec, 1, job("A", 0, 0, 4, 1)), new Property.Deadlines(Optional.empty())))
                .isEmpty();
    }

    private static SystemSpec priorities(Policy policy) {
        return system(1, Placement.GLOBAL, policy, Protocol.GANG_STRICT)
                .global("J", 1, sporadic(20), 5, 1, 1)
                .global("L", 2, sporadic(20), 10, 1, 3)
                .global("E", 3, sporadic(20), 3, 1, 2).build();
    }

    @Test
    void lowerPriorityMeansLaterDeadlineUnderEdf() {
        // EDF: at 0, E (deadline 3) before L (10): E runs [0, 2). J arrives at 1 (deadline 6) and starts at 2.
        // E's deadline is earlier than J's, so E does not invert J.
        SystemSpec edf = priorities(Policy.EDF);
        Trace t = run(edf, 19, job("J", 0, 1, 1, 1), job("L", 0, 0, 0, 3), job("E", 0, 0, 0, 2));
        assertThat(t.job("J#0").start()).hasValue(2);
        assertThat(measure(edf, t, "J#0").inversion()).isZero();
        assertThat(TraceChecker.check(edf, t, new Property.Inversion("J", new Bound.Value(0)))).isEmpty();
        // FP: L (priority 2) runs [0, 3) and J waits in [1, 3): 2 ticks of inversion.
        SystemSpec fp = priorities(Policy.FP);
        Trace f = run(fp, 19, job("J", 0, 1, 1, 1), job("L", 0, 0, 0, 3), job("E", 0, 0, 0, 2));
        assertThat(f.job("J#0").start()).hasValue(3);
        assertThat(measure(fp, f, "J#0").inversion()).isEqualTo(2);
        assertThat(TraceChecker.check(fp, f, new Property.Inversion("J", new Bound.Value(1))))
                .singleElement().satisfies(x -> {
                    assertThat(x.value()).isEqualTo(2);
                    assertThat(x.time()).isEqualTo(3);
                });
    }

    @Test
    void inversionAndOvertakesCountOnlyEligibleTpus() {
        // m = 3 pinned, gang-greedy. X [0] runs [0, 4). J [0, 1] arrives at 1 and waits for TPU 0.
        // L [1] starts at 1 on a TPU eligible for J (an overtake); O [2] starts at 1 on TPU 2, not eligible.
        SystemSpec spec = system(3, Placement.PINNED, Policy.FP, Protocol.GANG_GREEDY)
                .pinned("J", 1, sporadic(20), 20, List.of(0, 1), 1)
                .pinned("L", 2, sporadic(20), 20, List.of(1), 1)
                .pinned("X", 3, sporadic(20), 20, List.of(0), 4)
                .pinned("O", 4, sporadic(20), 20, List.of(2), 6).build();
        Trace t = run(spec, 19, job("X", 0, 0, 0, 4), job("J", 0, 1, 1, 1), job("L", 0, 1, 1, 1), job("O", 0, 1, 1, 6));
        assertThat(t.job("J#0").start()).hasValue(4);
        JobMeasures m = measure(spec, t, "J#0");
        assertThat(m.overtakes()).isEqualTo(1);
        assertThat(m.inversion()).isEqualTo(3);
        assertThat(TraceChecker.check(spec, t, new Property.Overtakes("J", new Bound.Value(0))))
                .singleElement().satisfies(x -> {
                    assertThat(x.jobs()).containsExactly("J#0", "L#0");
                    assertThat(x.time()).isEqualTo(1);
                    assertThat(x.value()).isEqualTo(1);
                });
        assertThat(TraceChecker.check(spec, t, new Property.Overtakes("J", new Bound.Value(1)))).isEmpty();
        // Cut at horizon 2: only [1, 2) of J's wait counts.
        Trace h2 = run(spec, 2, job("X", 0, 0, 0, 4), job("J", 0, 1, 1, 1), job("L", 0, 1, 1, 1), job("O", 0, 1, 1, 6));
        assertThat(measure(spec, h2, "J#0").inversion()).isEqualTo(1);
    }

    @Test
    void checkAllSkipsAnalysisBoundsAndChecksTheRest() {
        SystemSpec spec = system(1, Placement.GLOBAL, Policy.FP, Protocol.GANG_STRICT)
                .global("X", 2, sporadic(20), 20, 1, 5)
                .global("A", 1, sporadic(20), 20, 1, 2)
                .property(new Property.Response("A", new Bound.FromAnalysis()))
                .property(new Property.Response("A", new Bound.Value(3))).build();
        Trace t = run(spec, 19, job("X", 0, 0, 0, 5), job("A", 0, 1, 1, 2));
        assertThat(TraceChecker.checkAll(spec, t)).singleElement()
                .satisfies(v -> assertThat(v.property()).isEqualTo(new Property.Response("A", new Bound.Value(3))));
    }

    private static JobMeasures measure(SystemSpec spec, Trace t, String id) {
        return TraceChecker.measure(spec, t).stream().filter(m -> m.job().equals(id)).findFirst().orElseThrow();
    }
}
