package io.gangproof.check;

import io.gangproof.spec.Property;
import io.gangproof.spec.Verdict;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The verdict on one property with its evidence (semantics §8, §12). {@code bound} is in
 * ticks ({@code response}, {@code inversion}) or jobs ({@code overtakes}).
 */
public record PropertyResult(Property property, String description, Verdict verdict, String engine,
        Optional<Long> bound, Optional<Long> horizon, Optional<Long> states, double seconds, Optional<Path> trace,
        Optional<String> reason) {

    public static PropertyResult unknown(Property property, String description, String engine, String reason,
            double seconds) {
        return new PropertyResult(property, description, Verdict.UNKNOWN, engine, Optional.empty(),
                Optional.empty(), Optional.empty(), seconds, Optional.empty(), Optional.of(reason));
    }
}
