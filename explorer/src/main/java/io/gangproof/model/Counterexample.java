package io.gangproof.model;

import java.util.List;

/**
 * A behaviour that violates a property: every job that arrived up to the violation instant,
 * in order of arrival. {@link #scenario()} is the nondeterministic part alone, for replay.
 */
public record Counterexample(String message, long violationTime, List<JobRecord> jobs) {
    public Counterexample {
        jobs = List.copyOf(jobs);
    }

    /** What the environment chose: arrivals, releases, execution times and exits. */
    public Scenario scenario() {
        return Scenario.of(jobs);
    }
}
