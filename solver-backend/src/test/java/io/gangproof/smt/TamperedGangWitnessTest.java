package io.gangproof.smt;

import io.gangproof.analysis.AnalysisCatalog;
import io.gangproof.analysis.AnalysisResult;
import io.gangproof.analysis.TaskBound;
import io.gangproof.analysis.Witness;
import io.gangproof.spec.SystemSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Global gang-strict witnesses of coral-quad-strict, changed by a tick or a task, are refuted. */
class TamperedGangWitnessTest {
    private static final Duration T = Duration.ofSeconds(60);
    private static SystemSpec spec;
    private static AnalysisResult result;

    @BeforeAll
    static void analyse() {
        spec = Fixtures.load("coral-quad-strict.gang");
        result = AnalysisCatalog.forSpec(spec).orElseThrow().analyze(spec);
    }

    /** The lowest-priority task: interferers and (none) carry-in. */
    private static TaskBound task(String name) {
        return result.task(name).orElseThrow();
    }

    private static Witness.Gang gang(TaskBound b) {
        return (Witness.Gang) b.witness();
    }

    private static Witness.Gang with(Witness.Gang g, long waitBound, long carryIn,
            List<Witness.GangInterferer> interferers) {
        return new Witness.Gang(g.argument(), g.tpus(), g.width(), g.headWidth(), g.exec(), g.jitter(), g.beta(),
                carryIn, g.carryInCandidates(), g.carryInChoice(), interferers, waitBound,
                g.jitter() + waitBound + g.exec());
    }

    private static WitnessVerdict check(TaskBound b, Witness w, long response) {
        TaskBound t = new TaskBound(b.task(), b.outcome(), b.reason(), Optional.of(response), b.blockingBound(),
                b.inversionBound(), b.overtakesBound(), w);
        return WitnessCheck.check(spec, result, t, WitnessCheck.Claim.response(spec.task(b.task()).deadline()), T);
    }

    private static String refutation(WitnessVerdict v) {
        assertThat(v).isInstanceOf(WitnessVerdict.Refuted.class);
        return ((WitnessVerdict.Refuted) v).constraint();
    }

    @Test
    void everyRealWitnessIsConfirmed() {
        for (TaskBound b : result.tasks()) {
            assertThat(b.witness()).isInstanceOf(Witness.Gang.class);
            assertThat(check(b, b.witness(), b.responseBound().get())).as(b.task())
                    .isInstanceOf(WitnessVerdict.Confirmed.class);
        }
    }

    @Test
    void aShorterWaitIsRefuted() {
        TaskBound b = task("segment");
        Witness.Gang g = gang(b);
        assertThat(g.waitBound()).isPositive();
        Witness.Gang t = with(g, g.waitBound() - 1, g.carryIn(), g.interferers());
        List<Witness.GangInterferer> fs = new ArrayList<>();
        for (Witness.GangInterferer f : g.interferers()) {
            long wl = WitnessCheckTestSupport.workload(g.waitBound(), f.exec(), f.period(), f.responseUsed());
            fs.add(new Witness.GangInterferer(f.task(), f.width(), f.weight(), f.exec(), f.period(), f.responseUsed(), wl));
        }
        t = with(g, g.waitBound() - 1, g.carryIn(), fs);
        assertThat(refutation(check(b, t, t.response()))).contains("wait condition");
    }

    @Test
    void lessCarryInIsRefuted() {
        TaskBound b = task("recognize");
        Witness.Gang g = gang(b);
        assertThat(g.carryIn()).isPositive();
        assertThat(refutation(check(b, with(g, g.waitBound(), g.carryIn() - 1, g.interferers()), b.responseBound().get())))
                .contains("carry-in");
    }

    @Test
    void anInterfererBoundBelowItsOwnIsRefuted() {
        TaskBound b = task("detect");
        Witness.Gang g = gang(b);
        Witness.GangInterferer f = g.interferers().get(0);
        long ru = f.responseUsed() - 1;
        List<Witness.GangInterferer> fs = List.of(new Witness.GangInterferer(f.task(), f.width(), f.weight(), f.exec(),
                f.period(), ru, WitnessCheckTestSupport.workload(g.waitBound() + 1, f.exec(), f.period(), ru)));
        assertThat(refutation(check(b, with(g, g.waitBound(), g.carryIn(), fs), b.responseBound().get())))
                .contains("induction");
    }

    @Test
    void aWitnessLeavingOutAnInterfererIsRefuted() {
        TaskBound b = task("segment");
        Witness.Gang g = gang(b);
        assertThat(refutation(check(b, with(g, g.waitBound(), g.carryIn(), g.interferers().subList(1,
                g.interferers().size())), b.responseBound().get()))).contains("does not fit the spec");
    }

    @Test
    void aSmallerResponseIsRefuted() {
        TaskBound b = task("segment");
        assertThat(refutation(check(b, b.witness(), b.responseBound().get() - 1))).contains("R >= J + w + C");
    }
}
