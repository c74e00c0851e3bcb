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
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** No false refutations on global fp gang-strict: every Gang witness the analysis produces is confirmed. */
class RandomGlobalStrictSpecsTest {

    @Provide
    Arbitrary<SystemSpec> strict() {
        return SpecArbitraries.smallFixedSpecs().filter(s -> s.scheduler().placement() == Placement.GLOBAL
                && s.scheduler().policy() == Policy.FP && s.scheduler().protocol() == Protocol.GANG_STRICT);
    }

    @Property(tries = 50)
    void everyGangWitnessIsConfirmed(@ForAll("strict") SystemSpec spec) {
        Optional<ResponseTimeAnalysis> a = AnalysisCatalog.forSpec(spec);
        if (a.isEmpty()) {
            Statistics.label("task").collect("no analysis");
            return;
        }
        AnalysisResult r = a.get().analyze(spec);
        for (TaskBound b : r.tasks()) {
            if (!(b.witness() instanceof Witness.Gang)) {
                Statistics.label("task").collect("no witness");
                continue;
            }
            WitnessVerdict v = WitnessCheck.check(spec, r, b, WitnessCheck.Claim.response(b.responseBound().get()),
                    Duration.ofSeconds(60));
            Statistics.label("task").collect(v.getClass().getSimpleName());
            assertThat(v).as("%s of %s: %s", b.task(), spec.name(), v).isInstanceOf(WitnessVerdict.Confirmed.class);
        }
    }
}
