package io.gangproof.scheduler.trace;

import io.gangproof.scheduler.Scenario;
import io.gangproof.scheduler.check.Violation;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A schedule up to {@code horizon}: the scenario it came from (so it can be replayed), every
 * job that arrived by the horizon, per-TPU occupancy, the events in order, deadlocks reached,
 * and the violations claimed for it (by the engine that produced it; empty when none).
 */
public record Trace(String spec, String scheduler, long horizon, Scenario scenario, List<JobRecord> jobs,
        List<Occupancy> occupancy, List<TraceEvent> events, List<Deadlock> deadlocks, List<Violation> violations) {
    public Trace {
        jobs = List.copyOf(jobs);
        occupancy = List.copyOf(occupancy);
        events = List.copyOf(events);
        deadlocks = List.copyOf(deadlocks);
        violations = List.copyOf(violations);
    }

    public JobRecord job(String id) {
        return jobs.stream().filter(j -> j.id().equals(id)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("the trace has no job " + id));
    }

    public List<JobRecord> jobsOf(String task) {
        return jobs.stream().filter(j -> j.task().equals(task)).toList();
    }

    public Trace withViolations(List<Violation> claimed) {
        return new Trace(spec, scheduler, horizon, scenario, jobs, occupancy, events, deadlocks, claimed);
    }
}
