package io.gangproof.check;

import io.gangproof.model.Horizons;
import io.gangproof.spec.Bound;
import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

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

    /** The horizon of a search of {@code spec}: the one given, else the spec's, else the default (semantics §13). */
    public long horizon(SystemSpec spec) {
        return Horizons.resolve(spec, horizonOverride.map(OptionalLong::of).orElse(OptionalLong.empty()));
    }

    /**
     * The number on the right of {@code property}: the declared one, or the analysis-derived
     * one for {@code <= bound}; empty for properties without a bound, or when no analysis
     * derived one.
     */
    public Optional<Long> numericBound(Property property) {
        Optional<Bound> b = property.declaredBound();
        if (b.isEmpty()) {
            return Optional.empty();
        }
        return b.get() instanceof Bound.Value v ? Optional.of(v.value()) : Optional.ofNullable(analysisBounds.get(
                property));
    }
}
