package io.gangproof.scheduler;

/**
 * Everything the environment decides about one job (semantics §4, §9): when it arrives,
 * when it is released ({@code arrival <= release <= arrival + J}), which exit it takes and
 * how long it executes ({@code executionTime} excludes any reload, which the scheduler adds).
 * Jobs of a task are numbered from 0 in arrival order.
 */
public record ScenarioJob(String task, int index, long arrival, long release, long executionTime, String exit) {
    public ScenarioJob {
        if (index < 0 || arrival < 0 || release < arrival || executionTime < 1) {
            throw new IllegalArgumentException("job " + task + "#" + index
                    + " needs index >= 0, 0 <= arrival <= release and execution time >= 1");
        }
    }

    /** The name used in traces and messages, {@code task#index}. */
    public String id() {
        return task + "#" + index;
    }
}
