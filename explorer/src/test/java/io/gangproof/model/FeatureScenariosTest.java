package io.gangproof.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One hand-worked scenario per feature of semantics §3-§7 that the bundled examples do not touch. */
class FeatureScenariosTest {
    private static SystemSpec spec(String text) {
        return SingleBehaviourTest.spec(text);
    }

    private static Counterexample violation(ExplorerResult r) {
        assertThat(r.verdict()).as(r.description()).isEqualTo(Verdict.VIOLATED);
        return ((ExplorerResult.Violated) r).counterexample();
    }

    private static JobRecord job(Counterexample cx, String task, int index) {
        return cx.jobs().stream().filter(j -> j.task().equals(task) && j.index() == index).findFirst().orElseThrow();
    }

    /*
     * One TPU; A and B run different DNNs with reload 1. Every start follows the other DNN
     * (or none), so every job reloads: A 0..2, B 2..4, A 4..6, ...; response 2 = 1 + reload.
     */
    @Test
    void reloadCountsWhenTheTpuLastRanAnotherDnn() {
        String text = """
                system reloads {
                  resolution 1 ms
                  platform { tpus 1 }
                  dnn a { reload 1 ms, latency { 1: 1 ms } }
                  dnn b { reload 1 ms, latency { 1: 1 ms } }
                  task A { runs a, periodic 4 ms offset 0 ms, priority 1, tpus 1 }
                  task B { runs b, periodic 4 ms offset 2 ms, priority 2, tpus 1 }
                  scheduler global fp with gang-strict
                  verify { response(A) <= 1 ms, horizon 12 ms }
                }
                """;
        SystemSpec s = spec(text);
        assertThat(Explorer.maxResponseTime(s, "A", 12).max()).hasValue(2);
        assertThat(Explorer.maxResponseTime(s, "B", 12).max()).hasValue(2);
        Counterexample cx = violation(Explorer.check(s, ExplorerOptions.DEFAULTS).get(0));
        assertThat(job(cx, "A", 0).reloads()).isTrue();
        assertThat(cx.violationTime()).isEqualTo(1);

        // alone, A keeps its DNN on the TPU: only the first job reloads
        SystemSpec alone = spec(text.replace("  task B { runs b, periodic 4 ms offset 2 ms, priority 2, tpus 1 }\n", ""));
        MaxResponseTime r = Explorer.maxResponseTime(alone, "A", 12);
        assertThat(r.max()).hasValue(2);
        List<JobRecord> jobs = r.witness().orElseThrow().jobs();
        assertThat(jobs.get(0).reloads()).isTrue();
        Counterexample later = violation(Explorer.check(alone, ExplorerOptions.DEFAULTS).get(0));
        assertThat(later.violationTime()).isEqualTo(1); // only A#0 exceeds 1
    }

    /*
     * One TPU. Z (priority 3) runs 0..1; X (priority 1, D 8) and Y (priority 2, D 3) both
     * arrive at 1. fp serves X first: Y runs 3..5 and misses its deadline 4. edf serves Y
     * (deadline 4 < 9) first: everything meets its deadline.
     */
    @Test
    void edfServesTheEarlierDeadlineFpTheHigherPriority() {
        String text = """
                system order {
                  resolution 1 ms
                  platform { tpus 1 }
                  dnn d { latency { 1: 2 ms } }
                  dnn z { latency { 1: 1 ms } }
                  task X { runs d, periodic 8 ms offset 1 ms, deadline 8 ms, priority 1, tpus 1 }
                  task Y { runs d, periodic 8 ms offset 1 ms, deadline 3 ms, priority 2, tpus 1 }
                  task Z { runs z, periodic 8 ms offset 0 ms, priority 3, tpus 1 }
                  scheduler global POLICY with gang-strict
                  verify { deadlines, horizon 16 ms }
                }
                """;
        Counterexample fp = violation(Explorer.check(spec(text.replace("POLICY", "fp")), ExplorerOptions.DEFAULTS).get(0));
        assertThat(fp.violationTime()).isEqualTo(4);
        assertThat(job(fp, "Y", 0).start()).hasValue(3);
        assertThat(Explorer.check(spec(text.replace("POLICY", "edf")), ExplorerOptions.DEFAULTS).get(0).verdict())
                .isEqualTo(Verdict.HOLDS_UP_TO);
    }

