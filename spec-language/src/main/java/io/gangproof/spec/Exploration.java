package io.gangproof.spec;

import java.util.Optional;

/**
 * Settings for the exhaustive engines (semantics §9): the horizon in ticks and the limits
 * after which a search ends in {@code UNKNOWN}. Absent values mean the engine's defaults.
 */
public record Exploration(Optional<Long> horizon, Optional<Long> maxStates, Optional<Long> timeLimitMillis,
        Optional<Long> memoryBytes) {
    public static final Exploration DEFAULTS = new Exploration(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());
}
