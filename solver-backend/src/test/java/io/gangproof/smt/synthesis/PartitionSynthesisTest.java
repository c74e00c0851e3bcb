package io.gangproof.smt.synthesis;

import io.gangproof.analysis.AnalysisCatalog;
import io.gangproof.analysis.AnalysisResult;
import io.gangproof.analysis.AssignmentResult;
import io.gangproof.analysis.PartitionAssignment;
import io.gangproof.analysis.TaskBound;
import io.gangproof.smt.ProofCheck;
import io.gangproof.smt.ProofOutcome;
import io.gangproof.spec.Binding;
import io.gangproof.spec.Pipeline;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import io.gangproof.spec.parse.SpecLoader;
import net.jqwik.api.ForAll;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Synthesis against the heuristic, re-verification of every output, the coral case study, timeouts. */
class PartitionSynthesisTest {
    static final Path SPECS = Path.of("..", "case-studies", "specs");

    @Test
    void coralSynthesisIsNoWorseThanTheHeuristicAndReverifies() {
        SystemSpec spec = SpecLoader.load(SPECS.resolve("coral-synthesis.gang")).orThrow();
        AssignmentResult h = new PartitionAssignment(true).assign(spec);
        assertThat(h.found()).isTrue();
        int heuristic = SynthesisResult.tpusUsedBy(h.spec().get());
        assertThat(heuristic).isEqualTo(8); // pipelines of 6 and 2 TPUs, as the spec says
        SynthesisResult r = new PartitionSynthesis().synthesize(spec, Duration.ofSeconds(30));
        assertThat(r.status()).as(r.explanation()).isEqualTo(SynthesisResult.Status.OPTIMAL);
        assertThat(r.tpusProvedMinimal()).isTrue();
        assertThat(r.tpusUsed()).isLessThanOrEqualTo(heuristic);
        assertReverifies(r);
    }

    @net.jqwik.api.Property(tries = 60)
    void neverWorseThanTheHeuristicAndAlwaysReverifies(@ForAll long seed) {
        Random rnd = new Random(seed);
        SystemSpec spec = SynthesisSpecs.drawn(rnd, 3, 6, 5, 0.1);
        SynthesisResult r = new PartitionSynthesis().synthesize(spec, Duration.ofSeconds(20));
        Statistics.label("status").collect(r.status());
        assertThat(r.status()).as(r.explanation()).isIn(SynthesisResult.Status.OPTIMAL,
                SynthesisResult.Status.INFEASIBLE);
        for (boolean reassign : new boolean[] {true, false}) {
            AssignmentResult h = new PartitionAssignment(reassign).assign(spec);
            if (h.found()) {
                assertThat(r.status()).as("heuristic found one: " + r.explanation())
                        .isEqualTo(SynthesisResult.Status.OPTIMAL);
                assertThat(r.tpusUsed()).isLessThanOrEqualTo(SynthesisResult.tpusUsedBy(h.spec().get()));
                if (reassign || spec.scheduler().policy() == Policy.FP) {
                    Statistics.label("vs heuristic (reassign " + reassign + ")").collect(
                            r.tpusUsed() < SynthesisResult.tpusUsedBy(h.spec().get()) ? "fewer TPUs" : "same TPUs");
                }
            }
        }
        if (r.found()) {
            assertReverifies(r);
        }
        // The heuristic only seeds the search: the search alone reaches the same optimum.
        SynthesisResult alone = new PartitionSynthesis(2_000_000L, false).synthesize(spec, Duration.ofSeconds(20));
        assertThat(alone.status()).as(alone.explanation()).isEqualTo(r.status());
        assertThat(alone.tpusUsed()).isEqualTo(r.tpusUsed());
        assertThat(alone.smallestSlack()).isEqualTo(r.smallestSlack());
    }

    @Test
    void aTinyTimeoutNeverClaimsOptimality() {
        Random rnd = new Random(7);
        for (int i = 0; i < 5; i++) {
            SystemSpec spec = SynthesisSpecs.random(rnd, 20, 8, Policy.FP, false, 0.7);
            SynthesisResult r = new PartitionSynthesis().synthesize(spec, Duration.ofNanos(1));
            assertThat(r.status()).as(r.explanation()).isIn(SynthesisResult.Status.FEASIBLE,
                    SynthesisResult.Status.UNKNOWN);
            if (r.found()) {
                assertReverifies(r);
            }
        }
    }

    @Test
    void notApplicableWithoutChoicesOrUnderGlobalOrFifo() {
        SystemSpec fixed = SpecLoader.load(SPECS.resolve("coral-quad-partitioned.gang")).orThrow();
        assertThat(new PartitionSynthesis().synthesize(fixed).status()).isEqualTo(SynthesisResult.Status.NOT_APPLICABLE);
        SystemSpec global = SpecLoader.load(SPECS.resolve("coral-quad-strict.gang")).orThrow();
        assertThat(new PartitionSynthesis().synthesize(global).status())
                .isEqualTo(SynthesisResult.Status.NOT_APPLICABLE);
    }

    static void assertReverifies(SynthesisResult r) {
        SystemSpec out = r.spec().orElseThrow();
        Set<Integer> seen = new HashSet<>();
        for (Pipeline p : out.platform().pipelines()) {
            for (int x : p.tpus()) {
                assertThat(seen.add(x)).as("pipelines are disjoint").isTrue();
                assertThat(x).isBetween(0, out.platform().tpus() - 1);
            }
        }
        Set<Integer> prios = new HashSet<>();
        for (Task t : out.tasks()) {
            assertThat(prios.add(t.priority())).as("distinct priorities").isTrue();
            assertThat(t.binding()).isInstanceOf(Binding.OnPipeline.class);
            assertThat(t.levelFixed()).isTrue();
            Pipeline p = out.platform().pipeline(((Binding.OnPipeline) t.binding()).pipeline()).orElseThrow();
            assertThat(p.size()).isEqualTo(t.level());
        }
        assertThat(SynthesisResult.tpusUsedBy(out)).isEqualTo(r.tpusUsed());
        AnalysisResult a = AnalysisCatalog.forSpec(out).orElseThrow().analyze(out);
        long min = Long.MAX_VALUE;
        for (TaskBound b : a.tasks()) {
            assertThat(b.schedulable()).as(b.reason()).isTrue();
            min = Math.min(min, out.task(b.task()).deadline() - b.responseBound().orElseThrow());
        }
        assertThat(min).isEqualTo(r.smallestSlack());
        ProofOutcome p = ProofCheck.prove(out, new Property.Deadlines(Optional.empty()), Optional.empty(),
                Duration.ofSeconds(30));
        assertThat(p).as(p.toString()).isInstanceOf(ProofOutcome.Proved.class);
    }
}
