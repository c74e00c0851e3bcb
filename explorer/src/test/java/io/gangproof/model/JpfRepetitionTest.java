package io.gangproof.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Java PathFinder proves by a repetition of the reachable states (semantics §13 item 7), which
 * its peer decides from the visited states after a complete search to the horizon: where the
 * explorer proves, with the same repetition; nowhere else.
 */
class JpfRepetitionTest {
    @Test
    void starvationStrictIsProvedByTheExplorersRepetition(@TempDir Path dir) throws Exception {
        SystemSpec spec = BundledSpecs.load("starvation-strict");
        ExplorerOptions options = ExplorerOptions.DEFAULTS.withHorizon(100);
        List<ExplorerResult> explorer = Explorer.check(spec, options);
        List<ExplorerResult> jpf = JpfCheck.check(spec, options, JpfBuild.require(), dir);
        assertThat(explorer).extracting(ExplorerResult::verdict)
                .containsExactly(Verdict.PROVED, Verdict.VIOLATED, Verdict.PROVED);
        assertThat(jpf).extracting(ExplorerResult::verdict).isEqualTo(explorer.stream().map(ExplorerResult::verdict)
                .toList());
        for (int p : new int[] {0, 2}) {
            ExplorerResult.Proved e = (ExplorerResult.Proved) explorer.get(p);
            ExplorerResult.Proved j = (ExplorerResult.Proved) jpf.get(p);
            assertThat(j.repetition()).isEqualTo(e.repetition());
            // the explorer stopped at the repetition, JPF searched to the horizon
            assertThat(j.states()).isGreaterThan(e.states());
            assertThat(j.horizon()).isEqualTo(100);
        }
    }

    /**
     * The repetition is decided only from a complete run to the horizon: a probe (stopped short of
     * the horizon) and a run cut by the state limit do not hold every reachable state of every
     * instant, and prove nothing, though the states they saw may well repeat.
     */
    @Test
    void onlyACompleteRunToTheHorizonFindsTheRepetition(@TempDir Path dir) throws Exception {
        SystemSpec spec = BundledSpecs.load("starvation-strict");
        ModelPlan plan = ModelPlan.of(spec, spec.properties(), 100, Map.of());
        ModelGenerator.GeneratedModel generated = ModelGenerator.generate(plan);
        EmittedModel emitted = ModelEmitter.write(spec, dir, plan, generated, 100);
        JpfRunner.compile(emitted, JpfBuild.require());
        Optional<Search.Periodicity> periodicity = Explorer.periodicity(spec, generated);
        assertThat(periodicity).isPresent();
        ExplorerOptions options = ExplorerOptions.DEFAULTS.withHorizon(100);
        JpfRunner.JpfOutcome complete = JpfRunner.run(emitted, JpfBuild.require(), Explorer.limits(spec, options),
                Long.MAX_VALUE, 100, 0b101L, periodicity);
        ExplorerResult.Proved proved = (ExplorerResult.Proved) Explorer.check(spec, options).get(0);
        assertThat(complete.limitHit()).isEmpty();
        assertThat(complete.repetition()).hasValue(proved.repetition());

        JpfRunner.JpfOutcome probe = JpfRunner.run(emitted, JpfBuild.require(), Explorer.limits(spec, options),
                Long.MAX_VALUE, 90, 0b101L, periodicity);
        assertThat(probe.limitHit()).isEmpty();
        assertThat(probe.repetition()).as("a probe to instant 90").isEmpty();

        // more states than the explorer needs to see the repetition, fewer than JPF's whole search
        long limit = (proved.states() + complete.states()) / 2;
        JpfRunner.JpfOutcome cut = JpfRunner.run(emitted, JpfBuild.require(),
                Explorer.limits(spec, options.withMaxStates(limit)), Long.MAX_VALUE, 100, 0b101L, periodicity);
        assertThat(cut.limitHit()).hasValue("the state limit of " + limit + " states was reached");
        assertThat(cut.repetition()).isEmpty();
        ExplorerResult r = JpfCheck.check(spec, spec.properties().get(0), options.withMaxStates(limit),
                JpfBuild.require(), dir.resolve("cut"));
        assertThat(r).isInstanceOf(ExplorerResult.Unknown.class);
        assertThat(Explorer.check(spec, options.withMaxStates(limit)).get(0).verdict())
                .as("the explorer stops at the repetition, within the limit").isEqualTo(Verdict.PROVED);
    }

