package io.gangproof.check;

import io.gangproof.spec.Property;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Settings of one {@code check} run that engines may need; {@code analysisBounds} are the
 * numbers an analysis derived for the spec's {@code <= bound} properties.
 */
public record CheckOptions(Optional<Long> horizonOverride, long seed, Optional<Path> outputDir,
        Map<Property, Long> analysisBounds) {
    public static final CheckOptions DEFAULTS = new CheckOptions(Optional.empty(), 1L, Optional.empty(), Map.of());

    public CheckOptions {
        analysisBounds = Map.copyOf(analysisBounds);
    }

    public CheckOptions(Optional<Long> horizonOverride, long seed, Optional<Path> outputDir) {
        this(horizonOverride, seed, outputDir, Map.of());
    }

    public CheckOptions withAnalysisBounds(Map<Property, Long> bounds) {
        return new CheckOptions(horizonOverride, seed, outputDir, bounds);
    }
}
