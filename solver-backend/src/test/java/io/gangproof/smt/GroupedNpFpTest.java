package io.gangproof.smt;

import io.gangproof.analysis.AnalysisCatalog;
import io.gangproof.analysis.AnalysisResult;
import io.gangproof.analysis.TaskBound;
import io.gangproof.analysis.Witness;
import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.parse.SpecLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * NpFp checks write one demand term per kind of higher-priority task (equal C, T, J), times the
 * number of its tasks: such a certificate is confirmed (and re-checked by cvc5 when installed),
 * and a start one tick too early is still refuted.
 */
class GroupedNpFpTest {
    private static final Duration T = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    /** One pipeline: four equal tasks a0..a3 above b, c below (the same C as a: blocking grouped too). */
    private static SystemSpec spec() {
        StringBuilder s = new StringBuilder("system grouped {\n  resolution 1 us\n  platform {\n    tpus 1\n"
                + "    pipeline p = [0]\n  }\n  dnn d { latency { 1: 10 us } }\n");
        for (int i = 0; i < 4; i++) {
            s.append("  task a").append(i).append(" { runs d, periodic 1000 us, priority ").append(i + 1)
                    .append(", pipeline p }\n");
        }
        s.append("  task b { runs d, periodic 2000 us, priority 5, pipeline p }\n");
        s.append("  task c { runs d, periodic 4000 us, priority 6, pipeline p }\n");
        s.append("  scheduler partitioned fp with gang-strict\n  verify {\n    deadlines\n  }\n}\n");
        return SpecLoader.loadText("grouped.gang", s.toString(), Path.of(".")).orThrow();
    }

    @Test
    void equalInterferersAreOneTermAndStillChecked() throws Exception {
        SystemSpec spec = spec();
        ProofOutcome o = ProofCheck.prove(spec, new Property.Deadlines(Optional.empty()), Optional.of(dir), T);
        assertThat(o).isInstanceOf(ProofOutcome.Proved.class);
        Path b = ((ProofOutcome.Proved) o).certificates().stream().filter(p -> p.toString().endsWith(".b.smt2"))
                .findFirst().orElseThrow();
        String text = Files.readString(b);
        assertThat(text).contains("4 tasks from a0 (equal C, T, J)");
        Optional<Path> cvc5 = Cvc5.locate();
        if (cvc5.isPresent()) {
            for (Path c : ((ProofOutcome.Proved) o).certificates()) {
                assertThat(Cvc5.answer(cvc5.get(), c)).as(c.toString()).isEqualTo("sat");
            }
        }

        AnalysisResult result = AnalysisCatalog.forSpec(spec).orElseThrow().analyze(spec);
        TaskBound tb = result.task("b").orElseThrow();
        Witness.NpFp w = (Witness.NpFp) tb.witness();
        List<Witness.JobStart> starts = new ArrayList<>(w.starts());
        Witness.JobStart s0 = starts.get(0);
        starts.set(0, new Witness.JobStart(s0.q(), s0.w() - 1, s0.response() - 1));
        Witness.NpFp early = new Witness.NpFp(w.exec(), w.period(), w.deadline(), w.jitter(), w.blocking(),
                w.blockingTask(), w.oneTimeReload(), w.higherPriority(), w.lowerPriority(), w.busyPeriod(), w.jobs(),
                starts);
        long r = 0;
        for (Witness.JobStart s : starts) {
            r = Math.max(r, s.response());
        }
        TaskBound t = new TaskBound(tb.task(), tb.outcome(), tb.reason(), Optional.of(r), tb.blockingBound(),
                tb.inversionBound(), tb.overtakesBound(), early);
        WitnessVerdict v = WitnessCheck.check(spec, result, t, WitnessCheck.Claim.response(spec.task("b").deadline()), T);
        assertThat(v).isInstanceOf(WitnessVerdict.Refuted.class);
        assertThat(((WitnessVerdict.Refuted) v).constraint()).contains("job 0 starts");
    }
}
