package io.gangproof.symbolic;

import io.gangproof.spec.Property;
import java.util.Map;

/**
 * Limits of one symbolic search, the numeric values of analysis-derived bounds, and the
 * horizon, which only sets how far job ages are tracked exactly (docs/symbolic.md §6).
 */
public record SymbolicOptions(long timeLimitMillis, long maxStates, long horizon, Map<Property, Long> bounds) {
    public static final long DEFAULT_TIME_LIMIT_MILLIS = 10_000;
    public static final long DEFAULT_MAX_STATES = 2_000_000;

    public SymbolicOptions {
        bounds = Map.copyOf(bounds);
    }

    public static SymbolicOptions of(long horizon, Map<Property, Long> bounds) {
        return new SymbolicOptions(DEFAULT_TIME_LIMIT_MILLIS, DEFAULT_MAX_STATES, horizon, bounds);
    }
}
