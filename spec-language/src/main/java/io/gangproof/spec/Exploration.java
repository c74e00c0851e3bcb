package io.gangproof.spec;

import java.util.Optional;

/**
 * Settings for the exhaustive engines (semantics §9): the horizon in ticks and the limits
 * after which a search ends in {@code UNKNOWN}, all positive. Absent values mean the engine's
 * defaults.
 */
public record Exploration(Optional<Long> horizon, Optional<Long> maxStates, Optional<Long> timeLimitMillis,
        Optional<Long> memoryBytes) {
    public static final Exploration DEFAULTS = new Exploration(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    public Exploration {
        for (Optional<Long> limit : java.util.List.of(horizon, maxStates, timeLimitMillis, memoryBytes)) {
            if (limit.isPresent() && limit.get() < 1) {
                throw new IllegalArgumentException("exploration settings are positive, got " + limit.get());
            }
        }
    }
}
