package io.gangproof.cli;

import com.microsoft.z3.Global;
import io.gangproof.smt.search.ViolationSearch;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --solver-timeout}, {@code --solver-memory} and {@code --solver-size}: the limits of the SMT back-end's searches. */
final class SolverOptions {
    @Option(names = "--solver-timeout", paramLabel = "SECONDS", defaultValue = "60", description = "Wall-clock "
            + "limit of each Z3 query of the SMT back-end; a query that hits it is UNKNOWN (default: "
            + "${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--solver-memory", paramLabel = "MIB", description = "Memory limit of Z3 in MiB; a query that "
            + "hits it is UNKNOWN (default: no limit).")
    Long memoryMib;

    @Option(names = "--solver-size", paramLabel = "N", defaultValue = "5000", description = "Largest SMT encoding "
            + "attempted, in job slots times instants; a larger one is UNKNOWN at once, asking for a smaller "
            + "--horizon (default: ${DEFAULT-VALUE}).")
    long maxSize;

    /** The limits, after checking them; also sets Z3's process-wide memory limit when one is given. */
    ViolationSearch.Limits limits(CommandLine commandLine) {
        if (timeoutSeconds < 1) {
            throw new CommandLine.ParameterException(commandLine, "--solver-timeout must be at least 1 second");
        }
        if (memoryMib != null) {
            if (memoryMib < 1) {
                throw new CommandLine.ParameterException(commandLine, "--solver-memory must be at least 1 MiB");
            }
            Global.setParameter("memory_max_size", Long.toString(memoryMib));
        }
        if (maxSize < 1) {
            throw new CommandLine.ParameterException(commandLine, "--solver-size must be at least 1");
        }
        return ViolationSearch.Limits.DEFAULTS.withTimeout(Duration.ofSeconds(timeoutSeconds)).withMaxSize(maxSize);
    }
}
