package io.gangproof.symbolic;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.parse.SpecLoader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The event order of semantics §5 (completions, then releases, then dispatch) decides these
 * verdicts. At 2, A finishes while B (two TPUs) and C (one TPU) are released: B must take both
 * TPUs, and C waits. Two mutants, applied by hand, make this class fail with a counterexample
 * that does not replay on the reference scheduler: "the dispatch may run before a same-instant
 * completion" (the dispatch guard {@code p <= hi} instead of {@code p <= hi - 1}, and completions
 * without {@code z >= 1}) lets C start on the one free TPU at 2; "an arrival may follow the
 * dispatch of its instant" (arrivals without {@code z >= 1}) delays H in the starvation example.
 * Dropping {@code z >= 1} from completions alone changes nothing observable: the dispatch guard
 * still forces every due completion first, and an optional one taken after the dispatch is the
 * same schedule as that completion one tick later.
 */
class SameInstantOrderTest {
    private static final String SPEC = """
            system order {
              resolution 1 ms
              platform { tpus 2 }
              dnn long { latency { 1: 2 ms } }
              dnn wide { latency { 2: 1 ms } }
              dnn short { latency { 1: 1 ms } }
              task A { runs long, periodic 4 ms offset 0 ms, priority 3, tpus 1 }
              task B { runs wide, periodic 4 ms offset 2 ms, deadline 1 ms, priority 1, tpus 2 }
              task C { runs short, periodic 4 ms offset 2 ms, deadline 2 ms, priority 2, tpus 1 }
              scheduler global fp with gang-greedy
              verify {
                deadlines
                overtakes(B) <= 0
              }
            }
            """;

    @Test
    void aWideJobReleasedWhenAnotherFinishesTakesTheFreedTpus() {
        SystemSpec spec = SpecLoader.loadText("order.gang", SPEC, Path.of(".")).orThrow();
        SymbolicOutcome o = SymbolicExplorer.check(spec, SymbolicOptions.of(20, Map.of()));
        assertThat(o.closed()).isTrue();
        assertThat(o.results()).hasSize(2).allMatch(r -> r instanceof SymbolicResult.Proved);
        assertThat(o.maxResponse()).containsEntry("A", 2L).containsEntry("B", 1L).containsEntry("C", 2L);
    }

    @Test
    void theStarvationExampleUnderGangStrictMovesTheCostToB() {
        SystemSpec spec = SpecLoader.load(Path.of("../case-studies/specs/starvation-strict.gang")).orThrow();
        SymbolicOutcome o = SymbolicExplorer.check(spec, SymbolicOptions.of(40, Map.of()));
        assertThat(o.closed()).isTrue();
        assertThat(o.results().get(0)).isInstanceOf(SymbolicResult.Proved.class);
        SymbolicResult b = o.results().get(1);
        assertThat(b).isInstanceOf(SymbolicResult.Violated.class);
        // semantics §6: B released at 2 starts at 4 and misses its deadline 6
        assertThat(((SymbolicResult.Violated) b).instant()).isEqualTo(6);
        assertThat(o.results().get(2)).isInstanceOf(SymbolicResult.Proved.class);
    }
}
