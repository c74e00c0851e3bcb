package io.gangproof.scheduler.search;

import io.gangproof.scheduler.check.Violation;
import io.gangproof.scheduler.trace.Trace;
import java.util.List;

/**
 * What {@link SimulationSearch} found: per-task extremes and the worst run's full trace, with
 * the violations of the spec's numerically bounded properties it exhibits attached (so that
 * writing the trace gives a replayable counterexample). {@code worstRunSeed} regenerates that
 * run's scenario with {@code RandomScenarios.generate(spec, horizon, worstRunSeed)} (run 0 is
 * the synchronous scenario and has no seed of its own).
 */
public record SearchResult(int runs, long horizon, long seed, List<TaskExtremes> tasks, int worstRun, long worstRunSeed,
        Trace worstTrace, List<Violation> worstViolations) {
    public SearchResult {
        tasks = List.copyOf(tasks);
        worstViolations = List.copyOf(worstViolations);
    }
}
