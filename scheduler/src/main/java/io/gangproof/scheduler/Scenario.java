package io.gangproof.scheduler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A concrete behaviour of the environment: every job's arrival, release, exit and execution
 * time. Together with a spec and a horizon it determines the schedule completely.
 * Jobs are kept sorted by task name, then index, so equal scenarios compare equal.
 */
public record Scenario(List<ScenarioJob> jobs) {
    private static final Comparator<ScenarioJob> ORDER = Comparator.comparing(ScenarioJob::task)
            .thenComparingInt(ScenarioJob::index);

    public Scenario {
        List<ScenarioJob> sorted = new ArrayList<>(jobs);
        sorted.sort(ORDER);
        for (int i = 1; i < sorted.size(); i++) {
            if (ORDER.compare(sorted.get(i - 1), sorted.get(i)) == 0) {
                throw new IllegalArgumentException("job " + sorted.get(i).id() + " appears twice in the scenario");
            }
        }
        jobs = List.copyOf(sorted);
    }

    /** The jobs of one task, in index order. */
    public List<ScenarioJob> jobsOf(String task) {
        return jobs.stream().filter(j -> j.task().equals(task)).toList();
    }
}
