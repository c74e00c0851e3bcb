package io.gangproof.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gangproof.scheduler.check.TraceChecker;
import io.gangproof.scheduler.replay.ReplayResult;
import io.gangproof.scheduler.replay.Replayer;
import io.gangproof.scheduler.scenario.SynchronousScenario;
import io.gangproof.scheduler.trace.Trace;
import io.gangproof.scheduler.trace.TraceJson;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.SystemSpec;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Replay is the trust anchor of every counterexample: no edit of a trace file replays (issue 15, item 12). */
class ReplayTamperingTest {
    private static final SystemSpec GREEDY = SpecFixture.starvation(Protocol.GANG_GREEDY);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static String honest() {
        Trace t = ReferenceScheduler.run(GREEDY, SynchronousScenario.withArrivals(GREEDY, 20, Map.of("H", List.of(1L))), 20);
        return TraceJson.write(TraceChecker.claimingAll(GREEDY, t, Map.of()));
    }

    private static ReplayResult replayEdited(Consumer<ObjectNode> edit) throws Exception {
        ObjectNode tree = (ObjectNode) MAPPER.readTree(honest());
        edit.accept(tree);
        return Replayer.replay(GREEDY, TraceJson.read(MAPPER.writeValueAsString(tree)));
    }

    private static ArrayNode array(ObjectNode tree, String field) {
        return (ArrayNode) tree.get(field);
    }

    @Test
    void theHonestTraceReplays() throws Exception {
        ReplayResult r = replayEdited(tree -> { });
        assertThat(r).isInstanceOf(ReplayResult.Confirmed.class);
        assertThat(r.exitCode()).isEqualTo(1);
    }

    @Test
    void changedOrRemovedOccupancyIsADifference() throws Exception {
        ReplayResult changed = replayEdited(tree -> ((ObjectNode) array(tree, "occupancy").get(0)).put("to", 2));
        assertThat(changed).isInstanceOf(ReplayResult.Diverged.class);
        assertThat(((ReplayResult.Diverged) changed).first().where()).isEqualTo("occupancy 0");
        assertThat(replayEdited(tree -> array(tree, "occupancy").remove(1))).isInstanceOf(ReplayResult.Diverged.class);
        assertThat(replayEdited(tree -> array(tree, "occupancy").removeAll())).isInstanceOf(ReplayResult.Diverged.class);
        assertThat(changed.exitCode()).isEqualTo(70);
    }

    @Test
    void removedEventsAreADifference() throws Exception {
        assertThat(replayEdited(tree -> array(tree, "events").remove(3))).isInstanceOf(ReplayResult.Diverged.class);
        ReplayResult none = replayEdited(tree -> array(tree, "events").removeAll());
        assertThat(none).isInstanceOf(ReplayResult.Diverged.class);
        assertThat(((ReplayResult.Diverged) none).first().where()).isEqualTo("event 0");
    }

    @Test
    void aDuplicatedJobIsADifference() throws Exception {
        ReplayResult r = replayEdited(tree -> array(tree, "jobs").add(array(tree, "jobs").get(2).deepCopy()));
        assertThat(r).isInstanceOf(ReplayResult.Diverged.class);
        assertThat(((ReplayResult.Diverged) r).first().recorded()).isEqualTo("listed twice");
    }

    @Test
    void reorderedJobsAreADifference() throws Exception {
        ReplayResult r = replayEdited(tree -> {
            JsonNode first = array(tree, "jobs").remove(0);
            array(tree, "jobs").add(first);
        });
        assertThat(r).isInstanceOf(ReplayResult.Diverged.class);
    }

    @Test
    void aChangedViolationMessageIsNotTheReplayedViolation() throws Exception {
        ReplayResult r = replayEdited(tree -> ((ObjectNode) array(tree, "violations").get(0)).put("message", "all is well"));
        assertThat(r).isInstanceOf(ReplayResult.Unconfirmed.class);
        assertThat(((ReplayResult.Unconfirmed) r).firstMismatch(Object::toString)).contains("all is well");
        assertThat(r.exitCode()).isEqualTo(70);
    }

    @Test
    void strippedViolationsDoNotReplay() throws Exception {
        ReplayResult r = replayEdited(tree -> array(tree, "violations").removeAll());
        assertThat(r).isInstanceOf(ReplayResult.Unconfirmed.class);
        assertThat(((ReplayResult.Unconfirmed) r).firstMismatch(Object::toString)).startsWith("the trace leaves out");
        assertThat(r.exitCode()).isEqualTo(70);
        assertThat(replayEdited(tree -> array(tree, "violations").remove(0))).isInstanceOf(ReplayResult.Unconfirmed.class);
    }

    @Test
    void aMismatchedHeaderIsADifference() throws Exception {
        ReplayResult spec = replayEdited(tree -> tree.put("spec", "another-system"));
        assertThat(spec).isInstanceOf(ReplayResult.Diverged.class);
        assertThat(((ReplayResult.Diverged) spec).first().where()).isEqualTo("spec");
        ReplayResult scheduler = replayEdited(tree -> tree.put("scheduler", "global fp with gang-strict"));
        assertThat(scheduler).isInstanceOf(ReplayResult.Diverged.class);
        assertThat(((ReplayResult.Diverged) scheduler).first().where()).isEqualTo("scheduler");
    }

    @Test
    void anythingAfterTheDocumentOrARepeatedKeyIsNotATrace() {
        assertThatThrownBy(() -> TraceJson.read(honest() + "{}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> TraceJson.read(honest() + "garbage")).isInstanceOf(IllegalArgumentException.class);
        String twice = honest().replaceFirst("\"horizon\" : 20,", "\"horizon\" : 20, \"horizon\" : 20,");
        assertThatThrownBy(() -> TraceJson.read(twice)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("horizon");
    }

    @Test
    void aMissingFieldIsNotATrace() {
        for (String field : List.of("occupancy", "events", "deadlocks", "violations")) {
            assertThatThrownBy(() -> {
                ObjectNode tree = (ObjectNode) MAPPER.readTree(honest());
                tree.remove(field);
                TraceJson.read(MAPPER.writeValueAsString(tree));
            }).as(field).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(field);
        }
    }
}
