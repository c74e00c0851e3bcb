package io.gangproof.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code replay} refuses every edit of a trace written by {@code simulate} (issue 15, item 12), without a stack trace. */
class ReplayCliTest {
    private static final String SPEC = BundledExamplesCliTest.SPECS.resolve("starvation-greedy.gang").toString();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private Path honest;

    @BeforeEach
    void writeATrace() {
        honest = dir.resolve("worst.trace.json");
        CliRun r = CliRun.of("simulate", "--runs", "3", "--trace", honest.toString(), SPEC);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.VIOLATED);
    }

    private CliRun replayEdited(Consumer<ObjectNode> edit) throws IOException {
        ObjectNode tree = (ObjectNode) MAPPER.readTree(honest.toFile());
        edit.accept(tree);
        Path forged = Files.writeString(dir.resolve("forged.trace.json"), MAPPER.writeValueAsString(tree));
        CliRun r = CliRun.of("replay", SPEC, forged.toString());
        assertThat(r.err()).doesNotContain("\tat ", "Exception");
        return r;
    }

    private static ArrayNode array(ObjectNode tree, String field) {
        return (ArrayNode) tree.get(field);
    }

    @Test
    void theHonestTraceIsConfirmed() {
        CliRun r = CliRun.of("replay", SPEC, honest.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.VIOLATED);
        assertThat(r.out()).startsWith("confirmed: the schedule replays exactly");
    }

    @Test
    void everyEditOfTheScheduleIsTheFirstDifference() throws IOException {
        CliRun occupancy = replayEdited(tree -> ((ObjectNode) array(tree, "occupancy").get(0)).put("to", 1));
        assertThat(occupancy.exitCode()).isEqualTo(ExitCodes.INTERNAL);
        assertThat(occupancy.err()).contains("the replay differs from the trace", "occupancy 0");
        assertThat(replayEdited(tree -> array(tree, "occupancy").remove(0)).exitCode()).isEqualTo(ExitCodes.INTERNAL);
        assertThat(replayEdited(tree -> array(tree, "events").remove(0)).err()).contains("event 0");
        assertThat(replayEdited(tree -> array(tree, "jobs").add(array(tree, "jobs").get(0).deepCopy())).err())
                .contains("listed twice");
        assertThat(replayEdited(tree -> tree.put("spec", "other")).err()).contains("spec: recorded 'other'");
        assertThat(replayEdited(tree -> tree.put("scheduler", "global fp with gang-strict")).err())
                .contains("scheduler: recorded 'global fp with gang-strict'");
    }

    @Test
    void violationsMustBeExactlyTheReplayedOnes() throws IOException {
        CliRun stripped = replayEdited(tree -> array(tree, "violations").removeAll());
        assertThat(stripped.exitCode()).isEqualTo(ExitCodes.INTERNAL);
        assertThat(stripped.out()).doesNotContain("replays exactly");
        assertThat(stripped.err()).contains("the trace leaves out the violation of deadlines(H)");
        CliRun reworded = replayEdited(tree -> ((ObjectNode) array(tree, "violations").get(0)).put("message", "fine"));
        assertThat(reworded.exitCode()).isEqualTo(ExitCodes.INTERNAL);
        assertThat(reworded.err()).contains("the trace records", "\"fine\"");
    }

    @Test
    void trailingGarbageAndMissingFieldsAreUnreadable() throws IOException {
        Path garbage = Files.writeString(dir.resolve("garbage.trace.json"), Files.readString(honest) + "]garbage");
        CliRun r = CliRun.of("replay", SPEC, garbage.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_SPEC);
        assertThat(r.err()).contains("not a readable trace", "malformed JSON").doesNotContain("\tat ");
        CliRun missing = replayEdited(tree -> tree.remove("occupancy"));
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.INVALID_SPEC);
        assertThat(missing.err()).contains("missing field \"occupancy\"");
    }
}
