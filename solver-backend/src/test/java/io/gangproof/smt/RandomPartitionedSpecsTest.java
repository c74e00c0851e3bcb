package io.gangproof.smt;

import io.gangproof.analysis.AnalysisCatalog;
import io.gangproof.analysis.AnalysisResult;
import io.gangproof.analysis.TaskBound;
import io.gangproof.analysis.Witness;
import io.gangproof.spec.Placement;
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

/** No false refutations: whatever the analysis accepts on a small partitioned spec, Z3 confirms. */
class RandomPartitionedSpecsTest {

    @Provide
    Arbitrary<SystemSpec> partitioned() {
        return SpecArbitraries.smallFixedSpecs().filter(s -> s.scheduler().placement() == Placement.PARTITIONED);
    }

    @Property(tries = 50)
    void whatTheAnalysisAcceptsIsConfirmed(@ForAll("partitioned") SystemSpec spec) {
        Optional<io.gangproof.analysis.ResponseTimeAnalysis> a = AnalysisCatalog.forSpec(spec);
        if (a.isEmpty()) {
            Statistics.label("analysis").collect("none");
            return;
        }
        AnalysisResult r = a.get().analyze(spec);
        Statistics.label("analysis").collect(r.analysis());
        for (TaskBound b : r.tasks()) {
            if (!b.schedulable()) {
                Statistics.label("task").collect("not accepted");
                continue;
            }
            boolean encoded = b.witness() instanceof Witness.NpFp || b.witness() instanceof Witness.NpEdf;
            assertThat(encoded).as("a partitioned witness: %s", b.witness()).isTrue();
            WitnessVerdict v = WitnessCheck.check(spec, r, b,
                    WitnessCheck.Claim.response(spec.task(b.task()).deadline()), Duration.ofSeconds(60));
            Statistics.label("task").collect(v.getClass().getSimpleName());
            if (v instanceof WitnessVerdict.Unknown) {
                // Only too many demand points may leave a check open; never a refutation.
                assertThat(((WitnessVerdict.Unknown) v).reason()).contains("demand points");
                continue;
            }
            assertThat(v).as("%s of %s", b.task(), spec.name()).isInstanceOf(WitnessVerdict.Confirmed.class);
        }
    }
}
