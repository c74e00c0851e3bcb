package io.gangproof.analysis;

import io.gangproof.spec.Arrival;
import io.gangproof.spec.Binding;
import io.gangproof.spec.Pipeline;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.Scheduler;
import io.gangproof.spec.SystemSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static io.gangproof.analysis.TestSpecs.flat;
import static io.gangproof.analysis.TestSpecs.spec;
import static io.gangproof.analysis.TestSpecs.task;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which analysis {@link AnalysisCatalog} answers for every placement x policy x protocol
 * ({@code docs/analysis.md} §6b): the named test, or none, and then every analysis of that
 * placement says why it does not apply.
 */
class CatalogCoverageTest {

    /** The analysis expected for a scheduler, or empty when there is none. */
    private static Optional<String> expected(Scheduler s) {
        String p = s.policy().keyword();
        return switch (s.placement()) {
            // Every protocol acts as a uniprocessor non-preemptive scheduler per partition (semantics §6).
            case PARTITIONED -> s.policy() == Policy.FIFO ? Optional.empty()
                    : Optional.of(s.policy() == Policy.FP ? NpFpResponseTime.NAME : NpEdfProcessorDemand.NAME);
            // The lone task spans the platform: under fp the serialised test is the tightest (§5e).
            case GLOBAL -> s.protocol().perTpu() ? Optional.empty() : Optional.of(s.policy() == Policy.FP
                    ? GlobalSerialResponseTime.NAME : "global-" + p + "-" + s.protocol().keyword());
            case PINNED -> s.protocol().perTpu() ? Optional.empty() : Optional.of("pinned-" + p + "-" + s.protocol().keyword());
        };
    }

    private static SystemSpec oneTask(Scheduler s) {
        Binding b = switch (s.placement()) {
            case PARTITIONED -> new Binding.OnPipeline("p0");
            case GLOBAL -> new Binding.AnyTpus();
            case PINNED -> new Binding.Pinned(List.of(0, 1));
        };
        List<Pipeline> pipelines = s.placement() == Placement.PARTITIONED ? List.of(new Pipeline("p0", List.of(0, 1)))
                : List.of();
        return spec("one", 2, pipelines, List.of(task("a", flat("da", 1, 0, 2), new Arrival.Sporadic(10), 10, 0, 1, 2, b)),
                s);
    }

    @Test
    void everySchedulerHasItsTestOrAReasonForNone() {
        int tested = 0;
        int none = 0;
        for (Placement placement : Placement.values()) {
            for (Policy policy : Policy.values()) {
                for (Protocol protocol : Protocol.values()) {
                    Scheduler s = new Scheduler(placement, policy, protocol);
                    SystemSpec spec = oneTask(s);
                    Optional<String> want = expected(s);
                    Optional<ResponseTimeAnalysis> got = AnalysisCatalog.forSpec(spec);
                    assertThat(got.map(ResponseTimeAnalysis::name)).as(s.describe()).isEqualTo(want);
                    if (got.isPresent()) {
                        tested++;
                        AnalysisResult r = got.get().analyze(spec);
                        assertThat(r.allSchedulable()).as("a lone task with C = 1 <= D = 10 under %s", s.describe())
                                .isTrue();
                        continue;
                    }
                    none++;
                    for (ResponseTimeAnalysis a : AnalysisCatalog.all()) {
                        TaskBound b = a.analyze(spec).tasks().get(0);
                        assertThat(b.outcome()).as("%s on %s", a.name(), s.describe()).isEqualTo(Outcome.NOT_APPLICABLE);
                        assertThat(b.reason()).as("%s on %s", a.name(), s.describe()).isNotBlank();
                        // Global placement with per-TPU locking is not in the language (semantics §6).
                        if (protocol.perTpu() && placement == Placement.PINNED && a.name().startsWith("pinned-")
                                && a.name().contains("-" + policy.keyword() + "-")) {
                            assertThat(b.reason()).as("%s on %s", a.name(), s.describe())
                                    .contains("per-TPU locking holds TPUs while it waits");
                        }
                    }
                }
            }
        }
        // partitioned fp and edf (4 protocols each), global and pinned (3 policies x 2 all-or-nothing protocols)
        assertThat(tested).isEqualTo(8 + 6 + 6);
        assertThat(none).isEqualTo(3 * 3 * 4 - tested);
    }
}
