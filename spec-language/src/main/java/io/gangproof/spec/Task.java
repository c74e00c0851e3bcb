package io.gangproof.spec;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A task (semantics §4). Times are in ticks. {@code levels} is the set of allowed
 * parallelism levels: one element when the level is fixed, several when synthesis chooses.
 * Under {@code partitioned} placement with a pipeline, and under {@code pinned} placement,
 * the level is the size of the pipeline or TPU list. Priority 1 is the highest.
 */
public record Task(String name, Dnn dnn, Arrival arrival, long deadline, long jitter, int priority,
        SortedSet<Integer> levels, Binding binding) {
    public Task {
        if (deadline < 1 || deadline > arrival.period()) {
            throw new IllegalArgumentException("task " + name + " needs 1 <= D <= T");
        }
        if (jitter < 0) {
            throw new IllegalArgumentException("task " + name + " has negative jitter");
        }
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("task " + name + " has no parallelism level");
        }
        levels = Collections.unmodifiableSortedSet(new TreeSet<>(levels));
    }

    public boolean levelFixed() {
        return levels.size() == 1;
    }

    /** The fixed parallelism level {@code k}. */
    public int level() {
        if (!levelFixed()) {
            throw new IllegalStateException("task " + name + " has levels " + levels + " still to choose");
        }
        return levels.first();
    }

    public long period() {
        return arrival.period();
    }

    /** {@code wcet(k)} at the fixed level. */
    public long wcet() {
        return dnn.wcet(level());
    }

    public long bcet() {
        return dnn.bcet(level());
    }
}
