package io.gangproof.model;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One job of a behaviour, in ticks. {@code index} counts the task's arrivals from 0. Execution
 * time, exit, start and finish are empty when the behaviour ends before them. {@code tpus} are
 * the TPUs the job holds or held, in the order it took them; under a per-TPU protocol a job
 * that has not started may hold some. {@code reloads}: it reloaded its DNN before executing.
 * {@code exit} is the first exit of the DNN whose interval contains the execution time.
 */
public record JobRecord(String task, int index, long arrival, long release, OptionalLong execTime,
        Optional<String> exit, OptionalLong start, List<Integer> tpus, boolean reloads, OptionalLong finish) {
    public JobRecord {
        tpus = List.copyOf(tpus);
    }

    /** {@code finish - arrival} when finished. */
    public OptionalLong responseTime() {
        return finish.isPresent() ? OptionalLong.of(finish.getAsLong() - arrival) : OptionalLong.empty();
    }
}
