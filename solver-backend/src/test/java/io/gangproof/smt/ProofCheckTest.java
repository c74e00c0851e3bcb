package io.gangproof.smt;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Solver;
import com.microsoft.z3.Status;
import io.gangproof.analysis.AnalysisCatalog;
import io.gangproof.analysis.CarryInRule;
import io.gangproof.analysis.GlobalGangGreedyResponseTime;
import io.gangproof.analysis.GlobalGangStrictResponseTime;
import io.gangproof.analysis.Witness;
import io.gangproof.spec.Bound;
import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class ProofCheckTest {
    private static final Duration T = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void everyCoralTaskIsProvedAndEachCertificateRechecksInAFreshContext() throws IOException {
        SystemSpec spec = Fixtures.load("coral-quad-partitioned.gang");
        for (Task t : spec.tasks()) {
            ProofOutcome o = ProofCheck.prove(spec, new Property.Deadlines(Optional.of(t.name())), Optional.of(dir), T);
            assertThat(o).as(t.name()).isInstanceOf(ProofOutcome.Proved.class);
            ProofOutcome.Proved p = (ProofOutcome.Proved) o;
            assertThat(p.analysis()).isEqualTo("partitioned-np-fp");
            assertThat(p.bound()).isLessThanOrEqualTo(t.deadline());
            assertThat(p.certificates()).hasSize(1);
            assertThat(recheck(p.certificates().get(0))).isEqualTo(Status.SATISFIABLE);
        }
        ProofOutcome all = ProofCheck.prove(spec, new Property.Deadlines(Optional.empty()), Optional.of(dir), T);
        assertThat(all).isInstanceOf(ProofOutcome.Proved.class);
        assertThat(((ProofOutcome.Proved) all).certificates()).hasSize(spec.tasks().size());
        for (Path c : ((ProofOutcome.Proved) all).certificates()) {
            String text = Files.readString(c);
            assertThat(text).contains("(set-logic QF_LIA)", "(check-sat)", "; spec: " + spec.name(),
                    "partitioned-np-fp");
            assertThat(recheck(c)).isEqualTo(Status.SATISFIABLE);
        }
    }

    @Test
    void theSpecsOwnResponseAndInversionPropertiesAreProved() throws IOException {
        SystemSpec spec = Fixtures.load("coral-quad-partitioned.gang");
        for (Property p : spec.properties()) {
            ProofOutcome o = ProofCheck.prove(spec, p, Optional.of(dir), T);
            if (p instanceof Property.Overtakes || p instanceof Property.DeadlockFree) {
                // Protocol properties: proved by induction (docs/smt.md §10), not by the analysis.
                assertThat(o).isInstanceOf(ProofOutcome.NotProved.class);
            } else {
                assertThat(o).as(p.toString()).isInstanceOf(ProofOutcome.Proved.class);
                for (Path c : ((ProofOutcome.Proved) o).certificates()) {
                    assertThat(recheck(c)).isEqualTo(Status.SATISFIABLE);
                }
            }
        }
    }

    @Test
    void numbersBelowTheAnalysisBoundAreNotProved() {
        SystemSpec spec = Fixtures.load("coral-quad-partitioned.gang");
        ProofOutcome.Proved p = (ProofOutcome.Proved) ProofCheck.prove(spec,
                new Property.Response("recognize", new Bound.FromAnalysis()), Optional.empty(), T);
        assertThat(ProofCheck.prove(spec, new Property.Response("recognize", new Bound.Value(p.bound())),
                Optional.empty(), T)).isInstanceOf(ProofOutcome.Proved.class);
        assertThat(ProofCheck.prove(spec, new Property.Response("recognize", new Bound.Value(p.bound() - 1)),
                Optional.empty(), T)).isInstanceOf(ProofOutcome.NotProved.class);
    }

    @Test
    void partitionedEdfIsProved() throws IOException {
        SystemSpec spec = Fixtures.coralEdf();
        ProofOutcome o = ProofCheck.prove(spec, new Property.Deadlines(Optional.empty()), Optional.of(dir), T);
        assertThat(o).isInstanceOf(ProofOutcome.Proved.class);
        assertThat(((ProofOutcome.Proved) o).analysis()).isEqualTo("partitioned-np-edf");
        for (Path c : ((ProofOutcome.Proved) o).certificates()) {
            assertThat(recheck(c)).isEqualTo(Status.SATISFIABLE);
        }
    }

    /**
     * Each pipeline's demand test is solved and saved once (a file naming no task), and each task's
     * own file (its bound and claim) says that it rests on it; every file re-checks.
     */
    @Test
    void edfDemandTestsAreCheckedOncePerPipeline() throws IOException {
        SystemSpec spec = Fixtures.coralEdf();
        Set<String> pipelines = new TreeSet<>();
        for (Task t : spec.tasks()) {
            pipelines.add(Partition.of(spec, t.name()).orElseThrow().pipeline());
        }
        ProofOutcome o = ProofCheck.prove(spec, new Property.Deadlines(Optional.empty()), Optional.of(dir), T);
        assertThat(o).isInstanceOf(ProofOutcome.Proved.class);
        List<Path> certs = ((ProofOutcome.Proved) o).certificates();
        assertThat(certs).hasSize(spec.tasks().size() + pipelines.size());
        Set<String> shared = new TreeSet<>();
        for (Path c : certs) {
            String text = Files.readString(c);
            assertThat(recheck(c)).isEqualTo(Status.SATISFIABLE);
            if (text.contains("; pipeline: ")) {
                assertThat(text).doesNotContain("; task: ", "; claim: response");
                shared.add(c.getFileName().toString());
            } else {
                assertThat(text).contains("; task: ", "rests on the demand test of pipeline");
            }
        }
        assertThat(shared).hasSize(pipelines.size());
    }

    @Test
    void whatTheAnalysisDoesNotAcceptIsNotProved() {
        SystemSpec greedy = Fixtures.load("starvation-greedy.gang");
        assertThat(ProofCheck.prove(greedy, new Property.Deadlines(Optional.empty()), Optional.empty(), T))
                .isInstanceOf(ProofOutcome.NotProved.class);
        SystemSpec coral = Fixtures.load("coral-quad-partitioned.gang");
        ProofOutcome d = ProofCheck.prove(coral, new Property.DeadlockFree(), Optional.empty(), T);
        assertThat(d).isEqualTo(new ProofOutcome.NotProved("not an analysis property"));
    }

    @Test
    void globalGangStrictIsProvedWhereTheAnalysisAccepts() throws IOException {
        SystemSpec strict = Fixtures.load("starvation-strict.gang");
        assertThat(ProofCheck.prove(strict, new Property.Deadlines(Optional.empty()), Optional.empty(), T))
                .isInstanceOf(ProofOutcome.NotProved.class);
        ProofOutcome h = ProofCheck.prove(strict, new Property.Deadlines(Optional.of("H")), Optional.of(dir), T);
        assertThat(h).isInstanceOf(ProofOutcome.Proved.class);
        assertThat(((ProofOutcome.Proved) h).analysis()).isEqualTo(GlobalGangStrictResponseTime.tightest().name());
        SystemSpec coral = Fixtures.load("coral-quad-strict.gang");
        for (Task t : coral.tasks()) {
            ProofOutcome o = ProofCheck.prove(coral, new Property.Deadlines(Optional.of(t.name())), Optional.of(dir), T);
            assertThat(o).as(t.name()).isInstanceOf(ProofOutcome.Proved.class);
            // Priority induction: every higher-priority task's witness is checked (and saved) too;
            // first overrun (§5c): every task's, since one bound stands only if all do.
            Witness w = AnalysisCatalog.forSpec(coral).orElseThrow().analyze(coral).task(t.name()).orElseThrow()
                    .witness();
            boolean induction = ((Witness.Gang) w).argument().equals("priority-induction");
            assertThat(((ProofOutcome.Proved) o).certificates()).hasSize(induction ? t.priority()
                    : coral.tasks().size());
            for (Path c : ((ProofOutcome.Proved) o).certificates()) {
                assertThat(recheck(c)).isEqualTo(Status.SATISFIABLE);
            }
        }
    }

    @Test
    void gangGreedyChainsAreProvedWithEveryTasksCertificate() throws IOException {
        SystemSpec greedy = Fixtures.load("coral-quad-greedy.gang");
        for (Task t : greedy.tasks()) {
            ProofOutcome o = ProofCheck.prove(greedy, new Property.Deadlines(Optional.of(t.name())), Optional.of(dir), T);
            assertThat(o).as(t.name()).isInstanceOf(ProofOutcome.Proved.class);
            assertThat(((ProofOutcome.Proved) o).analysis())
                    .isEqualTo(new GlobalGangGreedyResponseTime(CarryInRule.ONE_PER_TASK_DP_WINDOW).name());
            // First-miss: one task's bound stands only if every task passes, so all are checked.
            assertThat(((ProofOutcome.Proved) o).certificates()).hasSize(greedy.tasks().size());
            for (Path c : ((ProofOutcome.Proved) o).certificates()) {
                assertThat(recheck(c)).isEqualTo(Status.SATISFIABLE);
            }
        }
    }

    @Test
    void aTinyTimeoutIsNeverConfirmed() {
        // Whatever z3 manages in 1 ms, the answer is Confirmed only on sat; otherwise Unknown.
        SystemSpec spec = Fixtures.load("coral-quad-partitioned.gang");
        ProofOutcome o = ProofCheck.prove(spec, new Property.Deadlines(Optional.empty()), Optional.empty(),
                Duration.ofMillis(1));
        if (o instanceof ProofOutcome.NotProved) {
            assertThat(((ProofOutcome.NotProved) o).reason()).doesNotContain("refuted");
        }
    }

    /** Re-checks a saved certificate with a fresh Z3 context, from the file alone. */
    static Status recheck(Path file) throws IOException {
        try (Context ctx = new Context()) {
            BoolExpr[] fs = ctx.parseSMTLIB2String(Files.readString(file), null, null, null, null);
            Solver s = ctx.mkSolver();
            s.add(fs);
            return s.check();
        }
    }
}
