package io.gangproof.symbolic.cert;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.scheduler.Scenario;
import io.gangproof.scheduler.scenario.RandomScenarios;
import io.gangproof.spec.SystemSpec;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The zone graph the certificate stores contains the reference scheduler's behaviours: every
 * instant with an event, in random scenarios, lies in a stored state (docs/symbolic.md §12).
 */
class TraceCoverageTest {
    @ParameterizedTest
    @CsvSource({"coral-dynamic, 6000, 3", "textbook-buttazzo-ex8-1, 60, 30", "timing-anomaly, 40, 30",
        "deadlock-free-ascending, 60, 30", "starvation-strict, 80, 30"})
    void randomRunsOfTheReferenceSchedulerLieInTheStoredStates(String name, long horizon, int runs)
            throws ZoneGraphFile.Malformed {
        SystemSpec spec = Certificates.bundled(name);
        ZoneGraphFile f = ZoneGraphFile.parse(Certificates.of(spec, 100).orElseThrow());
        TraceCoverage coverage = new TraceCoverage(spec, f);
        for (long seed = 0; seed < runs; seed++) {
            Scenario scenario = RandomScenarios.generate(spec, horizon, seed);
            Optional<String> miss = coverage.uncovered(spec, scenario, horizon);
            assertThat(miss).as("seed %d", seed).isEmpty();
        }
    }

    /** The check can fail: without one stored settled state, the runs that pass through it are not covered. */
    @org.junit.jupiter.api.Test
    void everySettledStateRemovedIsMissedBySomeRun() throws ZoneGraphFile.Malformed {
        SystemSpec spec = Certificates.bundled("deadlock-free-ascending");
        ZoneGraphFile f = ZoneGraphFile.parse(Certificates.of(spec, 100).orElseThrow());
        int settled = 0;
        for (ZoneGraphFile.State removed : f.states()) {
            if (!removed.settled()) {
                continue;
            }
            settled++;
            ZoneGraphFile without = new ZoneGraphFile(f.specName(), f.specHash(), f.tasks(), f.props(), f.initial(),
                    f.states().stream().filter(s -> s != removed).toList());
            Scenario scenario = RandomScenarios.generate(spec, 60, 0);
            assertThat(new TraceCoverage(spec, without).uncovered(spec, scenario, 60)).as("state %d", removed.id())
                    .isPresent();
        }
        assertThat(settled).isGreaterThan(3);
    }
}
