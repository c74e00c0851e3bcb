package io.gangproof.scheduler.trace;

import java.util.List;
import java.util.OptionalLong;

/**
 * What happened to one job up to the horizon. {@code start} is present once the job holds
 * all its TPUs and executes; {@code finish} is present only when it finished at or before
 * the horizon. {@code reloadTime} is the reload the job paid before executing (0 when every
 * TPU it started on last ran its own DNN, or when the DNN declares no reload time).
 */
public record JobRecord(String task, int index, long arrival, long release, long deadline, long executionTime,
        String exit, OptionalLong start, OptionalLong finish, long reloadTime, List<Acquisition> acquisitions) {
    public JobRecord {
        acquisitions = List.copyOf(acquisitions);
    }

    public String id() {
        return task + "#" + index;
    }

    /** The TPUs the job holds, in the order it took them. */
    public List<Integer> tpus() {
        return acquisitions.stream().map(Acquisition::tpu).toList();
    }

    /** When the job stops occupying its TPUs, known once it started (may lie beyond the horizon). */
    public OptionalLong end() {
        return start.isPresent() ? OptionalLong.of(Math.addExact(Math.addExact(start.getAsLong(), reloadTime),
                executionTime)) : OptionalLong.empty();
    }
}
