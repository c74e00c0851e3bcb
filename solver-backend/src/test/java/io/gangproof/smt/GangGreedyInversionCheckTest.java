package io.gangproof.smt;

import io.gangproof.analysis.AnalysisResult;
import io.gangproof.analysis.GlobalGangGreedyResponseTime;
import io.gangproof.analysis.TaskBound;
import io.gangproof.analysis.Witness;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.testing.SpecArbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gang-greedy inversion bound (docs/analysis.md §6) is checked by Z3: confirmed as the
 * analysis reports it, refuted one tick lower (the bound is exactly {@code min(w, carry + work)}).
 */
class GangGreedyInversionCheckTest {
    private static final Duration T = Duration.ofSeconds(60);

    @Provide
    Arbitrary<SystemSpec> greedy() {
        return SpecArbitraries.smallFixedSpecs().filter(s -> s.scheduler().placement() == Placement.GLOBAL
                && s.scheduler().policy() == Policy.FP && s.scheduler().protocol() == Protocol.GANG_GREEDY);
    }

    /** coral-quad-greedy: detect (width 2) has narrow lower-priority classify, so its inversion is positive. */
    @Test
    void coralDetectInversionIsConfirmedAndOneTickLessIsRefuted() {
        SystemSpec spec = Fixtures.load("coral-quad-greedy.gang");
        AnalysisResult r = new GlobalGangGreedyResponseTime().analyze(spec);
        TaskBound b = r.task("detect").orElseThrow();
        long inv = b.inversionBound().orElseThrow();
        assertThat(inv).isPositive();
        assertThat(WitnessCheck.check(spec, r, b, WitnessCheck.Claim.inversion(inv), T))
                .isInstanceOf(WitnessVerdict.Confirmed.class);
        TaskBound less = new TaskBound(b.task(), b.outcome(), b.reason(), b.responseBound(), b.blockingBound(),
                Optional.of(inv - 1), b.overtakesBound(), b.witness());
        WitnessVerdict v = WitnessCheck.check(spec, r, less, WitnessCheck.Claim.inversion(inv - 1), T);
        assertThat(v).isInstanceOf(WitnessVerdict.Refuted.class);
        assertThat(((WitnessVerdict.Refuted) v).constraint()).contains("inversion: I >= min(w");
    }

    @Property(tries = 40)
    void inversionBoundsAreConfirmedAndOneTickLessIsRefuted(@ForAll("greedy") SystemSpec spec) {
        AnalysisResult r = new GlobalGangGreedyResponseTime().analyze(spec);
        for (TaskBound b : r.tasks()) {
            if (!(b.witness() instanceof Witness.GangRounds)) {
                Statistics.label("task").collect("no witness");
                continue;
            }
            long inv = b.inversionBound().orElseThrow();
            Statistics.label("task").collect(inv > 0 ? "inversion > 0" : "inversion 0");
            assertThat(WitnessCheck.check(spec, r, b, WitnessCheck.Claim.inversion(inv), T)).as(b.task())
                    .isInstanceOf(WitnessVerdict.Confirmed.class);
            if (inv > 0) {
                TaskBound less = new TaskBound(b.task(), b.outcome(), b.reason(), b.responseBound(), b.blockingBound(),
                        Optional.of(inv - 1), b.overtakesBound(), b.witness());
                assertThat(WitnessCheck.check(spec, r, less, WitnessCheck.Claim.inversion(inv - 1), T)).as(b.task())
                        .isInstanceOf(WitnessVerdict.Refuted.class);
            }
        }
    }
}
