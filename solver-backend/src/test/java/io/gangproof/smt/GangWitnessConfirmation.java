package io.gangproof.smt;

import io.gangproof.analysis.AnalysisCatalog;
import io.gangproof.analysis.AnalysisResult;
import io.gangproof.analysis.ResponseTimeAnalysis;
import io.gangproof.analysis.TaskBound;
import io.gangproof.analysis.Witness;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.testing.SpecArbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.statistics.Statistics;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check of the random global fp witness tests: no false refutation, i.e. every witness of one
 * kind that the spec's analysis produces is confirmed by Z3.
 */
final class GangWitnessConfirmation {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private GangWitnessConfirmation() {
    }

    /** Small fixed specs under global fp with {@code protocol}. */
    static Arbitrary<SystemSpec> globalFp(Protocol protocol) {
        return SpecArbitraries.smallFixedSpecs().filter(s -> s.scheduler().placement() == Placement.GLOBAL
                && s.scheduler().policy() == Policy.FP && s.scheduler().protocol() == protocol);
    }

    /**
     * Checks every task bound of {@code spec} whose witness is a {@code kind}; collects each verdict
     * under the label "task", followed by {@code note} of the bound.
     */
    static void everyWitnessConfirmed(SystemSpec spec, Class<? extends Witness> kind, Function<TaskBound, String> note) {
        Optional<ResponseTimeAnalysis> a = AnalysisCatalog.forSpec(spec);
        if (a.isEmpty()) {
            Statistics.label("task").collect("no analysis");
            return;
        }
        AnalysisResult r = a.get().analyze(spec);
        for (TaskBound b : r.tasks()) {
            if (!kind.isInstance(b.witness())) {
                Statistics.label("task").collect("no witness");
                continue;
            }
            WitnessVerdict v = WitnessCheck.check(spec, r, b, WitnessCheck.Claim.response(b.responseBound().get()),
                    TIMEOUT);
            Statistics.label("task").collect(v.getClass().getSimpleName() + note.apply(b));
            assertThat(v).as("%s of %s: %s", b.task(), spec.name(), v).isInstanceOf(WitnessVerdict.Confirmed.class);
        }
    }
}
