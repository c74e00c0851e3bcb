package io.gangproof.check;

import io.gangproof.analysis.AnalysisCatalog;
import io.gangproof.analysis.AnalysisResult;
import io.gangproof.analysis.GlobalSerialResponseTime;
import io.gangproof.analysis.ResponseTimeAnalysis;
import io.gangproof.analysis.TaskBound;
import io.gangproof.model.Explorer;
import io.gangproof.model.MaxResponseTime;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.testing.SpecArbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Semantics §10, last paragraph, for the pinned, fifo and global edf tests (docs/analysis.md
 * §6a–§6c) and the serialised global fp test (§5e, which {@code check} does not pick by
 * itself, so it is drawn on its own): on random specs small enough to explore exhaustively, the largest response time the
 * explorer finds over every behaviour up to the horizon never exceeds a reported bound (specs
 * with no bound are not drawn). Smoke size: exploring is slow; the analysis module's brute-force
 * soundness tests run many more specs.
 */
class CountedAnalysesAgainstExplorerTest {
    private static final long HORIZON = 24;

    @Provide
    Arbitrary<SystemSpec> counted() {
        return SpecArbitraries.smallFixedSpecs().filter(s -> AnalysisCatalog.forSpec(s)
                .filter(a -> a.name().startsWith("pinned-") || a.name().startsWith("global-fifo-")
                        || a.name().startsWith("global-edf-"))
                .filter(a -> a.analyze(s).tasks().stream().anyMatch(b -> b.responseBound().isPresent())).isPresent());
    }

    @Provide
    Arbitrary<SystemSpec> serialised() {
        GlobalSerialResponseTime a = new GlobalSerialResponseTime();
        // on one TPU every set is serialised; two or more make the gang protocols matter
        return SpecArbitraries.smallFixedSpecs().filter(s -> s.platform().tpus() > 1 && a.appliesTo(s)
                && a.analyze(s).tasks().stream().anyMatch(b -> b.responseBound().isPresent()));
    }

    @Property(tries = 6)
    void noExploredResponseExceedsABound(@ForAll("counted") SystemSpec spec) {
        noExploredResponseExceedsItsBound(spec, AnalysisCatalog.forSpec(spec).orElseThrow());
    }

    @Property(tries = 6)
    void noExploredResponseExceedsASerialisedBound(@ForAll("serialised") SystemSpec spec) {
        Statistics.label("protocol").collect(spec.scheduler().protocol());
        noExploredResponseExceedsItsBound(spec, new GlobalSerialResponseTime());
    }

    private static void noExploredResponseExceedsItsBound(SystemSpec spec, ResponseTimeAnalysis a) {
        AnalysisResult r = a.analyze(spec);
        Statistics.label("analysis").collect(a.name());
        for (TaskBound b : r.tasks()) {
            if (b.responseBound().isEmpty()) {
                Statistics.label("task").collect("no bound");
                continue;
            }
            MaxResponseTime seen = Explorer.maxResponseTime(spec, b.task(), HORIZON);
            Statistics.label("task").collect(seen.complete() ? "bound, explored" : "bound, search cut short");
            if (seen.max().isPresent()) {
                assertThat(seen.max().getAsLong()).as("%s of %s under %s", b.task(), spec, a.name())
                        .isLessThanOrEqualTo(b.responseBound().get());
            }
        }
    }
}
