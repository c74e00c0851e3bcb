package io.gangproof.artifacts;

import io.gangproof.analysis.AssignmentResult;
import io.gangproof.analysis.NpFpResponseTime;
import io.gangproof.analysis.PartitionAssignment;
import io.gangproof.spec.SystemSpec;
import java.util.Optional;

/**
 * Partitioned fp with the heuristic assignment of the analysis module: first-fit decreasing
 * over every split of the TPUs into pipelines, each task on a pipeline of its width, Audsley's
 * priority assignment per pipeline, the non-preemptive fp response-time analysis as the test.
 * Accepted when an assignment is found (and, re-checked here, the analysis proves the assigned
 * spec).
 */
final class PartitionedHeuristicMethod implements Method {
    static final String ID = "partitioned-heuristic";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Outcome decide(SystemSpec spec) {
        return assign(spec).isPresent() ? Outcome.ACCEPTED : Outcome.REJECTED;
    }

    /** The assigned spec when the heuristic finds one that the analysis proves. */
    static Optional<SystemSpec> assign(SystemSpec spec) {
        AssignmentResult r = new PartitionAssignment(true).assign(Variants.partitionedToChoose(spec));
        if (r.spec().isEmpty()) {
            return Optional.empty();
        }
        SystemSpec assigned = r.spec().get();
        if (!new NpFpResponseTime().analyze(assigned).allSchedulable()) {
            throw new IllegalStateException("partition assignment returned a spec its test does not prove: "
                    + assigned.name());
        }
        return Optional.of(assigned);
    }
}
