package io.gangproof.spec;

import java.util.Optional;
import java.util.Set;

/**
 * The length of one tick in nanoseconds (semantics §1). Every time in a {@link SystemSpec}
 * is a whole number of these ticks.
 *
 * <p>{@code unit} is the spec's time unit (semantics §12): the unit most of its time literals
 * are written in, in which every time is shown to a person. It is how the spec was written,
 * not what it means, so it takes no part in equality: two resolutions of the same tick length
 * are equal, and a spec rewritten in other units is still the same system.
 */
public record Resolution(long nanosPerTick, Optional<String> unit) {
    public static final Resolution DEFAULT = new Resolution(1_000L);
    private static final Set<String> TIME_UNITS = Set.of("ns", "us", "ms", "s");

    public Resolution {
        if (nanosPerTick < 1) {
            throw new IllegalArgumentException("resolution must be at least 1 ns, got " + nanosPerTick);
        }
        if (unit.isPresent() && !TIME_UNITS.contains(unit.get())) {
            throw new IllegalArgumentException("not a time unit: " + unit.get());
        }
    }

    /** A tick length with no unit of its own (a system built in code, not written). */
    public Resolution(long nanosPerTick) {
        this(nanosPerTick, Optional.empty());
    }

    /** The same tick length, shown in {@code unit} ({@code ns, us, ms, s}). */
    public Resolution shownIn(Optional<String> shown) {
        return new Resolution(nanosPerTick, shown);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Resolution r && r.nanosPerTick == nanosPerTick;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(nanosPerTick);
    }
}
