package io.gangproof.symbolic;

import io.gangproof.scheduler.trace.Trace;
import io.gangproof.spec.Property;

/** The symbolic engine's answer on one property (docs/symbolic.md §8). */
public sealed interface SymbolicResult {
    Property property();

    /** The zone graph closed without a violating state: the property holds at every instant. */
    record Proved(Property property, long states, long transitions) implements SymbolicResult {
    }

    /** A replayed counterexample: the reference scheduler's trace with the violation it found. */
    record Violated(Property property, long states, Trace trace, long instant) implements SymbolicResult {
    }

    /** Neither: a limit was hit, or the property needs what zones cannot express. */
    record Unknown(Property property, long states, String reason) implements SymbolicResult {
    }
}
