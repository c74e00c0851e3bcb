package io.gangproof.scheduler.check;

import io.gangproof.spec.Property;
import java.util.List;

/**
 * A property broken in a trace: the job(s) responsible, the instant at which the violation
 * is certain, the measured value (response time, inversion time, overtakes; 0 for deadlines
 * and deadlocks, where the time says it all) and a sentence for people.
 */
public record Violation(Property property, List<String> jobs, long time, long value, String message) {
    public Violation {
        jobs = List.copyOf(jobs);
    }

    /** Same property, jobs and time: the message and measured value may be worded differently by another engine. */
    public boolean sameAs(Violation other) {
        return property.equals(other.property) && jobs.equals(other.jobs) && time == other.time;
    }
}
