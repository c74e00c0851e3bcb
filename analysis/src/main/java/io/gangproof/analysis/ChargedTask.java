package io.gangproof.analysis;

import io.gangproof.spec.TimeFormat;
/**
 * A task as the analyses see it: its width and its charged execution time {@code exec}, i.e.
 * {@code wcet(k)} plus {@code reload} wherever semantics §5 lets a job reload (see
 * {@link PartitionView} and the global analyses). {@code time} writes its times in reasons.
 */
record ChargedTask(String name, int priority, int width, long exec, long period, long deadline, long jitter,
        String dnn, long reload, TimeFormat time) {
}
