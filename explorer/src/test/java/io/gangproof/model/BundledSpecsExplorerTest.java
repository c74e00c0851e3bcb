package io.gangproof.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Verdict;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The verdicts that the header comments of the bundled §6 examples promise. */
class BundledSpecsExplorerTest {

    private static ExplorerResult result(List<ExplorerResult> results, String description) {
        return results.stream().filter(r -> r.description().equals(description)).findFirst().orElseThrow();
    }

    @Test
    void gangGreedyStarvesTheWideTask() {
        SystemSpec spec = BundledSpecs.load("starvation-greedy");
        List<ExplorerResult> results = Explorer.check(spec, ExplorerOptions.DEFAULTS);

        ExplorerResult deadlines = result(results, "deadlines(H)");
        assertThat(deadlines.verdict()).isEqualTo(Verdict.VIOLATED);
        Counterexample cx = ((ExplorerResult.Violated) deadlines).counterexample();
        // the shortest behaviour: H arrives at 1 (t = 0 would find both TPUs free), deadline 11
        assertThat(cx.violationTime()).isEqualTo(11);
        JobRecord h = cx.jobs().stream().filter(j -> j.task().equals("H")).findFirst().orElseThrow();
        assertThat(h.arrival()).isEqualTo(1);
        assertThat(h.start()).isEmpty();
        assertThat(cx.message()).contains("H").contains("arriving at 1 ms");

        ExplorerResult inversion = result(results, "inversion(H) <= 2 ms");
        assertThat(inversion.verdict()).isEqualTo(Verdict.VIOLATED);
        Counterexample icx = ((ExplorerResult.Violated) inversion).counterexample();
        // 3 ticks of lower-priority execution on H's TPUs are the first to exceed 2
        assertThat(icx.message()).contains("has waited 3 ms");
    }

    @Test
    void gangStrictProtectsTheWideTaskAndMovesTheCostToB() {
        SystemSpec spec = BundledSpecs.load("starvation-strict");
        List<ExplorerResult> results = Explorer.check(spec, ExplorerOptions.DEFAULTS);

        // the states at 31 ms are those at 11 ms, shifted by the 20 ms hyperperiod: proved for all time
        assertThat(result(results, "deadlines(H)").verdict()).isEqualTo(Verdict.PROVED);
        ExplorerResult inversion = result(results, "inversion(H) <= 2 ms");
        assertThat(inversion.verdict()).isEqualTo(Verdict.PROVED);
        ExplorerResult.Proved holds = (ExplorerResult.Proved) inversion;
        assertThat(holds.horizon()).isEqualTo(40);
        assertThat(holds.repetition()).isEqualTo(new ExplorerResult.Repetition(20, 31));
        assertThat(holds.states()).isGreaterThan(40);
        assertThat(holds.nondeterminism()).anyMatch(s -> s.startsWith("arrivals of H"));

        ExplorerResult b = result(results, "deadlines(B)");
        assertThat(b.verdict()).isEqualTo(Verdict.VIOLATED);
        Counterexample cx = ((ExplorerResult.Violated) b).counterexample();
        // semantics §6: H released at 1 waits for A (ends at 3); B released at 2 starts at 4, ends at 7 > 6
        assertThat(cx.violationTime()).isEqualTo(6);
        JobRecord bJob = cx.jobs().stream().filter(j -> j.task().equals("B")).findFirst().orElseThrow();
        assertThat(bJob.arrival()).isEqualTo(2);
        assertThat(bJob.start()).hasValue(4);
        assertThat(bJob.finish()).isEmpty(); // the trace ends at the violation, 6 < 7
        JobRecord h = cx.jobs().stream().filter(j -> j.task().equals("H")).findFirst().orElseThrow();
        assertThat(h.release()).isEqualTo(1);
        assertThat(h.start()).hasValue(3);
        assertThat(h.tpus()).containsExactly(0, 1);
    }

    @Test
    void perTpuListedDeadlocksAndAscendingDoesNot() {
        SystemSpec listed = BundledSpecs.load("deadlock-per-tpu");
        ExplorerResult dl = Explorer.check(listed, new Property.DeadlockFree(), ExplorerOptions.DEFAULTS);
        assertThat(dl.verdict()).isEqualTo(Verdict.VIOLATED);
        Counterexample cx = ((ExplorerResult.Violated) dl).counterexample();
        assertThat(cx.violationTime()).isEqualTo(3);
        JobRecord a = cx.jobs().stream().filter(j -> j.task().equals("A")).findFirst().orElseThrow();
        JobRecord b = cx.jobs().stream().filter(j -> j.task().equals("B")).findFirst().orElseThrow();
        assertThat(a.tpus()).containsExactly(0);
        assertThat(b.tpus()).containsExactly(1);
        assertThat(a.start()).isEmpty();
        assertThat(b.start()).isEmpty();

        SystemSpec ascending = BundledSpecs.load("deadlock-free-ascending");
        List<ExplorerResult> results = Explorer.check(ascending, ExplorerOptions.DEFAULTS);
        assertThat(results).extracting(ExplorerResult::verdict).containsOnly(Verdict.HOLDS_UP_TO);
        assertThat(results).extracting(ExplorerResult::property).contains(new Property.DeadlockFree(),
                new Property.Deadlines(Optional.empty()));
    }
}
