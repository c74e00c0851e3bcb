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
 * The job-counting witnesses (pinned fp, fifo and edf global or pinned; docs/analysis.md §6a–§6c) on random
 * small specs: every one the analysis produces is confirmed by Z3 for its response and its
 * inversion bound and, where it is arithmetic, its overtakes bound (no false refutation); one
 * tick less of wait (with the response moved along), or one overtake less, is refuted.
 */
class RandomJobCountWitnessTest {
    private static final Duration T = Duration.ofSeconds(60);

    @Provide
    Arbitrary<SystemSpec> counted() {
        return SpecArbitraries.smallFixedSpecs().filter(s -> AnalysisCatalog.forSpec(s)
                .filter(a -> a.name().startsWith("pinned-") || a.name().startsWith("global-fifo-")
                        || a.name().startsWith("global-edf-")).isPresent());
    }

    @Property(tries = 80)
    void witnessesAreConfirmedAndOneTickLessIsRefuted(@ForAll("counted") SystemSpec spec) {
        ResponseTimeAnalysis a = AnalysisCatalog.forSpec(spec).orElseThrow();
        AnalysisResult r = a.analyze(spec);
        Statistics.label("analysis").collect(a.name());
        for (TaskBound b : r.tasks()) {
            if (!(b.witness() instanceof Witness.JobCount w)) {
                Statistics.label("task").collect("no witness");
                continue;
            }
            Statistics.label("task").collect(b.overtakesBound().orElse(0L) > 0 ? "witness, overtakes > 0" : "witness");
            String what = b.task() + " of " + spec.name() + " under " + a.name();
            assertThat(WitnessCheck.check(spec, r, b, WitnessCheck.Claim.response(b.responseBound().get()), T))
                    .as("response of %s", what).isInstanceOf(WitnessVerdict.Confirmed.class);
            assertThat(WitnessCheck.check(spec, r, b, WitnessCheck.Claim.inversion(b.inversionBound().get()), T))
                    .as("inversion of %s", what).isInstanceOf(WitnessVerdict.Confirmed.class);
            boolean zeroByProtocol = a.name().equals("pinned-fp-gang-strict") || a.name().endsWith("-edf-gang-strict");
            long o = b.overtakesBound().get();
            WitnessVerdict ov = WitnessCheck.check(spec, r, b, WitnessCheck.Claim.overtakes(o), T);
            assertThat(ov).as("overtakes of %s", what).isInstanceOf(zeroByProtocol ? WitnessVerdict.Unknown.class
                    : WitnessVerdict.Confirmed.class);
            if (!zeroByProtocol && o > 0) {
                TaskBound fewer = new TaskBound(b.task(), b.outcome(), b.reason(), b.responseBound(), b.blockingBound(),
                        b.inversionBound(), Optional.of(o - 1), w);
                assertThat(WitnessCheck.check(spec, r, fewer, WitnessCheck.Claim.overtakes(o - 1), T))
                        .as("one overtake less for %s", what).isInstanceOf(WitnessVerdict.Refuted.class);
            }
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
