package io.gangproof.artifacts;

import io.gangproof.analysis.GlobalPriorityAssignment;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.SystemSpec;

/**
 * A global gang analysis after priority assignment: accepted when {@link GlobalPriorityAssignment}
 * finds priorities the analysis accepts (the generated set's own priorities are rate-monotonic,
 * i.e. deadline-monotonic as {@code D = T}, and are kept when the search finds nothing better),
 * so the gap to the plain analysis' series is what the assignment buys.
 */
final class GlobalAssignmentMethod implements Method {
    private final String id;
    private final Protocol protocol;

    GlobalAssignmentMethod(String id, Protocol protocol) {
        this.id = id;
        this.protocol = protocol;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Outcome decide(SystemSpec spec) {
        return new GlobalPriorityAssignment().assign(Variants.global(spec, protocol)).found() ? Outcome.ACCEPTED
                : Outcome.REJECTED;
    }
}
