package io.gangproof.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.spec.Bound;
import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each limit ends the search in UNKNOWN and names itself; long searches report progress. */
class LimitsAndProgressTest {
    /** Ages never exceed the horizon 300, so this holds: only a limit can stop the search early. */
    private static final Property NEVER_VIOLATED = new Property.Response("W", new Bound.Value(1000));

    private static SystemSpec big() {
        // horizon 300 takes about a million states: well past every limit below
        return SingleBehaviourTest.spec(String.format(ExplorerBench.SPORADIC_3_ON_4, 300));
    }

    private static String reason(ExplorerResult r) {
        assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
        return ((ExplorerResult.Unknown) r).reason();
    }

    @Test
    void timeLimit() {
        SystemSpec spec = big();
        ExplorerResult r = Explorer.check(spec, NEVER_VIOLATED, ExplorerOptions.DEFAULTS.withTimeLimitMillis(1));
        assertThat(reason(r)).startsWith("the time limit of 1 ms was reached before the horizon 300");
    }

    @Test
    void memoryLimit() {
        SystemSpec spec = big();
        ExplorerResult r = Explorer.check(spec, NEVER_VIOLATED,
                ExplorerOptions.DEFAULTS.withMemoryBytes(200_000));
        assertThat(reason(r)).startsWith("the memory limit of 195.31 KiB was reached");
        assertThat(((ExplorerResult.Unknown) r).states()).isPositive();
    }

    @Test
    void stateLimitSaysHowFarTheSearchWasComplete() {
        SystemSpec spec = big();
        ExplorerResult r = Explorer.check(spec, NEVER_VIOLATED, ExplorerOptions.DEFAULTS.withMaxStates(20_000));
        assertThat(reason(r)).startsWith("the state limit of 20000 states was reached")
                .containsPattern("no violation at instants 0\\.\\.\\d+ ms \\(every behaviour\\)");
    }

    @Test
    void progressIsReportedDuringALongSearch() {
        SystemSpec spec = big();
        List<ExplorationProgress> seen = new ArrayList<>();
        ModelPlan plan = ModelPlan.of(spec, List.of(NEVER_VIOLATED), 300, Map.of());
        Search search = new Search(Explorer.instantiate(ModelGenerator.generate(plan)),
                Explorer.limits(spec, ExplorerOptions.DEFAULTS.withMaxStates(200_000)), seen::add, -1, 0L);
        Search.Outcome outcome = search.run();
        assertThat(seen).isNotEmpty();
        assertThat(seen).allSatisfy(p -> {
            assertThat(p.horizon()).isEqualTo(300);
            assertThat(p.states()).isPositive().isLessThanOrEqualTo(outcome.states());
            assertThat(p.memoryBytes()).isPositive();
        });
        // reports come in search order: states and instants never go back
        for (int k = 1; k < seen.size(); k++) {
            assertThat(seen.get(k).states()).isGreaterThanOrEqualTo(seen.get(k - 1).states());
            assertThat(seen.get(k).instant()).isGreaterThanOrEqualTo(seen.get(k - 1).instant());
        }
    }
}
