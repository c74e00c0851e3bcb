package io.gangproof.model;

import io.gangproof.spec.Property;
import io.gangproof.spec.Verdict;
import java.util.List;
import java.util.Optional;

/** The explorer's verdict on one property, with the evidence semantics §8 asks for. */
public sealed interface ExplorerResult {
    Property property();

    /** The property in spec form, e.g. {@code inversion(H) <= 2 ms}. */
    String description();

    Verdict verdict();

    /**
     * The reachable states at instant {@code at} are those at {@code at - period}, every time
     * shifted by {@code period}: from then on the behaviours repeat, and the search ended
     * there (docs/semantics.md §13). A property not violated by then is violated at no instant,
     * beyond the horizon too.
     */
    record Repetition(long period, long at) {
    }

    /**
     * No behaviour violates the property at any instant {@code 0..horizon}. With a
     * {@code repetition}, none violates it at any instant at all.
     */
    record HoldsUpTo(Property property, String description, long horizon, long states,
            List<String> nondeterminism, Optional<Repetition> repetition) implements ExplorerResult {
        public HoldsUpTo {
            nondeterminism = List.copyOf(nondeterminism);
        }

        @Override
        public Verdict verdict() {
            return Verdict.HOLDS_UP_TO;
        }
    }

    /** A behaviour that violates the property within the horizon: a shortest one from the explorer, some one from JPF. */
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