    /**
     * One behaviour, one state at every instant, but a backlog that grows by one job every 4 ms:
     * the number of states repeats at every instant, the states never do. Job {@code k} arrives
     * at {@code 2k} and ends at {@code 3k + 3}, so {@code response(A) <= 20 ms} first fails at
     * 56 ms (job 18 still unfinished 20 ms after its arrival): it holds up to 40 ms, and is not
     * proved.
     */
    @Test
    void statesThatNeverRepeatProveNothingThoughTheirNumberDoes(@TempDir Path dir) throws Exception {
        SystemSpec spec = SingleBehaviourTest.spec("""
                system backlog {
                  resolution 1 ms
                  platform { tpus 1 }
                  dnn slow { latency { 1: 3 ms } }
                  task A { runs slow, periodic 2 ms offset 0 ms, deadline 2 ms, priority 1 }
                  scheduler global fp with gang-strict
                  verify { response(A) <= 20 ms  deadlock-free }
                }
                """);
        ExplorerOptions options = ExplorerOptions.DEFAULTS.withHorizon(40);
        assertThat(Explorer.check(spec, options)).extracting(ExplorerResult::verdict)
                .containsExactly(Verdict.HOLDS_UP_TO, Verdict.HOLDS_UP_TO);
        assertThat(JpfCheck.check(spec, options, JpfBuild.require(), dir.resolve("40")))
                .extracting(ExplorerResult::verdict).containsExactly(Verdict.HOLDS_UP_TO, Verdict.HOLDS_UP_TO);
        ExplorerResult later = Explorer.check(spec, ExplorerOptions.DEFAULTS.withHorizon(60)).get(0);
        assertThat(later.verdict()).isEqualTo(Verdict.VIOLATED);
        assertThat(((ExplorerResult.Violated) later).counterexample().violationTime()).isEqualTo(56);
    }

    /**
     * Before Z's offset of 43 ms the states repeat every 5 ms (semantics §13 item 7 waits for the
     * last offset and period, {@code t0 = 43}, and the hyperperiod is 10 ms): a repetition seen
     * before {@code t0 + P} proves nothing. JPF finds what the explorer finds, at 53 ms; the
     * violation at 50 ms, before it, stays a violation.
     */
    @Test
    void aRepetitionBeforeTheLastOffsetProvesNothing(@TempDir Path dir) throws Exception {
        SystemSpec spec = SingleBehaviourTest.spec("""
                system late_offset {
                  resolution 1 ms
                  platform { tpus 1 }
                  dnn small { latency { 1: 2 ms } }
                  dnn big { latency { 1: 6 ms } }
                  task A { runs small, periodic 5 ms offset 0 ms, priority 2 }
                  task Z { runs big, periodic 10 ms offset 43 ms, priority 1 }
                  scheduler global fp with gang-strict
                  verify { deadlines(A)  deadlock-free }
                }
                """);
        ExplorerOptions options = ExplorerOptions.DEFAULTS.withHorizon(60);
        List<ExplorerResult> explorer = Explorer.check(spec, options);
        List<ExplorerResult> jpf = JpfCheck.check(spec, options, JpfBuild.require(), dir);
        assertThat(explorer).extracting(ExplorerResult::verdict).containsExactly(Verdict.VIOLATED, Verdict.PROVED);
        assertThat(((ExplorerResult.Proved) explorer.get(1)).repetition())
                .isEqualTo(new ExplorerResult.Repetition(10, 53));
        assertThat(jpf).extracting(ExplorerResult::verdict).containsExactly(Verdict.VIOLATED, Verdict.PROVED);
        assertThat(((ExplorerResult.Proved) jpf.get(1)).repetition()).isEqualTo(new ExplorerResult.Repetition(10, 53));
        assertThat(((ExplorerResult.Violated) jpf.get(0)).counterexample().violationTime()).isEqualTo(50);
    }
}
