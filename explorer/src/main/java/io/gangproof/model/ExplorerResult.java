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

    /**
     * The reachable states at instant {@code at} are those at {@code at - period}, every time
     * shifted by {@code period}: from then on the behaviours repeat, and the explorer's search
     * ended there (JPF's went on to the horizon, and found it after; docs/semantics.md §13). A
     * property not violated by then is violated at no instant, beyond the horizon too.
     */
    record Repetition(long period, long at) {
    }

    /** No behaviour violates the property at any instant {@code 0..horizon}; later ones were not searched. */
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

    /**
     * No behaviour violates the property at any instant at all: the reachable states
     * repeated ({@code repetition}) before any violated it (docs/semantics.md §13 item 7).
     * {@code horizon} is the one the search was given; it ended before it.
     */
    record Proved(Property property, String description, long horizon, long states, List<String> nondeterminism,
            Repetition repetition) implements ExplorerResult {
        public Proved {
            nondeterminism = List.copyOf(nondeterminism);
        }

        @Override
        public Verdict verdict() {
            return Verdict.PROVED;
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
