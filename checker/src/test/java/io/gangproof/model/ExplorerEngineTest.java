package io.gangproof.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gangproof.check.CheckOptions;
import io.gangproof.check.PropertyResult;
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
    void answersEveryPropertyAndWritesTheTraceOfAViolation(@TempDir Path out) throws Exception {
        SystemSpec spec = BundledSpecs.load("starvation-strict");
        ExplorerEngine engine = new ExplorerEngine();
        CheckOptions options = new CheckOptions(Optional.empty(), 1L, Optional.of(out));
        List<PropertyResult> results = new ArrayList<>();
        for (Property p : spec.properties()) {
            results.add(engine.check(spec, p, options).orElseThrow());
        }
        assertThat(results).extracting(PropertyResult::verdict).containsExactly(Verdict.HOLDS_UP_TO,
                Verdict.VIOLATED, Verdict.HOLDS_UP_TO);
        PropertyResult holds = results.get(0);
        assertThat(holds.horizon()).hasValue(40L);
        assertThat(holds.states()).hasValueSatisfying(s -> assertThat(s).isGreaterThan(40L));
        assertThat(holds.engine()).isEqualTo("explorer");
        assertThat(results.get(2).bound()).hasValue(2L);

        PropertyResult violated = results.get(1);
        assertThat(violated.reason()).hasValue("deadlines(B): the job of B arriving at 2 is unfinished at its deadline 6");
        JsonNode trace = new ObjectMapper().readTree(violated.trace().orElseThrow().toFile());
        assertThat(trace.get("violationTime").asLong()).isEqualTo(6);
        JsonNode b = null;
        for (JsonNode job : trace.get("jobs")) {
            if (job.get("task").asText().equals("B")) {
                b = job;
                break;
            }
        }
        assertThat(b).isNotNull();
        assertThat(b.get("start").asLong()).isEqualTo(4);
        assertThat(b.get("finish").isNull()).isTrue();
    }

    @Test
    void horizonOverrideReachesTheSearch() {
        SystemSpec spec = BundledSpecs.load("starvation-strict");
        PropertyResult r = new ExplorerEngine().check(spec, spec.properties().get(0),
                new CheckOptions(Optional.of(12L), 1L, Optional.empty())).orElseThrow();
        assertThat(r.horizon()).hasValue(12L);
    }

    @Test
    void saysNothingAboutASpecItCannotModel() {
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
        assertThat(new ExplorerEngine().check(spec, spec.properties().get(0), CheckOptions.DEFAULTS)).isEmpty();
        ExplorerResult r = Explorer.check(spec, spec.properties().get(0), ExplorerOptions.DEFAULTS);
        assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(((ExplorerResult.Unknown) r).reason()).contains("still to choose");
    }
}
