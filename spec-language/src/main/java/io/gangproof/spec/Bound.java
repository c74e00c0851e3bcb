package io.gangproof.spec;

/** The right-hand side of a bounded property: a number, or the bound an analysis derives. */
public sealed interface Bound {
    /** Ticks for {@code response} and {@code inversion}; a count for {@code overtakes}. */
    record Value(long value) implements Bound {
        public Value {
            if (value < 0) {
                throw new IllegalArgumentException("a bound is never negative");
            }
        }
    }

    /** {@code <= bound}: whatever bound the analysis derives. */
    record FromAnalysis() implements Bound {
    }
}