    /*
     * One TPU. Z runs 0..2; Y (priority 2) arrives at 1, X (priority 1) at 2. fifo serves Y
     * first (2..3, response 2), fp serves X first (Y runs 3..4, response 3).
     */
    @Test
    void fifoServesTheEarlierArrival() {
        String text = """
                system fifo_order {
                  resolution 1 ms
                  platform { tpus 1 }
                  dnn one { latency { 1: 1 ms } }
                  dnn two { latency { 1: 2 ms } }
                  task X { runs one, periodic 10 ms offset 2 ms, priority 1, tpus 1 }
                  task Y { runs one, periodic 10 ms offset 1 ms, priority 2, tpus 1 }
                  task Z { runs two, periodic 10 ms offset 0 ms, priority 3, tpus 1 }
                  scheduler global POLICY with gang-strict
                  verify { deadlines, horizon 10 ms }
                }
                """;
        assertThat(Explorer.maxResponseTime(spec(text.replace("POLICY", "fifo")), "Y", 10).max()).hasValue(2);
        assertThat(Explorer.maxResponseTime(spec(text.replace("POLICY", "fp")), "Y", 10).max()).hasValue(3);
        assertThat(Explorer.maxResponseTime(spec(text.replace("POLICY", "fifo")), "X", 10).max()).hasValue(2);
    }

    /* Jitter 2: release at 0, 1 or 2; the job released at 2 finishes at 3, after its deadline 2. */
    @Test
    void releaseJitterIsExploredAndCountsInTheResponseTime() {
        SystemSpec s = spec("""
                system jittery {
                  resolution 1 ms
                  platform { tpus 1 }
                  dnn d { latency { 1: 1 ms } }
                  task T { runs d, periodic 5 ms offset 0 ms, deadline 2 ms, jitter 2 ms, priority 1, tpus 1 }
                  scheduler global fp with gang-strict
                  verify { deadlines, horizon 9 ms }
                }
                """);
        assertThat(Explorer.maxResponseTime(s, "T", 9).max()).hasValue(3);
        ExplorerResult r = Explorer.check(s, ExplorerOptions.DEFAULTS).get(0);
        Counterexample cx = violation(r);
        assertThat(cx.violationTime()).isEqualTo(2);
        assertThat(job(cx, "T", 0).release()).isEqualTo(2);
        assertThat(cx.scenario().jobs().get(0).release()).isEqualTo(2);
        assertThat(((ExplorerResult.Violated) r).states()).isPositive();
    }

    /*
     * Unknown offsets on one TPU: if B (2 ticks) starts one tick before A arrives, A waits a
     * tick and finishes 3 after its arrival, past its deadline 2. Earliest: B at 0, A at 1.
     */
    @Test
    void unknownOffsetsAreExplored() {
        SystemSpec s = spec("""
                system offsets {
                  resolution 1 ms
                  platform { tpus 1 }
                  dnn d { latency { 1: 2 ms } }
                  task A { runs d, periodic 4 ms, deadline 2 ms, priority 1, tpus 1 }
                  task B { runs d, periodic 4 ms, priority 2, tpus 1 }
                  scheduler global fp with gang-strict
                  verify { deadlines(A), horizon 12 ms }
                }
                """);
        ExplorerResult r = Explorer.check(s, ExplorerOptions.DEFAULTS).get(0);
        Counterexample cx = violation(r);
        assertThat(cx.violationTime()).isEqualTo(3);
        assertThat(job(cx, "B", 0).arrival()).isZero();
        assertThat(job(cx, "A", 0).arrival()).isEqualTo(1);
        assertThat(((ExplorerResult.Violated) r).description()).isEqualTo("deadlines(A)");
        assertThat(Explorer.nondeterminism(s)).containsExactly("offset of A (any in [0 ms, 4 ms))",
                "offset of B (any in [0 ms, 4 ms))");
    }

    /*
     * The starvation example with overtakes: under gang-greedy, H released at 1 is overtaken
     * by B at 2 and A at 4 (two > 1), certain at 5, when [1, 5) contains both starts
     * (semantics §9); under gang-strict nothing overtakes it.
     */
    @Test
    void overtakesCountLowerPriorityStartsWhileWaiting() {
        String text = """
                system overtaking {
                  resolution 1 ms
                  platform { tpus 2 }
                  dnn wide { latency { 2: 1 ms } }
                  dnn narrow { latency { 1: 3 ms } }
                  task H { runs wide, sporadic 10 ms, priority 1, tpus 2 }
                  task A { runs narrow, periodic 4 ms offset 0 ms, priority 2, tpus 1 }
                  task B { runs narrow, periodic 4 ms offset 2 ms, priority 3, tpus 1 }
                  scheduler global fp with PROTOCOL
                  verify { overtakes(H) <= BOUND, horizon 20 ms }
                }
                """;
        Counterexample cx = violation(Explorer.check(
                spec(text.replace("PROTOCOL", "gang-greedy").replace("BOUND", "1")), ExplorerOptions.DEFAULTS).get(0));
        assertThat(cx.violationTime()).isEqualTo(5);
        assertThat(cx.message()).contains("the job of H arriving at 1 ms was overtaken by 2");
        assertThat(Explorer.check(spec(text.replace("PROTOCOL", "gang-strict").replace("BOUND", "0")),
                ExplorerOptions.DEFAULTS).get(0).verdict()).isEqualTo(Verdict.HOLDS_UP_TO);
    }

