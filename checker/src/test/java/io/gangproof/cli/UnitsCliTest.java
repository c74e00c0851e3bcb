package io.gangproof.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every answer in the spec's units (semantics §12): verdict lines, violations of every engine, JSON, exit codes. */
class UnitsCliTest {
    private static final Path SPECS = GangproofCliTest.SPECS;

    /**
     * 10 us ticks, every time literal in ms (so the spec's unit is ms). L runs [0, 3.15 ms)
     * without preemption, so H, arriving at 0.05 ms, misses its deadline 2.45 ms and finishes at
     * 4.15 ms; its response time is 4.1 ms.
     */
    private static final String BLOCKED = """
            system blocked {
              resolution 10 us
              platform { tpus 1 }
              dnn fast { latency { 1: 1 ms } }
              dnn slow { latency { 1: 3.15 ms } }
              task H { runs fast periodic 20 ms offset 0.05 ms deadline 2.4 ms priority 1 tpus 1 }
              task L { runs slow periodic 20 ms offset 0 ms priority 2 tpus 1 }
              scheduler global fp with gang-strict
              verify { deadlines(H), response(H) <= 2.4 ms, horizon 5 ms }
            }
            """;

    @TempDir
    Path tmp;

    private Path blocked() throws IOException {
        Path spec = tmp.resolve("blocked.gang");
        Files.writeString(spec, BLOCKED);
        return spec;
    }

    @Test
    void everyEngineWordsTheSameViolationTheSameWayInTheSpecsUnits() throws IOException {
        String miss = "job H#0 (arrival 0.05 ms) is unfinished at its deadline 2.45 ms";
        for (String engine : new String[] {"simulation", "explorer", "smt"}) {
            CliRun r = CliRun.of("check", "--engine", engine, "--out", tmp.toString(), blocked().toString());
            assertThat(r.exitCode()).as(engine + ": " + r.out() + r.err()).isEqualTo(ExitCodes.VIOLATED);
            assertThat(r.out()).as(engine).contains("VIOLATED  deadlines(H)").contains(miss)
                    .contains("horizon 5 ms").doesNotContain("ticks").doesNotContain("arriving at");
        }
        CliRun simulated = CliRun.of("check", "--engine", "simulation", "--out", tmp.toString(),
                blocked().toString());
        assertThat(simulated.out()).contains("periodic 20ms offset 0.05ms").contains("3.15ms")
                .contains("TPU-time load 0.208 of 1 TPU (20.8%); hyperperiod 20 ms");
        assertThat(simulated.out()).contains(miss + "; it finishes at 4.15 ms")
                .contains("VIOLATED  response(H) <= 2.4 ms  job H#0 (arrival 0.05 ms) has response time 4.1 ms, "
                        + "more than 2.4 ms");
        CliRun explored = CliRun.of("check", "--engine", "explorer", "--out", tmp.toString(), blocked().toString());
        // The explorer's trace ends at the violation instant: the job has not finished by then.
        assertThat(explored.out()).contains("job H#0 (arrival 0.05 ms) is unfinished at 2.45 ms, so its response "
                + "time exceeds 2.4 ms");
    }

    @Test
    void aSpecWrittenInMicrosecondsIsAnsweredInMicroseconds() throws IOException {
        Path spec = tmp.resolve("blocked-us.gang");
        Files.writeString(spec, BLOCKED.replace("1 ms", "1000 us").replace("3.15 ms", "3150 us")
                .replace("20 ms", "20000 us").replace("0.05 ms", "50 us").replace("2.4 ms", "2400 us")
                .replace("0 ms", "0 us").replace("5 ms", "5000 us"));
        CliRun r = CliRun.of("check", "--engine", "simulation", "--out", tmp.toString(), spec.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.VIOLATED);
        assertThat(r.out()).contains("job H#0 (arrival 50 us) is unfinished at its deadline 2450 us; it finishes at "
                + "4150 us").contains("response(H) <= 2400 us").contains("has response time 4100 us, more than 2400 us")
                .contains("horizon 5000 us").doesNotContain(" ms");
        CliRun json = CliRun.of("check", "--engine", "simulation", "--format", "json", "--out", tmp.toString(),
                spec.toString());
        JsonNode doc = new ObjectMapper().readTree(json.out()).path("specs").path(0);
        assertThat(doc.path("time_unit").asText()).isEqualTo("us");
        assertThat(doc.path("properties").path(1).path("bound").asLong()).isEqualTo(240);
        assertThat(doc.path("properties").path(1).path("bound_text").asText()).isEqualTo("2400 us");
    }

