package io.gangproof.spec;

/**
 * The length of one tick in nanoseconds (semantics §1). Every time in a {@link SystemSpec}
 * is a whole number of these ticks.
 */
public record Resolution(long nanosPerTick) {
    public static final Resolution DEFAULT = new Resolution(1_000L);

    public Resolution {
        if (nanosPerTick < 1) {
            throw new IllegalArgumentException("resolution must be at least 1 ns, got " + nanosPerTick);
        }
    }
}
