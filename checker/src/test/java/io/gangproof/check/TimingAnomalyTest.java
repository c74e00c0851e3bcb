package io.gangproof.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.model.Explorer;
import io.gangproof.model.ExplorerOptions;
import io.gangproof.model.ExplorerResult;
import io.gangproof.scheduler.ReferenceScheduler;
import io.gangproof.scheduler.check.TraceChecker;
import io.gangproof.scheduler.scenario.SynchronousScenario;
import io.gangproof.scheduler.trace.Trace;
import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Verdict;
import io.gangproof.spec.parse.SpecLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Global non-preemptive gang scheduling is not sustainable: a job finishing early makes another miss. */
class TimingAnomalyTest {
    static final SystemSpec SPEC = SpecLoader.load(Path.of("..", "case-studies", "specs", "timing-anomaly.gang"))
            .orThrow();
    static final Property DEADLINES_H = SPEC.properties().get(0);

    @Test
    void aSimulationWithWorstCaseExecutionTimesMissesIt() {
        Trace wcet = ReferenceScheduler.run(SPEC, SynchronousScenario.of(SPEC, 20), 20);
        assertThat(TraceChecker.check(SPEC, wcet, DEADLINES_H)).isEmpty();
        assertThat(wcet.job("H#0").start()).hasValue(2);
        assertThat(wcet.job("H#0").finish()).hasValue(3);
    }

    @Test
    void theExplorerFindsTheEarlyFinishThatMakesHMiss() {
        ExplorerResult r = Explorer.check(SPEC, DEADLINES_H, ExplorerOptions.DEFAULTS);
        assertThat(r.verdict()).isEqualTo(Verdict.VIOLATED);
        var jobs = ((ExplorerResult.Violated) r).counterexample().jobs();
        var a = jobs.stream().filter(j -> j.task().equals("A")).findFirst().orElseThrow();
        assertThat(a.execTime()).as("A finishes early").hasValue(1);
        var l = jobs.stream().filter(j -> j.task().equals("L")).findFirst().orElseThrow();
        assertThat(l.start()).as("L takes the TPU A left").hasValue(1);
    }
}
