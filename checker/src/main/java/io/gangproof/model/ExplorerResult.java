package io.gangproof.model;

import io.gangproof.spec.Property;
import io.gangproof.spec.Verdict;
import java.util.List;

/** The explorer's verdict on one property, with the evidence semantics §8 asks for. */
public sealed interface ExplorerResult {
    Property property();

    /** The property in spec form, e.g. {@code inversion(H) <= 2 ms}. */
    String description();

    Verdict verdict();

    /** No behaviour violates the property at any instant {@code 0..horizon}. */
    record HoldsUpTo(Property property, String description, long horizon, long states,
            List<String> nondeterminism) implements ExplorerResult {
        public HoldsUpTo {
            nondeterminism = List.copyOf(nondeterminism);
        }

        @Override
        public Verdict verdict() {
            return Verdict.HOLDS_UP_TO;
        }
    }

    /** A behaviour that violates the property within the horizon; the counterexample is a shortest one. */
    record Violated(Property property, String description, long horizon, long states, Counterexample counterexample)
            implements ExplorerResult {
        @Override
        public Verdict verdict() {
            return Verdict.VIOLATED;
        }
    }

    /** Neither: a limit was hit or the spec cannot be modelled; {@code reason} says which. */
    record Unknown(Property property, String description, String reason, long states) implements ExplorerResult {
        @Override
        public Verdict verdict() {
            return Verdict.UNKNOWN;
        }
    }
}
