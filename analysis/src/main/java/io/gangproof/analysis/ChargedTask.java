package io.gangproof.analysis;

/**
 * A task as the analyses see it: its width and its charged execution time {@code exec}, i.e.
 * {@code wcet(k)} plus {@code reload} wherever semantics §5 lets a job reload (see
 * {@link PartitionView} and the global analyses).
 */
record ChargedTask(String name, int priority, int width, long exec, long period, long deadline, long jitter,
        String dnn, long reload) {
}
