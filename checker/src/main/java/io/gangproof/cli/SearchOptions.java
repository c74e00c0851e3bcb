package io.gangproof.cli;

import io.gangproof.model.Horizons;
import io.gangproof.spec.SystemSpec;
import java.util.Optional;
import java.util.OptionalLong;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --horizon} and {@code --seed}, shared by the commands that search behaviours. */
final class SearchOptions {
    @Option(names = "--horizon", paramLabel = "TIME", converter = TimeArgument.Converter.class,
            description = "Search instants 0..TIME, e.g. 40ms or a number of ticks (default: the spec's `horizon`, "
                    + "else one hyperperiod after the last offset plus the largest deadline).")
    TimeArgument horizon;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the random scenarios (default: "
            + "${DEFAULT-VALUE}).")
    long seed;

    /** The horizon given for {@code spec}, in its ticks; a usage error when it is not a whole number of them. */
    Optional<Long> override(SystemSpec spec, CommandLine commandLine) {
        try {
            return horizon == null ? Optional.empty() : Optional.of(horizon.ticksOf(spec));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, "--horizon: " + e.getMessage());
        }
    }

    /** The horizon for {@code spec}: the one given, else the spec's, else the default. */
    long resolve(SystemSpec spec, CommandLine commandLine) {
        return override(spec, commandLine).orElseGet(() -> Horizons.resolve(spec, OptionalLong.empty()));
    }
}