    @Test
    void jsonKeepsTicksAndAddsTheResolutionAndTheTimesAsText() throws IOException {
        CliRun r = CliRun.of("check", "--engine", "simulation", "--format", "json", "--out", tmp.toString(),
                blocked().toString());
        JsonNode spec = new ObjectMapper().readTree(r.out()).path("specs").path(0);
        assertThat(spec.path("resolution").asText()).isEqualTo("10 us");
        assertThat(spec.path("time_unit").asText()).isEqualTo("ms");
        JsonNode response = spec.path("properties").path(1);
        assertThat(response.path("property").asText()).isEqualTo("response(H) <= 2400 us");
        assertThat(response.path("bound").asLong()).isEqualTo(240);
        assertThat(response.path("bound_text").asText()).isEqualTo("2.4 ms");
        assertThat(response.path("horizon").asLong()).isEqualTo(500);
        assertThat(response.path("horizon_text").asText()).isEqualTo("5 ms");
        assertThat(response.path("certificates").isArray()).isTrue();
    }

    @Test
    void provedLinesShowTheBoundAndLeaveCertificatesToVerboseAndJson() throws IOException {
        String spec = SPECS.resolve("textbook-buttazzo-ex8-1.gang").toString();
        CliRun plain = CliRun.of("check", "--engine", "proof", "--out", tmp.toString(), spec);
        assertThat(plain.out()).contains("PROVED   response(t1) <= 5 ms  response(t1) <= 5 ms, by partitioned-np-fp, "
                + "checked by Z3 [analysis+z3]").doesNotContain("certificates").doesNotContain(".smt2");
        CliRun verbose = CliRun.of("check", "--engine", "proof", "--verbose", "--out", tmp.toString(), spec);
        assertThat(verbose.out()).contains("checked by Z3; certificates ").contains(".smt2");
        CliRun json = CliRun.of("check", "--engine", "proof", "--format", "json", "--out", tmp.toString(), spec);
        JsonNode proved = new ObjectMapper().readTree(json.out()).path("specs").path(0).path("properties").path(0);
        assertThat(proved.path("bound_text").asText()).isEqualTo("5 ms");
        assertThat(Path.of(proved.path("certificates").path(0).asText())).exists();
    }

    @Test
    void engineProofSaysWhyItDidNotProve() {
        CliRun r = CliRun.of("check", "--engine", "proof", "--out", tmp.toString(),
                SPECS.resolve("textbook-buttazzo-ex8-1.gang").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.UNKNOWN);
        assertThat(r.out()).contains("UNKNOWN  response(t1) <= 4 ms  partitioned-np-fp: the bound 5 ms exceeds 4 ms "
                + "[analysis]").contains("UNKNOWN  deadlines(t2)         partitioned-np-fp: task t2 is not schedulable "
                + "by this test (R = 7 ms > D = 6 ms (job 0 of the busy period)) [analysis]")
                .doesNotContain("no engine could decide it");
    }

    @Test
    void smtAboveItsSizeLimitIsUnknownNotAnInvalidSpec() throws IOException {
        CliRun r = CliRun.of("smt", blocked().toString(), "--max-response", "H", "--solver-size", "10");
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.UNKNOWN);
        assertThat(r.out()).contains("UNKNOWN  largest response time of H: the SMT encoding would have")
                .contains("at horizon 5 ms, above the limit of 10");
    }

    @Test
    void simulateWritesIntoOutAndReportsInTheSpecsUnits() throws IOException {
        Path out = tmp.resolve("sim");
        CliRun r = CliRun.of("simulate", blocked().toString(), "--runs", "1", "--out", out.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.VIOLATED);
        assertThat(out.resolve("blocked-worst.trace.json")).exists();
        assertThat(out.resolve("blocked-worst.svg")).content().contains("time in ms");
        assertThat(r.out()).contains("up to 5 ms").contains("4.1 ms").contains("unfinished at its deadline 2.45 ms");
    }
}
