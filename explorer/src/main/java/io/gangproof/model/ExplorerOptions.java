package io.gangproof.model;

import io.gangproof.spec.Property;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * What a caller may set for one exploration. Each absent value falls back to the spec's
 * {@code exploration} settings, then to the defaults of {@link Explorer}.
 * {@code analysisBounds} supplies the number for {@code <= bound} properties.
 */
public record ExplorerOptions(OptionalLong horizon, OptionalLong maxStates, OptionalLong timeLimitMillis,
        OptionalLong memoryBytes, Map<Property, Long> analysisBounds, Consumer<ExplorationProgress> progress) {
    public static final ExplorerOptions DEFAULTS = new ExplorerOptions(OptionalLong.empty(), OptionalLong.empty(),
            OptionalLong.empty(), OptionalLong.empty(), Map.of(), p -> { });

    public ExplorerOptions {
        analysisBounds = Map.copyOf(analysisBounds);
    }

    public ExplorerOptions withHorizon(long ticks) {
        return new ExplorerOptions(OptionalLong.of(ticks), maxStates, timeLimitMillis, memoryBytes, analysisBounds,
                progress);
    }

    public ExplorerOptions withMaxStates(long states) {
        return new ExplorerOptions(horizon, OptionalLong.of(states), timeLimitMillis, memoryBytes, analysisBounds,
                progress);
    }

    public ExplorerOptions withTimeLimitMillis(long millis) {
        return new ExplorerOptions(horizon, maxStates, OptionalLong.of(millis), memoryBytes, analysisBounds, progress);
    }

    public ExplorerOptions withMemoryBytes(long bytes) {
        return new ExplorerOptions(horizon, maxStates, timeLimitMillis, OptionalLong.of(bytes), analysisBounds,
                progress);
    }

    public ExplorerOptions withAnalysisBounds(Map<Property, Long> bounds) {
        return new ExplorerOptions(horizon, maxStates, timeLimitMillis, memoryBytes, bounds, progress);
    }

    public ExplorerOptions withProgress(Consumer<ExplorationProgress> listener) {
        return new ExplorerOptions(horizon, maxStates, timeLimitMillis, memoryBytes, analysisBounds, listener);
    }
}
