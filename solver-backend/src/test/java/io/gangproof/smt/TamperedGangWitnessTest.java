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
            List<Witness.InterferenceGroup> groups) {
        return new Witness.Gang(g.argument(), g.carryInRule(), g.tpus(), g.width(), g.headWidth(), g.exec(), g.jitter(),
                g.beta(), carryIn, g.carryInDualNumerator(), g.carryInDualDenominator(), groups, waitBound,
                g.jitter() + waitBound + g.exec());
    }

    private static Witness.InterferenceGroup used(Witness.InterferenceGroup f, long ru, long window) {
        return new Witness.InterferenceGroup(f.firstTask(), f.width(), f.exec(), f.period(), f.count(), f.weight(), ru,
                WitnessCheckTestSupport.workload(window, f.exec(), f.period(), ru));
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
        List<Witness.InterferenceGroup> fs = new ArrayList<>();
        for (Witness.InterferenceGroup f : g.interference()) {
            fs.add(used(f, f.responseUsed(), g.waitBound()));
        }
        Witness.Gang t = with(g, g.waitBound() - 1, g.carryIn(), fs);
        assertThat(refutation(check(b, t, t.response()))).contains("wait condition");
    }

    @Test
    void lessCarryInIsRefuted() {
        TaskBound b = task("recognize");
        Witness.Gang g = gang(b);
        assertThat(g.carryIn()).isPositive();
        assertThat(refutation(check(b, with(g, g.waitBound(), g.carryIn() - 1, g.interference()), b.responseBound().get())))
                .contains("carry-in");
    }

    @Test
    void anInterfererBoundBelowItsOwnIsRefuted() {
        TaskBound b = task("detect");
        Witness.Gang g = gang(b);
        Witness.InterferenceGroup f = g.interference().get(0);
        List<Witness.InterferenceGroup> fs = new ArrayList<>(g.interference());
        fs.set(0, used(f, f.responseUsed() - 1, g.waitBound() + 1));
        assertThat(refutation(check(b, with(g, g.waitBound(), g.carryIn(), fs), b.responseBound().get())))
                .contains("induction");
    }

    @Test
    void aWitnessLeavingOutAnInterfererIsRefuted() {
        TaskBound b = task("segment");
        Witness.Gang g = gang(b);
        assertThat(refutation(check(b, with(g, g.waitBound(), g.carryIn(), g.interference().subList(1,
                g.interference().size())), b.responseBound().get()))).contains("does not fit the spec");
    }

    @Test
    void aSmallerResponseIsRefuted() {
        TaskBound b = task("segment");
        assertThat(refutation(check(b, b.witness(), b.responseBound().get() - 1))).contains("R >= J + w + C");
    }
}
