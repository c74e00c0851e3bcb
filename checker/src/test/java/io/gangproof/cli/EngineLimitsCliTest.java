package io.gangproof.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.bench.ScaleSpecs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Limits end in a diagnostic or in UNKNOWN naming the limit, never in exit 70 or a hang (issue 15, items 7, 8, 9, 13). */
@Timeout(60)
class EngineLimitsCliTest {
    @TempDir
    Path dir;

    private String spec(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text).toString();
    }

    private static void assertNoInternalError(CliRun r) {
        assertThat(r.exitCode()).as(r.err()).isNotEqualTo(ExitCodes.INTERNAL);
        assertThat(r.err()).doesNotContain("internal error", "\tat ");
    }

    @Test
    void timesNearThe64BitLimitAreRefusedOrAnswered() throws IOException {
        String big = spec("big.gang", """
                system big {
                  resolution 1 ns
                  platform { tpus 2 }
                  dnn d { latency { 1: 4000000000 s } }
                  task a { runs d, periodic 9000000000 s, priority 1, tpus 1 }
                  task b { runs d, periodic 9000000000 s offset 8000000000 s, priority 2, tpus 1 }
                  scheduler global fp with gang-strict
                  verify { deadlines horizon 9200000000 s }
                }
                """);
        CliRun check = CliRun.of("check", "--out", dir.toString(), big);
        assertNoInternalError(check);
        CliRun simulation = CliRun.of("check", "--engine", "simulation", big);
        assertNoInternalError(simulation);
        assertThat(simulation.out()).contains("UNKNOWN", "2^62-tick limit");
        CliRun simulate = CliRun.of("simulate", "--trace", dir.resolve("t.trace.json").toString(), big);
        assertThat(simulate.exitCode()).isEqualTo(ExitCodes.INVALID_SPEC);
        assertThat(simulate.err()).contains("error: cannot simulate", "2^62-tick limit").doesNotContain("\tat ");
    }

    @Test
    void aBillionTicksWithAOneTickPeriodIsUnknownNamingTheLimit() throws IOException {
        String tick = spec("tick.gang", """
                system tick {
                  resolution 1 ns
                  platform { tpus 1 }
                  dnn d { latency { 1: 1 ns } }
                  task a { runs d, periodic 1 ns, priority 1, tpus 1 }
                  scheduler global fp with gang-strict
                  verify { deadlines horizon 1 s limit time 3 s }
                }
                """);
        CliRun explorer = CliRun.of("check", "--engine", "explorer", tick);
        assertNoInternalError(explorer);
        assertThat(explorer.out()).contains("UNKNOWN", "job slots", "above the limit of 1048576");
        CliRun simulation = CliRun.of("check", "--engine", "simulation", tick);
        assertThat(simulation.out()).contains("UNKNOWN", "more than 4000000 jobs");
        CliRun simulate = CliRun.of("simulate", "--trace", dir.resolve("t.trace.json").toString(), tick);
        assertThat(simulate.exitCode()).isEqualTo(ExitCodes.INVALID_SPEC);
        assertThat(simulate.err()).contains("more than 4000000 jobs");
    }

    @Test
    void simulateStopsAtTheSpecsTimeLimit() throws IOException {
        StringBuilder text = new StringBuilder("system primes {\n  resolution 1 us\n  platform { tpus 8 }\n"
                + "  dnn d { latency { 1: 5 us } }\n");
        int[] primes = java.util.stream.IntStream.range(1000, 2000)
                .filter(p -> java.util.stream.IntStream.rangeClosed(2, (int) Math.sqrt(p)).noneMatch(d -> p % d == 0))
                .limit(40).toArray();
        for (int i = 0; i < primes.length; i++) {
            text.append("  task t").append(i).append(" { runs d, periodic ").append(primes[i]).append(" us, priority ")
                    .append(i + 1).append(", tpus 1 }\n");
        }
        text.append("  scheduler global fp with gang-strict\n  verify { deadlines limit time 500 ms }\n}\n");
        String primesSpec = spec("primes.gang", text.toString());
        long start = System.nanoTime();
        CliRun r = CliRun.of("simulate", "--runs", "1000000", "--trace", dir.resolve("p.trace.json").toString(),
                primesSpec);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("stopped at the time limit of 500 ms after").contains("of 1000000 runs");
    }

    @Test
    void theAnalysisStopsAtTheSpecsTimeLimit() throws IOException {
        // 1 ms: the grouped witnesses (docs/analysis.md) analyse these 2,000 tasks in well under 50 ms on an idle machine.
        String text = ScaleSpecs.text(2000, false, 1).replace("response(t0) <= bound\n",
                "response(t0) <= bound\n    limit time 1 ms\n");
        CliRun r = CliRun.of("check", "--engine", "analysis", spec("scale.gang", text));
        assertNoInternalError(r);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.UNKNOWN);
        assertThat(r.out()).contains("the analysis stopped at the time limit of 1 ms after");
    }

    @Test
    void everyEnginesReasonIsInTheCombinedUnknown() {
        CliRun r = CliRun.of("check", BundledExamplesCliTest.SPECS.resolve("coral-synthesis.gang").toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.UNKNOWN);
        assertThat(r.out()).contains("simulation: the reference scheduler cannot run this spec: task recognize has no"
                + " pipeline yet", "explorer: the explorer cannot model this spec: task recognize has parallelism levels");
    }
}
