package io.gangproof.analysis;

import io.gangproof.spec.SystemSpec;

import java.util.Optional;

/**
 * The outcome of an assignment heuristic: a new spec with the choices made (and which the
 * acceptance test deems schedulable), or empty with the reason none was found. A failed
 * heuristic proves nothing about the system.
 */
public record AssignmentResult(Optional<SystemSpec> spec, String explanation) {
    public boolean found() {
        return spec.isPresent();
    }
}
