package io.gangproof.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.spec.Bound;
import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Verdict;
import io.gangproof.spec.parse.SpecLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Specs whose behaviours are few enough to work out by hand. */
class SingleBehaviourTest {
    static SystemSpec spec(String text) {
        return SpecLoader.loadText("test.gang", text, Path.of(".")).orThrow();
    }

    /*
     * m = 2, global fp gang-strict, exact latencies, known offsets: one behaviour.
     *   0: Y#0 on TPU 0 (0..3), Z#0 on TPU 1 (0..4)     1: X#0 arrives, needs both TPUs
     *   4: X#0 runs 4..6 (response 5)                   5: Y#1 arrives, waits for X
     *   6: Y#1 runs 6..9 (response 4)                  10: Y#2 10..13, Z#1 10..14
     *  11: X#1 waits, runs 14..16 (response 5)         15: Y#3 waits, runs 16..19 (response 4)
     *  20: Y#4, Z#2 start; they finish after the horizon.
     */
    static final String ONE_BEHAVIOUR = """
            system one_behaviour {
              resolution 1 ms
              platform { tpus 2 }
              dnn wide { latency { 2: 2 ms } }
              dnn mid { latency { 1: 3 ms } }
              dnn long { latency { 1: 4 ms } }
              task X { runs wide, periodic 10 ms offset 1 ms, priority 1, tpus 2 }
              task Y { runs mid, periodic 5 ms offset 0 ms, priority 2, tpus 1 }
              task Z { runs long, periodic 10 ms offset 0 ms, priority 3, tpus 1 }
              scheduler global fp with gang-strict
              verify {
                deadlines
                response(X) <= 5 ms
                response(X) <= 4 ms
                response(Y) <= 3 ms
                horizon 20 ms
              }
            }
            """;

    @Test
    void aDeterministicSpecHasOneStatePerInstant() {
        SystemSpec spec = spec(ONE_BEHAVIOUR);
        List<ExplorerResult> results = Explorer.check(spec, ExplorerOptions.DEFAULTS);
        // the state before instant 0 and one state for each instant 0..20
        assertThat(results).allSatisfy(r -> assertThat(states(r)).isEqualTo(22));
        assertThat(results).extracting(ExplorerResult::verdict).containsExactly(Verdict.HOLDS_UP_TO,
                Verdict.HOLDS_UP_TO, Verdict.VIOLATED, Verdict.VIOLATED);
        assertThat(((ExplorerResult.HoldsUpTo) results.get(0)).nondeterminism())
                .containsExactly("nothing: the spec has exactly one behaviour");
        Counterexample x = ((ExplorerResult.Violated) results.get(2)).counterexample();
        assertThat(x.violationTime()).isEqualTo(5); // X#0 arrived at 1, unfinished at 1 + 4
        assertThat(x.message()).isEqualTo(
                "response(X) <= 4 ms: the job of X arriving at 1 ms is unfinished at 5 ms, so its response time exceeds 4 ms");
        Counterexample y = ((ExplorerResult.Violated) results.get(3)).counterexample();
        assertThat(y.violationTime()).isEqualTo(8); // Y#1 arrived at 5, unfinished at 5 + 3
        JobRecord y1 = y.jobs().stream().filter(j -> j.task().equals("Y") && j.index() == 1).findFirst().orElseThrow();
        assertThat(y1.arrival()).isEqualTo(5);
        assertThat(y1.start()).hasValue(6);
        assertThat(y1.tpus()).containsExactly(0);
    }

    @Test
    void maxResponseTimesOfTheSingleBehaviour() {
        SystemSpec spec = spec(ONE_BEHAVIOUR);
        MaxResponseTime x = Explorer.maxResponseTime(spec, "X", 20);
        assertThat(x.max()).hasValue(5);
        assertThat(x.complete()).isTrue();
        assertThat(Explorer.maxResponseTime(spec, "Y", 20).max()).hasValue(4);
        assertThat(Explorer.maxResponseTime(spec, "Z", 20).max()).hasValue(4);
        // by instant 5 no job of X has finished
        assertThat(Explorer.maxResponseTime(spec, "X", 5).max()).isEmpty();
        // the witness is a replayable scenario in which X#0 responds in 5
        Counterexample w = x.witness().orElseThrow();
        JobRecord x0 = w.jobs().stream().filter(j -> j.task().equals("X")).findFirst().orElseThrow();
        assertThat(x0.responseTime()).hasValue(5);
        assertThat(x0.start()).hasValue(4);
        assertThat(w.scenario().jobs()).extracting(Scenario.Job::task).startsWith("Y", "Z", "X");
    }

