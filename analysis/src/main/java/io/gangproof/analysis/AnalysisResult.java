package io.gangproof.analysis;

import java.util.List;
import java.util.Optional;

/** What one analysis concluded about a spec: one {@link TaskBound} per task, in the spec's task order. */
public record AnalysisResult(String analysis, String spec, List<TaskBound> tasks) {
    public AnalysisResult {
        // A slice cannot change, so it is kept as it is (the partitioned tests hand one over).
        tasks = ImmutableSlice.copyOf(tasks);
    }

    /** True when the test shows every task meets its deadlines. */
    public boolean allSchedulable() {
        return !tasks.isEmpty() && tasks.stream().allMatch(TaskBound::schedulable);
    }

    public boolean applicable() {
        return tasks.stream().noneMatch(t -> t.outcome() == Outcome.NOT_APPLICABLE);
    }

    public Optional<TaskBound> task(String name) {
        return tasks.stream().filter(t -> t.task().equals(name)).findFirst();
    }
}
