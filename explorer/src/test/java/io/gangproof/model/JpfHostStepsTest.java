package io.gangproof.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The native peer runs deterministic code of the model on the host JVM (docs/semantics.md
 * §13): whole instants that make no choice, and after JPF's choices the counters and property
 * checks. Were it to lose a counter it wrote, write a state back wrongly or leave a half-run
 * instant behind when a choice comes, JPF would count other states than the explorer or miss
 * the violation that needs the counter to accumulate over many instants.
 */
class JpfHostStepsTest {
    /** starvation-greedy with a property that holds, so that both searches are complete. */
    private static SystemSpec spec() throws Exception {
        String text = Files.readString(BundledSpecs.path("starvation-greedy"))
                .replace("deadlines(H)", "overtakes(H) <= 40");
        return SingleBehaviourTest.spec(text);
    }

    @Test
    void countersRunOnTheHostAccumulateAndJpfCountsTheExplorersStates(@TempDir Path dir) throws Exception {
        SystemSpec spec = spec();
        long horizon = Horizons.resolve(spec, ExplorerOptions.DEFAULTS.horizon());
        ModelPlan plan = ModelPlan.of(spec, spec.properties(), horizon, Map.of());
        // the explorer's search to the horizon (no repetition check), with the same properties and counters
        Search.Outcome explorer = new Search(Explorer.instantiate(ModelGenerator.generate(plan)),
                Explorer.limits(spec, ExplorerOptions.DEFAULTS), p -> { }, -1).run();

        EmittedModel emitted = ModelEmitter.write(spec, dir, plan, ModelGenerator.generate(plan), horizon);
        JpfRunner.compile(emitted, JpfBuild.require());
        JpfRunner.JpfOutcome jpf = JpfRunner.run(emitted, JpfBuild.require(),
                Explorer.limits(spec, ExplorerOptions.DEFAULTS), Long.MAX_VALUE, horizon, -1L);

        assertThat(jpf.limitHit()).isEmpty();
        assertThat(jpf.states()).isEqualTo(explorer.states());
        // property 0, overtakes(H) <= 40, holds; property 1, inversion(H) <= 2 ms, needs 3 ticks of counting
        assertThat(jpf.violations()).containsOnlyKeys(1);
        assertThat(jpf.onHost()).as("instants, run on the host").isPositive();
        assertThat(jpf.choicePoints()).as("choices, searched by JPF").isPositive();
    }

    @Test
    void theViolationFoundThroughHostCountersReplays(@TempDir Path dir) throws Exception {
        SystemSpec spec = spec();
        List<ExplorerResult> jpf = JpfCheck.check(spec, ExplorerOptions.DEFAULTS, JpfBuild.require(), dir);
        List<ExplorerResult> explorer = Explorer.check(spec, ExplorerOptions.DEFAULTS);
        assertThat(jpf).extracting(ExplorerResult::verdict).containsExactly(Verdict.HOLDS_UP_TO, Verdict.VIOLATED);
        assertThat(explorer.get(1).verdict()).isEqualTo(Verdict.VIOLATED);
        // replayed by the reference scheduler to the same violation (JpfCheck only reports what replays)
        assertThat(((ExplorerResult.Violated) jpf.get(1)).counterexample().message()).contains("has waited");
    }

    @Test
    void aSpecWithoutChoicesRunsEveryInstantOnTheHost(@TempDir Path dir) throws Exception {
        SystemSpec spec = BundledSpecs.load("deadlock-per-tpu");
        long horizon = Horizons.resolve(spec, ExplorerOptions.DEFAULTS.horizon());
        ModelPlan plan = ModelPlan.of(spec, spec.properties(), horizon, Map.of());
        EmittedModel emitted = ModelEmitter.write(spec, dir, plan, ModelGenerator.generate(plan), horizon);
        JpfRunner.compile(emitted, JpfBuild.require());
        JpfRunner.JpfOutcome jpf = JpfRunner.run(emitted, JpfBuild.require(),
                Explorer.limits(spec, ExplorerOptions.DEFAULTS), Long.MAX_VALUE, horizon, -1L);
        assertThat(jpf.choicePoints()).isZero();
        assertThat(jpf.onHost()).isPositive();
        // the deadlock, found by the deadlock check run on the host
        assertThat(jpf.violations()).containsOnlyKeys(0);
    }
}