    /*
     * One task, k = 1, C in [1, 2], periodic 3 offset 0, horizon 5. States by instant:
     * -1: 1; 0: finish at 1 or 2; 1: idle, or running until 2; 2: idle; 3, 4, 5 as 0, 1, 2.
     */
    @Test
    void executionTimeChoicesMergeWhenTheJobIsDone() {
        SystemSpec spec = spec("""
                system exec_choice {
                  resolution 1 ms
                  platform { tpus 1 }
                  dnn d { latency { 1: 1 ms .. 2 ms } }
                  task T { runs d, periodic 3 ms offset 0 ms, priority 1, tpus 1 }
                  scheduler global fp with gang-strict
                  verify { deadlines, horizon 5 ms }
                }
                """);
        ExplorerResult r = Explorer.check(spec, spec.properties().get(0), ExplorerOptions.DEFAULTS);
        assertThat(r.verdict()).isEqualTo(Verdict.HOLDS_UP_TO);
        assertThat(states(r)).isEqualTo(1 + 2 + 2 + 1 + 2 + 2 + 1);
        assertThat(((ExplorerResult.HoldsUpTo) r).nondeterminism()).containsExactly("execution time of T (every tick in [1 ms, 2 ms])");
        assertThat(Explorer.maxResponseTime(spec, "T", 5).max()).hasValue(2);
    }

    /*
     * One sporadic task, separation 2, C = 1, horizon 3. States (ticks since the last arrival,
     * capped at 2; running job): -1: (2); 0: (0, job), (2); 1: (1), (0, job), (2);
     * 2: (0, job), (2), (1); 3: (1), (0, job), (2).
     */
    @Test
    void sporadicArrivalsAreArriveOrWaitAtEachInstant() {
        SystemSpec spec = spec("""
                system sporadic_one {
                  resolution 1 ms
                  platform { tpus 1 }
                  dnn d { latency { 1: 1 ms } }
                  task S { runs d, sporadic 2 ms, priority 1, tpus 1 }
                  scheduler global fp with gang-strict
                  verify { response(S) <= 0 ms, horizon 3 ms }
                }
                """);
        ExplorerResult r = Explorer.check(spec, spec.properties().get(0), ExplorerOptions.DEFAULTS);
        // response <= 0 is violated by the first job at its arrival
        assertThat(r.verdict()).isEqualTo(Verdict.VIOLATED);
        assertThat(((ExplorerResult.Violated) r).counterexample().violationTime()).isZero();
        ExplorerResult d = Explorer.check(spec, new Property.Deadlines(Optional.empty()), ExplorerOptions.DEFAULTS);
        assertThat(states(d)).isEqualTo(1 + 2 + 3 + 3 + 3);
    }

    @Test
    void analysisBoundsAreSuppliedByTheCaller() {
        SystemSpec spec = spec(ONE_BEHAVIOUR.replace("response(X) <= 4 ms", "response(X) <= bound"));
        Property fromAnalysis = new Property.Response("X", new Bound.FromAnalysis());
        ExplorerResult without = Explorer.check(spec, fromAnalysis, ExplorerOptions.DEFAULTS);
        assertThat(without.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(((ExplorerResult.Unknown) without).reason()).contains("analysis bound");
        ExplorerOptions four = ExplorerOptions.DEFAULTS.withAnalysisBounds(java.util.Map.of(fromAnalysis, 4L));
        assertThat(Explorer.check(spec, fromAnalysis, four).verdict()).isEqualTo(Verdict.VIOLATED);
        ExplorerOptions five = ExplorerOptions.DEFAULTS.withAnalysisBounds(java.util.Map.of(fromAnalysis, 5L));
        assertThat(Explorer.check(spec, fromAnalysis, five).verdict()).isEqualTo(Verdict.HOLDS_UP_TO);
    }

    @Test
    void aStateLimitEndsInUnknownNamingTheLimit() {
        SystemSpec spec = BundledSpecs.load("starvation-strict");
        ExplorerResult r = Explorer.check(spec, new Property.Deadlines(Optional.of("H")),
                ExplorerOptions.DEFAULTS.withMaxStates(50));
        assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(((ExplorerResult.Unknown) r).reason()).startsWith("the state limit of 50 states was reached");
        // a violation found before the limit stays a violation
        ExplorerResult b = Explorer.check(spec, new Property.Deadlines(Optional.of("B")),
                ExplorerOptions.DEFAULTS.withMaxStates(50));
        assertThat(b.verdict()).isEqualTo(Verdict.VIOLATED);
    }

    @Test
    void horizonOverrideWins() {
        SystemSpec spec = spec(ONE_BEHAVIOUR);
        ExplorerResult r = Explorer.check(spec, spec.properties().get(0), ExplorerOptions.DEFAULTS.withHorizon(7));
        assertThat(((ExplorerResult.HoldsUpTo) r).horizon()).isEqualTo(7);
        assertThat(states(r)).isEqualTo(9);
    }

    private static long states(ExplorerResult r) {
        if (r instanceof ExplorerResult.HoldsUpTo h) {
            return h.states();
        }
        if (r instanceof ExplorerResult.Violated v) {
            return v.states();
        }
        return ((ExplorerResult.Unknown) r).states();
    }
}
