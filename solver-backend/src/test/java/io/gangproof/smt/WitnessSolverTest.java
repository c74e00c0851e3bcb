package io.gangproof.smt;

import io.gangproof.analysis.AnalysisCatalog;
import io.gangproof.analysis.AnalysisResult;
import io.gangproof.analysis.TaskBound;
import io.gangproof.spec.SystemSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many checks through one {@link WitnessSolver} (one context, as {@link ProofCheck#prove} uses
 * it): among the real witnesses of every task, checked several times over, exactly one bound is one
 * tick too small; that check alone is refuted, naming its constraint, and every check after it is
 * still confirmed (nothing of one check reaches another).
 */
class WitnessSolverTest {
    private static final Duration T = Duration.ofSeconds(60);

    private static WitnessCheck.Encoding encode(SystemSpec spec, AnalysisResult result, TaskBound b, long response)
            throws WitnessCheck.Mismatch {
        TaskBound t = new TaskBound(b.task(), b.outcome(), b.reason(), Optional.of(response), b.blockingBound(),
                b.inversionBound(), b.overtakesBound(), b.witness());
        return WitnessCheck.encode(spec, result, t, WitnessCheck.Claim.response(spec.task(b.task()).deadline()))
                .orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"coral-quad-partitioned.gang", "coral-quad-strict.gang"})
    void exactlyTheOneFalseCheckOfManyIsRefutedAndNamed(String file) throws Exception {
        SystemSpec spec = Fixtures.load(file);
        AnalysisResult result = AnalysisCatalog.forSpec(spec).orElseThrow().analyze(spec);
        List<String> names = new ArrayList<>();
        List<WitnessCheck.Encoding> checks = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (TaskBound b : result.tasks()) {
                names.add(b.task());
                checks.add(encode(spec, result, b, b.responseBound().orElseThrow()));
            }
        }
        int bad = checks.size() / 2;
        TaskBound victim = result.task(names.get(bad)).orElseThrow();
        checks.set(bad, encode(spec, result, victim, victim.responseBound().orElseThrow() - 1));

        try (WitnessSolver solver = new WitnessSolver()) {
            for (int i = 0; i < checks.size(); i++) {
                WitnessVerdict v = solver.solve(checks.get(i), T);
                if (i == bad) {
                    assertThat(v).as(names.get(i)).isInstanceOf(WitnessVerdict.Refuted.class);
                    assertThat(((WitnessVerdict.Refuted) v).constraint()).contains("result: response bound R = "
                            + (victim.responseBound().orElseThrow() - 1));
                } else {
                    assertThat(v).as(names.get(i) + " (check " + i + ")").isInstanceOf(WitnessVerdict.Confirmed.class);
                }
            }
        }
    }
}
