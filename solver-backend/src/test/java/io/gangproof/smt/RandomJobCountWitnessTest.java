package io.gangproof.smt;

import io.gangproof.analysis.AnalysisCatalog;
import io.gangproof.analysis.AnalysisResult;
import io.gangproof.analysis.ResponseTimeAnalysis;
import io.gangproof.analysis.TaskBound;
import io.gangproof.analysis.Witness;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.testing.SpecArbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job-counting witnesses (pinned fp, global fifo and edf; docs/analysis.md §6a–§6c) on random
 * small specs: every one the analysis produces is confirmed by Z3 for its response and its
 * inversion bound (no false refutation), and one tick less of wait (with the response moved
 * along) is refuted, since the analysis reports the least wait.
 */
class RandomJobCountWitnessTest {
    private static final Duration T = Duration.ofSeconds(60);

    @Provide
    Arbitrary<SystemSpec> counted() {
        return SpecArbitraries.smallFixedSpecs().filter(s -> AnalysisCatalog.forSpec(s)
                .filter(a -> a.name().startsWith("pinned-") || a.name().startsWith("global-fifo-")
                        || a.name().startsWith("global-edf-")).isPresent());
    }

    @Property(tries = 60)
    void witnessesAreConfirmedAndOneTickLessIsRefuted(@ForAll("counted") SystemSpec spec) {
        ResponseTimeAnalysis a = AnalysisCatalog.forSpec(spec).orElseThrow();
        AnalysisResult r = a.analyze(spec);
        Statistics.label("analysis").collect(a.name());
        for (TaskBound b : r.tasks()) {
            if (!(b.witness() instanceof Witness.JobCount w)) {
                Statistics.label("task").collect("no witness");
                continue;
            }
            Statistics.label("task").collect("witness");
            String what = b.task() + " of " + spec.name() + " under " + a.name();
            assertThat(WitnessCheck.check(spec, r, b, WitnessCheck.Claim.response(b.responseBound().get()), T))
                    .as("response of %s", what).isInstanceOf(WitnessVerdict.Confirmed.class);
            assertThat(WitnessCheck.check(spec, r, b, WitnessCheck.Claim.inversion(b.inversionBound().get()), T))
                    .as("inversion of %s", what).isInstanceOf(WitnessVerdict.Confirmed.class);
            if (w.waitBound() > 0) {
                Witness.JobCount less = new Witness.JobCount(w.argument(), w.beta(), w.exec(), w.jitter(), w.carryIn(),
                        w.carryInFrom(), w.terms(), w.waitBound() - 1, w.response() - 1);
                TaskBound t = new TaskBound(b.task(), b.outcome(), b.reason(), Optional.of(w.response() - 1),
                        b.blockingBound(), b.inversionBound(), b.overtakesBound(), less);
                assertThat(WitnessCheck.check(spec, r, t, WitnessCheck.Claim.response(w.response() - 1), T))
                        .as("one tick less for %s", what).isInstanceOf(WitnessVerdict.Refuted.class);
            }
        }
    }
}