    /* A dynamic DNN: exits of 1 and 3..4 ticks give execution times 1, 3 and 4, never 2. */
    @Test
    void everyExitAndExecutionTimeIsExplored() {
        SystemSpec s = spec("""
                system exits {
                  resolution 1 ms
                  platform { tpus 1 }
                  dnn net { exit early { 1: 1 ms } exit full { 1: 3 ms .. 4 ms } }
                  task T { runs net, periodic 6 ms offset 0 ms, deadline 3 ms, priority 1, tpus 1 }
                  scheduler global fp with gang-strict
                  verify { deadlines, horizon 12 ms }
                }
                """);
        assertThat(Explorer.maxResponseTime(s, "T", 12).max()).hasValue(4);
        assertThat(Explorer.nondeterminism(s))
                .containsExactly("execution time of T (every tick in [1 ms, 1 ms] or [3 ms, 4 ms], over every exit)");
        Counterexample cx = violation(Explorer.check(s, ExplorerOptions.DEFAULTS).get(0));
        assertThat(cx.violationTime()).isEqualTo(3);
        assertThat(job(cx, "T", 0).execTime()).hasValue(4);
        assertThat(job(cx, "T", 0).exit()).hasValue("full");
    }

    /* Partitioned: each pipeline is its own uniprocessor; tasks of other pipelines never interfere. */
    @Test
    void partitionsDoNotInterfere() {
        SystemSpec s = spec("""
                system partitions {
                  resolution 1 ms
                  platform { tpus 3, pipeline pair = [0, 1], pipeline solo = [2] }
                  dnn big { latency { 2: 3 ms } }
                  dnn small { latency { 1: 2 ms } }
                  task P { runs big, periodic 6 ms offset 0 ms, priority 3, pipeline pair }
                  task S { runs small, periodic 3 ms offset 0 ms, priority 1, pipeline solo }
                  task Q { runs big, periodic 6 ms offset 1 ms, priority 2, pipeline pair }
                  scheduler partitioned fp with gang-strict
                  verify { deadlines, horizon 12 ms }
                }
                """);
        // S alone on TPU 2: response 2 always; Q waits for P on the pair: 1 -> 3..6, response 5
        assertThat(Explorer.maxResponseTime(s, "S", 12).max()).hasValue(2);
        MaxResponseTime q = Explorer.maxResponseTime(s, "Q", 12);
        assertThat(q.max()).hasValue(5);
        assertThat(job(q.witness().orElseThrow(), "Q", 0).tpus()).containsExactly(0, 1);
        assertThat(Explorer.check(s, ExplorerOptions.DEFAULTS).get(0).verdict()).isEqualTo(Verdict.HOLDS_UP_TO);
    }

    /* 64 TPUs (the resolver's maximum; masks use all 64 bits): W needs all of them and waits for N. */
    @Test
    void sixtyFourTpus() {
        SystemSpec s = spec("""
                system wide_platform {
                  resolution 1 ms
                  platform { tpus 64 }
                  dnn all { latency { 64: 1 ms } }
                  dnn one { latency { 1: 2 ms } }
                  task W { runs all, periodic 4 ms offset 1 ms, priority 1, tpus 64 }
                  task N { runs one, periodic 4 ms offset 0 ms, priority 2, tpus 1 }
                  scheduler global fp with gang-strict
                  verify { response(W) <= 1 ms, horizon 8 ms }
                }
                """);
        MaxResponseTime w = Explorer.maxResponseTime(s, "W", 8);
        assertThat(w.max()).hasValue(2); // arrives at 1, N holds TPU 0 until 2, runs 2..3
        assertThat(job(w.witness().orElseThrow(), "W", 0).tpus()).hasSize(64).startsWith(0, 1).endsWith(63);
        Counterexample cx = violation(Explorer.check(s, ExplorerOptions.DEFAULTS).get(0));
        assertThat(cx.violationTime()).isEqualTo(2);
    }
}
