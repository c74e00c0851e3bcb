package io.gangproof.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The environment's side of one behaviour: for every job, when it arrived and was released,
 * and, if it started, its execution time and exit. Together with the spec's deterministic
 * scheduler this fixes the behaviour, so the reference scheduler can replay it.
 */
public record Scenario(List<Job> jobs) {
    public Scenario {
        jobs = List.copyOf(jobs);
    }

    /** One job's nondeterministic choices. */
    public record Job(String task, int index, long arrival, long release, OptionalLong execTime,
            Optional<String> exit) {
    }

    static Scenario of(List<JobRecord> records) {
        List<Job> jobs = new ArrayList<>();
        for (JobRecord r : records) {
            jobs.add(new Job(r.task(), r.index(), r.arrival(), r.release(), r.execTime(), r.exit()));
        }
        return new Scenario(jobs);
    }
}
