package io.gangproof.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.model.ExplorerEngine;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Verdict;
import io.gangproof.spec.parse.SpecLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalysisEngineTest {
    /* One TPU, two tasks: b (lower) blocks a for at most 3 - 1 ticks, so R_a = 2 + 2 = 4 (semantics §5). */
    static final SystemSpec SPEC = SpecLoader.loadText("p.gang", """
            system p {
              resolution 1 ms
              platform { tpus 1, pipeline solo = [0] }
              dnn fast { latency { 1: 2 ms } }
              dnn slow { latency { 1: 3 ms } }
              task a { runs fast, sporadic 10 ms, priority 1, pipeline solo }
              task b { runs slow, sporadic 10 ms, priority 2, pipeline solo }
              scheduler partitioned fp
              verify {
                response(a) <= bound
                deadlines
                horizon 30 ms
              }
            }
            """, Path.of(".")).orThrow();

    @Test
    void theAnalysisBoundIsReportedAndConfrontedWithEveryBehaviour() {
        Checker checker = new Checker(List.of(new AnalysisEngine(), new ExplorerEngine()));
        SpecReport report = checker.check("p.gang", SPEC, CheckOptions.DEFAULTS);

        PropertyResult response = report.results().get(0);
        assertThat(response.bound()).as("the analysis' number").contains(4L);
        // the explorer's states repeat (hyperperiod 10 ms) before the horizon: the bound holds for all time
        assertThat(response.verdict()).isEqualTo(Verdict.PROVED);
        assertThat(response.engine()).isEqualTo("explorer");

        PropertyResult alone = new AnalysisEngine().check(SPEC, SPEC.properties().get(0), CheckOptions.DEFAULTS)
                .orElseThrow();
        assertThat(alone.verdict()).as("no PROVED without a checked witness").isEqualTo(Verdict.UNKNOWN);
        assertThat(alone.reason().orElseThrow()).contains("bound 4 ms", "PROVED only when Z3 confirms");
    }

    @Test
    void theGreedyAnalysisRefusesTheStarvationExample() {
        SystemSpec greedy = SpecLoader.load(Path.of("..", "case-studies", "specs", "starvation-greedy.gang")).orThrow();
        PropertyResult r = new AnalysisEngine().check(greedy, greedy.properties().get(0), CheckOptions.DEFAULTS)
                .orElseThrow();
        assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(r.reason().orElseThrow()).contains("not schedulable by this test");
        assertThat(AnalysisEngine.derivedBounds(greedy)).isEmpty();
    }
}
