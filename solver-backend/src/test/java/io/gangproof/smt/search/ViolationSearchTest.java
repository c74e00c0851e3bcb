package io.gangproof.smt.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.parse.SpecLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The §6 examples of docs/semantics.md, which every exhaustive engine must find. */
class ViolationSearchTest {
    static final String STARVATION = """
            system starvation {
              resolution 1 ms
              platform { tpus 2 }
              dnn wide { latency { 2: 1 ms } }
              dnn narrow { latency { 1: 3 ms } }
              task H { runs wide, sporadic 10 ms, deadline 10 ms, priority 1, tpus 2 }
              task A { runs narrow, periodic 4 ms offset 0 ms, deadline 4 ms, priority 2, tpus 1 }
              task B { runs narrow, periodic 4 ms offset 2 ms, deadline 4 ms, priority 3, tpus 1 }
              scheduler global fp with %s
              verify { deadlines(H) deadlines(B) }
            }
            """;

    static final String DEADLOCK = """
            system deadlock {
              resolution 1 ms
              platform { tpus 2 }
              dnn single { latency { 1: 3 ms } }
              dnn pair { latency { 2: 2 ms } }
              task C { runs single, periodic 20 ms offset 0 ms, deadline 20 ms, priority 3, pinned [1] }
              task A { runs pair, periodic 20 ms offset 1 ms, deadline 20 ms, priority 2, pinned [0, 1] }
              task B { runs pair, periodic 20 ms offset 2 ms, deadline 20 ms, priority 1, pinned [1, 0] }
              scheduler pinned fp with %s
              verify { deadlock-free }
            }
            """;

    static SystemSpec load(String text) {
        return SpecLoader.loadText("t.gang", text, Path.of(".")).orThrow();
    }

    @Test
    void findsTheStarvationOfTheWideTaskUnderGreedy() {
        SystemSpec spec = load(STARVATION.formatted("gang-greedy"));
        ViolationSearch.Outcome o = ViolationSearch.search(spec, new Property.Deadlines(Optional.of("H")), 0, 20,
                ViolationSearch.Limits.DEFAULTS);
        assertThat(o).isInstanceOf(ViolationSearch.Violated.class);
        assertThat(((ViolationSearch.Violated) o).violation().jobs().get(0)).startsWith("H#");
    }

    @Test
    void underStrictTheWideTaskMeetsItsDeadlinesAndTheCostMovesToB() {
        SystemSpec spec = load(STARVATION.formatted("gang-strict"));
        assertThat(ViolationSearch.search(spec, new Property.Deadlines(Optional.of("H")), 0, 20,
                ViolationSearch.Limits.DEFAULTS)).isInstanceOf(ViolationSearch.HoldsUpTo.class);
        assertThat(ViolationSearch.search(spec, new Property.Deadlines(Optional.of("B")), 0, 20,
                ViolationSearch.Limits.DEFAULTS)).isInstanceOf(ViolationSearch.Violated.class);
    }

    @Test
    void findsTheDeadlockOfListedLocksAndNoneInAscendingOrder() {
        SystemSpec listed = load(DEADLOCK.formatted("per-tpu-listed"));
        ViolationSearch.Outcome o = ViolationSearch.search(listed, new Property.DeadlockFree(), 0, 20,
                ViolationSearch.Limits.DEFAULTS);
        assertThat(o).isInstanceOf(ViolationSearch.Violated.class);
        assertThat(((ViolationSearch.Violated) o).violation().time()).isEqualTo(3);
        SystemSpec ascending = load(DEADLOCK.formatted("per-tpu-ascending"));
        assertThat(ViolationSearch.search(ascending, new Property.DeadlockFree(), 0, 20,
                ViolationSearch.Limits.DEFAULTS)).isInstanceOf(ViolationSearch.HoldsUpTo.class);
    }

    @Test
    void aSolverTimeoutIsUnknownWithTheReasonNeverAVerdict() {
        SystemSpec spec = load("""
                system busy {
                  resolution 1 ms
                  platform { tpus 3 }
                  dnn a { latency { 1: 1 ms .. 3 ms, 2: 2 ms } }
                  dnn b { latency { 2: 1 ms .. 4 ms, 3: 2 ms } }
                  task w { runs b, sporadic 7 ms, priority 1, tpus 3 }
                  task x { runs a, sporadic 3 ms, jitter 1 ms, priority 2, tpus 1 }
                  task y { runs b, sporadic 5 ms, priority 3, tpus 2 }
                  task z { runs a, sporadic 4 ms, priority 4, tpus 1 }
                  scheduler global edf with gang-greedy
                  verify { deadlines }
                }
                """);
        ViolationSearch.Limits oneMillisecond = ViolationSearch.Limits.DEFAULTS.withTimeout(Duration.ofMillis(1));
        ViolationSearch.Outcome o = ViolationSearch.search(spec, new Property.Deadlines(Optional.empty()), 0, 60, oneMillisecond);
        assertThat(o).isInstanceOf(ViolationSearch.Unknown.class);
        assertThat(((ViolationSearch.Unknown) o).reason()).contains("within 1 ms");
        ViolationSearch.MaxResponse r = ViolationSearch.maxResponse(spec, "z", 60, oneMillisecond);
        assertThat(r.complete()).isFalse();
        assertThat(r.max()).isEmpty();
    }

    @Test
    void anEncodingAboveTheSizeLimitIsNotAttempted() {
        SystemSpec spec = load(STARVATION.formatted("gang-greedy"));
        ViolationSearch.Outcome o = ViolationSearch.search(spec, new Property.Deadlines(Optional.empty()), 0, 40,
                ViolationSearch.Limits.DEFAULTS.withMaxSize(100));
        assertThat(o).isInstanceOf(ViolationSearch.Unknown.class);
        assertThat(((ViolationSearch.Unknown) o).reason()).contains("1066 job-instant pairs at horizon 40");
    }

    @Test
    void theOptimiserFindsTheLargestResponseTime() {
        SystemSpec spec = load(STARVATION.formatted("gang-strict"));
        ViolationSearch.MaxResponse r = ViolationSearch.maxResponse(spec, "B", 20, ViolationSearch.Limits.DEFAULTS);
        assertThat(r.complete()).isTrue();
        assertThat(r.max()).isPresent();
        assertThat(r.max().getAsLong()).isGreaterThan(4);
    }
}
