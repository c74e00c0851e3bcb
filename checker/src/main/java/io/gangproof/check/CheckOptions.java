package io.gangproof.check;

import io.gangproof.model.Horizons;
import io.gangproof.spec.Bound;
import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Settings of one {@code check} run that engines may need; {@code analysisBounds} are the
 * numbers an analysis derived for the spec's {@code <= bound} properties. {@code timeLimit}
 * is the budget of the check of a spec, shared by its properties, when the spec sets no
 * {@code limit time} (semantics §8; none: each engine's own limits); {@code deadline} is the instant
 * ({@link System#nanoTime()}) by which the engine being asked must answer, set by the
 * {@link Checker} from that budget.
 */
public record CheckOptions(Optional<Long> horizonOverride, long seed, Optional<Path> outputDir,
        Map<Property, Long> analysisBounds, Optional<Duration> timeLimit, OptionalLong deadline) {
    public static final CheckOptions DEFAULTS = new CheckOptions(Optional.empty(), 1L, Optional.empty(), Map.of());

    public CheckOptions {
        analysisBounds = Map.copyOf(analysisBounds);
        if (timeLimit.isPresent() && (timeLimit.get().isNegative() || timeLimit.get().isZero())) {
            throw new IllegalArgumentException("the time limit must be positive");
        }
    }

    public CheckOptions(Optional<Long> horizonOverride, long seed, Optional<Path> outputDir,
            Map<Property, Long> analysisBounds) {
        this(horizonOverride, seed, outputDir, analysisBounds, Optional.empty(), OptionalLong.empty());
    }

    public CheckOptions(Optional<Long> horizonOverride, long seed, Optional<Path> outputDir) {
        this(horizonOverride, seed, outputDir, Map.of());
    }

    public CheckOptions withAnalysisBounds(Map<Property, Long> bounds) {
        return new CheckOptions(horizonOverride, seed, outputDir, bounds, timeLimit, deadline);
    }

    public CheckOptions withTimeLimit(Duration limit) {
        return new CheckOptions(horizonOverride, seed, outputDir, analysisBounds, Optional.of(limit), deadline);
    }

    public CheckOptions withDeadline(long nanoTime) {
        return new CheckOptions(horizonOverride, seed, outputDir, analysisBounds, timeLimit, OptionalLong.of(nanoTime));
    }

    /** The budget of the check of {@code spec}: its {@code limit time}, else the time limit given. */
    public Optional<Duration> budget(SystemSpec spec) {
        return spec.exploration().timeLimitMillis().map(Duration::ofMillis).or(() -> timeLimit);
    }

    /** Milliseconds left until the deadline (at least 1 while it has not passed); empty without one. */
    public OptionalLong remainingMillis() {
        if (deadline.isEmpty()) {
            return OptionalLong.empty();
        }
        long nanos = deadline.getAsLong() - System.nanoTime();
        return OptionalLong.of(nanos <= 0 ? 0 : Math.max(1, nanos / 1_000_000));
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
