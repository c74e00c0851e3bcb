package io.gangproof.scheduler.trace;

import java.util.List;

/**
 * One step of the scheduler, in the order of semantics §5 within an instant: finishes,
 * then releases, then acquisitions and starts, then any deadlock found.
 */
public record TraceEvent(long time, Kind kind, List<String> jobs, List<Integer> tpus) {
    public TraceEvent {
        jobs = List.copyOf(jobs);
        tpus = List.copyOf(tpus);
    }

    public enum Kind {
        /** The job finished and released {@code tpus}. */
        FINISH,
        /** The job became pending. */
        RELEASE,
        /** Per-TPU protocols: the job took one TPU lock. */
        ACQUIRE,
        /** The job holds all {@code tpus} and executes from now on. */
        START,
        /** {@code jobs} hold {@code tpus} and each waits for a TPU held by another. */
        DEADLOCK
    }
}
