package io.gangproof.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.check.CheckOptions;
import io.gangproof.check.PropertyResult;
import io.gangproof.scheduler.trace.JobRecord;
import io.gangproof.scheduler.trace.Trace;
import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Verdict;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplorerEngineTest {

    @Test
    void answersEveryPropertyAndHandsOverTheTraceOfAViolation(@TempDir Path out) {
        SystemSpec spec = BundledSpecs.load("starvation-strict");
        ExplorerEngine engine = new ExplorerEngine();
        CheckOptions options = new CheckOptions(Optional.empty(), 1L, Optional.of(out));
        List<PropertyResult> results = new ArrayList<>();
        for (Property p : spec.properties()) {
            results.add(engine.check(spec, p, options).orElseThrow());
        }
        // the states at 31 ms are those at 11 ms shifted by the hyperperiod: proved (semantics §13 item 7)
        assertThat(results).extracting(PropertyResult::verdict).containsExactly(Verdict.PROVED,
                Verdict.VIOLATED, Verdict.PROVED);
        PropertyResult proved = results.get(0);
        assertThat(proved.horizon()).as("it holds beyond any horizon").isEmpty();
        assertThat(proved.states()).hasValueSatisfying(s -> assertThat(s).isGreaterThan(40L));
        assertThat(proved.engine()).isEqualTo("explorer");
        assertThat(proved.reason()).hasValueSatisfying(r -> assertThat(r).contains(
                "repetition of the reachable states every 20 ms", "those at 31 ms are those at 11 ms",
                "after " + proved.states().get() + " states", "no instant violates it"));
        assertThat(results.get(2).bound()).hasValue(2L);

        PropertyResult violated = results.get(1);
        // Worded as every engine words it (ViolationWording), in the spec's units.
        assertThat(violated.reason()).hasValue("job B#0 (arrival 2 ms) is unfinished at its deadline 6 ms");
        // The counterexample is handed over as the reference scheduler's trace of the same behaviour.
        Trace trace = violated.counterexample().orElseThrow();
        assertThat(trace.horizon()).isEqualTo(6);
        assertThat(trace.violations()).singleElement().satisfies(v -> {
            assertThat(v.property()).isEqualTo(spec.properties().get(1));
            assertThat(v.time()).isEqualTo(6);
        });
        JobRecord b = trace.job("B#0");
        assertThat(b.start()).hasValue(4);
        assertThat(b.finish()).isEmpty();
        assertThat(violated.trace()).as("the checker writes it after replaying it").isEmpty();
    }

    @Test
    void horizonOverrideReachesTheSearch() {
        SystemSpec spec = BundledSpecs.load("starvation-strict");
        PropertyResult r = new ExplorerEngine().check(spec, spec.properties().get(0),
                new CheckOptions(Optional.of(12L), 1L, Optional.empty())).orElseThrow();
        // too short to see the states repeat (10 ms + the 20 ms hyperperiod)
        assertThat(r.verdict()).isEqualTo(Verdict.HOLDS_UP_TO);
        assertThat(r.horizon()).hasValue(12L);
    }

    @Test
    void saysWhyItCannotModelASpec() {
        SystemSpec spec = SingleBehaviourTest.spec("""
                system synthesis_left {
                  resolution 1 ms
                  platform { tpus 2 }
                  dnn d { latency { 1: 2 ms, 2: 1 ms } }
                  task T { runs d, periodic 4 ms, priority 1, tpus 1 .. 2 }
                  scheduler global fp with gang-strict
                  verify { deadlines, horizon 8 ms }
                }
                """);
        PropertyResult answer = new ExplorerEngine().check(spec, spec.properties().get(0), CheckOptions.DEFAULTS)
                .orElseThrow();
        assertThat(answer.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(answer.reason()).hasValueSatisfying(reason -> assertThat(reason).contains("cannot model",
                "still to choose"));
        ExplorerResult r = Explorer.check(spec, spec.properties().get(0), ExplorerOptions.DEFAULTS);
        assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(((ExplorerResult.Unknown) r).reason()).contains("still to choose");
    }
}
