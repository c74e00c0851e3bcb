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

/** Witnesses changed by one tick, or with a task left out, are refuted, and the reason names the constraint. */
class TamperedWitnessTest {
    private static final Duration T = Duration.ofSeconds(60);
    private static SystemSpec spec;
    private static AnalysisResult result;

    @BeforeAll
    static void analyse() {
        spec = Fixtures.load("coral-quad-partitioned.gang");
        result = AnalysisCatalog.forSpec(spec).orElseThrow().analyze(spec);
    }

    /** classify shares the narrow pipeline with the higher-priority recognize. */
    private static TaskBound classify() {
        return result.task("classify").orElseThrow();
    }

    private static Witness.NpFp fp(TaskBound b) {
        return (Witness.NpFp) b.witness();
    }

    private static TaskBound with(TaskBound b, Witness w, long response) {
        return new TaskBound(b.task(), b.outcome(), b.reason(), Optional.of(response), b.blockingBound(),
                b.inversionBound(), b.overtakesBound(), w);
    }

    private static WitnessVerdict check(TaskBound b, long limit) {
        return WitnessCheck.check(spec, result, b, WitnessCheck.Claim.response(limit), T);
    }

    private static String refutation(WitnessVerdict v) {
        assertThat(v).isInstanceOf(WitnessVerdict.Refuted.class);
        return ((WitnessVerdict.Refuted) v).constraint();
    }

    @Test
    void theRealWitnessIsConfirmed() {
        TaskBound b = classify();
        assertThat(fp(b).higherPriority()).isNotEmpty();
        assertThat(check(b, spec.task("classify").deadline())).isInstanceOf(WitnessVerdict.Confirmed.class);
    }

    @Test
    void aStartTimeOneTickEarlierIsRefuted() {
        TaskBound b = classify();
        Witness.NpFp w = fp(b);
        List<Witness.JobStart> starts = new ArrayList<>(w.starts());
        Witness.JobStart s0 = starts.get(0);
        starts.set(0, new Witness.JobStart(s0.q(), s0.w() - 1, s0.response() - 1));
        Witness.NpFp t = new Witness.NpFp(w.exec(), w.period(), w.deadline(), w.jitter(), w.blocking(),
                w.blockingTask(), w.oneTimeReload(), w.higherPriority(), w.lowerPriority(), w.busyPeriod(), w.jobs(),
                starts);
        long r = 0;
        for (Witness.JobStart s : starts) {
            r = Math.max(r, s.response());
        }
        assertThat(refutation(check(with(b, t, r), spec.task("classify").deadline()))).contains("job 0 starts");
    }

    @Test
    void aBusyPeriodOneTickShorterIsRefuted() {
        for (TaskBound b : result.tasks()) {
            Witness.NpFp w = fp(b);
            Witness.NpFp t = new Witness.NpFp(w.exec(), w.period(), w.deadline(), w.jitter(), w.blocking(),
                    w.blockingTask(), w.oneTimeReload(), w.higherPriority(), w.lowerPriority(), w.busyPeriod() - 1,
                    w.jobs(), w.starts());
            assertThat(refutation(check(with(b, t, b.responseBound().get()), spec.task(b.task()).deadline())))
                    .as(b.task()).contains("busy period");
        }
    }

    @Test
    void aSmallerResponseBoundIsRefuted() {
        for (TaskBound b : result.tasks()) {
            long r = b.responseBound().get();
            assertThat(refutation(check(with(b, b.witness(), r - 1), spec.task(b.task()).deadline())))
                    .as(b.task()).contains("R >= response of job");
        }
    }

    @Test
    void aBoundAboveTheClaimIsRefuted() {
        TaskBound b = classify();
        assertThat(refutation(check(b, b.responseBound().get() - 1))).contains("claim: R <=");
    }

    @Test
    void lessBlockingIsRefuted() {
        TaskBound b = result.task("recognize").orElseThrow();
        Witness.NpFp w = fp(b);
        assertThat(w.lowerPriority()).isNotEmpty();
        Witness.NpFp t = new Witness.NpFp(w.exec(), w.period(), w.deadline(), w.jitter(), w.blocking() - 1,
                w.blockingTask(), w.oneTimeReload(), w.higherPriority(), w.lowerPriority(), w.busyPeriod(), w.jobs(),
                w.starts());
        assertThat(refutation(check(with(b, t, b.responseBound().get()), spec.task("recognize").deadline())))
                .contains("blocking");
    }

    @Test
    void aWitnessLeavingOutAHigherPriorityTaskIsRefuted() {
        TaskBound b = classify();
        Witness.NpFp w = fp(b);
        Witness.NpFp t = new Witness.NpFp(w.exec(), w.period(), w.deadline(), w.jitter(), w.blocking(),
                w.blockingTask(), w.oneTimeReload(), List.of(), w.lowerPriority(), w.busyPeriod(), w.jobs(),
                w.starts());
        assertThat(refutation(check(with(b, t, b.responseBound().get()), spec.task("classify").deadline())))
                .contains("does not fit the spec");
    }

    @Test
    void anInterfererWithASmallerExecThanTheSpecIsRefuted() {
        TaskBound b = classify();
        Witness.NpFp w = fp(b);
        Witness.Interferer h = w.higherPriority().get(0);
        Witness.NpFp t = new Witness.NpFp(w.exec(), w.period(), w.deadline(), w.jitter(), w.blocking(),
                w.blockingTask(), w.oneTimeReload(),
                List.of(new Witness.Interferer(h.task(), h.exec() - 1, h.period(), h.jitter())), w.lowerPriority(),
                w.busyPeriod(), w.jobs(), w.starts());
        assertThat(refutation(check(with(b, t, b.responseBound().get()), spec.task("classify").deadline())))
                .contains("exec of " + h.task());
    }

    @Test
    void noWitnessIsUnknownNeverConfirmed() {
        TaskBound b = classify();
        assertThat(check(with(b, new Witness.None("test"), b.responseBound().get()), 1_000_000))
                .isInstanceOf(WitnessVerdict.Unknown.class);
    }

    @Test
    void aTamperedEdfBusyPeriodIsRefuted() throws Exception {
        SystemSpec edf = Fixtures.coralEdf();
        AnalysisResult r = AnalysisCatalog.forSpec(edf).orElseThrow().analyze(edf);
        TaskBound b = r.tasks().get(0);
        Witness.NpEdf w = (Witness.NpEdf) b.witness();
        assertThat(WitnessCheck.check(edf, r, b, WitnessCheck.Claim.response(edf.task(b.task()).deadline()),
                T)).isInstanceOf(WitnessVerdict.Confirmed.class);
        Witness.NpEdf t = new Witness.NpEdf(w.tasks(), w.oneTimeReload(), w.busyPeriod() - 1, w.pointsChecked(),
                w.tightestPoint(), w.demandAtTightest(), w.blockingAtTightest());
        assertThat(refutation(WitnessCheck.check(edf, r, with(b, t, b.responseBound().get()),
                WitnessCheck.Claim.response(edf.task(b.task()).deadline()), T))).contains("busy period");
        // ProofCheck's split check: the shared demand test is the part that refutes it.
        WitnessCheck.Split split = WitnessCheck.encodeSplit(edf, r, with(b, t, b.responseBound().get()),
                WitnessCheck.Claim.response(edf.task(b.task()).deadline())).orElseThrow();
        assertThat(refutation(WitnessCheck.solve(split.shared(), T))).contains("busy period");
        assertThat(WitnessCheck.solve(split.own(), T)).isInstanceOf(WitnessVerdict.Confirmed.class);
    }
}
