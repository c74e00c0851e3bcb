package io.gangproof.scheduler.trace;

import java.util.List;

/** At {@code time}, every job of {@code jobs} holds a TPU of {@code tpus} and waits for one held by another. */
public record Deadlock(long time, List<String> jobs, List<Integer> tpus) {
    public Deadlock {
        jobs = List.copyOf(jobs);
        tpus = List.copyOf(tpus);
    }
}
