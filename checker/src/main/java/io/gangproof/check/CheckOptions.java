package io.gangproof.check;

import java.nio.file.Path;
import java.util.Optional;

/** Settings of one {@code check} run that engines may need. */
public record CheckOptions(Optional<Long> horizonOverride, long seed, Optional<Path> outputDir) {
    public static final CheckOptions DEFAULTS = new CheckOptions(Optional.empty(), 1L, Optional.empty());
}
