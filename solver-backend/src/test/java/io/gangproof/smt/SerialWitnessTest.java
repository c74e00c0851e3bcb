package io.gangproof.smt;

import io.gangproof.analysis.AnalysisCatalog;
import io.gangproof.analysis.AnalysisResult;
import io.gangproof.analysis.GlobalSerialResponseTime;
import io.gangproof.analysis.TaskBound;
import io.gangproof.analysis.Witness;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.parse.SpecLoader;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code global-fp-serial} witnesses (docs/analysis.md §5e) are {@code NpFp} witnesses over the
 * task set re-derived from the spec as one partition of all TPUs: confirmed as they are, refuted
 * with one tick less blocking, and refuted on a spec where two jobs can run at once.
 */
class SerialWitnessTest {
    private static final Duration T = Duration.ofSeconds(60);

    private static SystemSpec spec(int narrowWidth, String protocol) {
        String text = """
                system serial {
                  resolution 1 ms
                  platform { tpus 3 }
                  dnn big { latency { 2: 2 ms, 3: 1 ms } reload 1 ms }
                  dnn other { latency { 1: 4 ms, 2: 3 ms, 3: 2 ms } }
                  task H { runs big sporadic 9 ms deadline 9 ms jitter 1 ms priority 1 tpus 3 }
                  task M { runs other sporadic 12 ms deadline 12 ms priority 2 tpus %d }
                  task L { runs big sporadic 20 ms deadline 20 ms priority 3 tpus 2 }
                  scheduler global fp with %s
                }
                """.formatted(narrowWidth, protocol);
        return SpecLoader.loadText("serial.gang", text, Fixtures.SPECS).orThrow();
    }

    @Test
    void serialWitnessesAreConfirmedAndTamperedOnesRefuted() {
        for (String protocol : new String[] {"gang-strict", "gang-greedy"}) {
            SystemSpec spec = spec(2, protocol);
            AnalysisResult r = AnalysisCatalog.byName(GlobalSerialResponseTime.NAME).orElseThrow().analyze(spec);
            for (TaskBound b : r.tasks()) {
                long bound = b.responseBound().orElseThrow();
                assertThat(WitnessCheck.check(spec, r, b, WitnessCheck.Claim.response(bound), T)).as("%s %s", protocol,
                        b.task()).isInstanceOf(WitnessVerdict.Confirmed.class);
                assertThat(WitnessCheck.check(spec, r, b, WitnessCheck.Claim.inversion(b.inversionBound().orElseThrow()),
                        T)).as("%s %s inversion", protocol, b.task()).isInstanceOf(WitnessVerdict.Confirmed.class);
            }
            TaskBound m = r.task("M").orElseThrow();
            Witness.NpFp w = (Witness.NpFp) m.witness();
            assertThat(w.blocking()).isEqualTo(2L);
            Witness.NpFp less = new Witness.NpFp(w.exec(), w.period(), w.deadline(), w.jitter(), w.blocking() - 1,
                    w.blockingTask(), w.oneTimeReload(), w.higherPriority(), w.lowerPriority(), w.busyPeriod(), w.jobs(),
                    w.starts());
            TaskBound tampered = new TaskBound(m.task(), m.outcome(), m.reason(), m.responseBound(), m.blockingBound(),
                    m.inversionBound(), m.overtakesBound(), less);
            assertThat(WitnessCheck.check(spec, r, tampered, WitnessCheck.Claim.response(m.responseBound().get()), T))
                    .isInstanceOf(WitnessVerdict.Refuted.class);
        }
    }

    @Test
    void aWitnessForANonSerialSpecIsRefuted() {
        SystemSpec serial = spec(2, "gang-strict");
        AnalysisResult r = AnalysisCatalog.byName(GlobalSerialResponseTime.NAME).orElseThrow().analyze(serial);
        TaskBound h = r.task("H").orElseThrow();
        SystemSpec parallel = spec(1, "gang-strict");
        WitnessVerdict v = WitnessCheck.check(parallel, r, h, WitnessCheck.Claim.response(h.responseBound().get()), T);
        assertThat(v).isInstanceOf(WitnessVerdict.Refuted.class);
        assertThat(((WitnessVerdict.Refuted) v).constraint()).contains("serialised");
        assertThat(new GlobalSerialResponseTime().appliesTo(parallel)).isFalse();
    }
}
