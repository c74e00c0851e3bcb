package io.gangproof.cli;

import io.gangproof.model.Horizons;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.format.SpecWriter;
import io.gangproof.symbolic.cert.ZoneGraphChecker;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gangproof certify SPEC CERTIFICATE}: re-checks a zone-graph certificate written by {@code check}. */
@Command(name = "certify", mixinStandardHelpOptions = true,
        description = {"Re-check a zone-graph certificate against its spec.",
            "The symbolic engine saves its closed zone graph as OUT/certificates/<spec>.zone-graph when it proves a "
                + "property. This command re-checks it with code independent of the engine: the initial state is "
                + "covered, every successor of every stored state (derived again from the spec) is included in the "
                + "stored state the file names, and no stored state violates a proved property; then random runs of "
                + "the reference scheduler must be simulated by its stored states (--runs; docs/symbolic.md)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:accepted: every property it lists as proved holds at every instant",
            "1:rejected: the certificate proves nothing, or a run of the reference scheduler leaves its states",
            "   (the first failure is printed)",
            "64:bad command line",
            "65:invalid spec, or an unreadable certificate file"})
final class CertifyCommand implements Callable<Integer> {
    private static final long MAX_BYTES = 256L << 20;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Parameters(index = "0", paramLabel = "SPEC", description = "The spec (.gang).")
    Path specFile;

    @Parameters(index = "1", paramLabel = "CERTIFICATE", description = "A zone-graph certificate (.zone-graph).")
    Path certificateFile;

    @CommandLine.Option(names = "--runs", defaultValue = "20", paramLabel = "N",
            description = "Also run N random scenarios of the reference scheduler up to the spec's horizon and check"
                    + " that every instant with an event is simulated by a stored state (a sampled check that the zone graph"
                    + " contains the scheduler's behaviours; 0 skips it). Default: ${DEFAULT-VALUE}.")
    int runs;

    @CommandLine.Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "Seed of the first random scenario. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        Optional<SystemSpec> loaded = SpecInputs.load(specFile, err);
        if (loaded.isEmpty()) {
            return ExitCodes.INVALID_SPEC;
        }
        String text;
        try {
            // Certificates are larger than specs and traces (InputFiles' limit): up to about 50 MB (docs/symbolic.md).
            if (Files.size(certificateFile) > MAX_BYTES) {
                throw new IOException("larger than " + (MAX_BYTES >> 20) + " MiB");
            }
            text = Files.readString(certificateFile, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            err.println(certificateFile + ": error: not a readable certificate: " + e.getMessage());
            err.flush();
            return ExitCodes.INVALID_SPEC;
        }
        if (runs < 0) {
            err.println("error: --runs must be at least 0");
            err.flush();
            return ExitCodes.USAGE;
        }
        long start = System.nanoTime();
        ZoneGraphChecker.Verdict v = ZoneGraphChecker.check(loaded.get(), text);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (v.outcome() == ZoneGraphChecker.Outcome.ACCEPTED) {
            long horizon = Horizons.resolve(loaded.get(), OptionalLong.empty());
            Optional<String> miss = ZoneGraphChecker.uncoveredRun(loaded.get(), text, runs, horizon, seed);
            if (miss.isPresent()) {
                err.println(certificateFile + ": rejected: " + miss.get());
                err.flush();
                return ExitCodes.VIOLATED;
            }
            out.printf(java.util.Locale.ROOT, "accepted: %d states, %d successors re-checked in %.2f s (%s)%n",
                    v.states(), v.successors(), seconds, v.reason());
            if (runs > 0) {
                out.println("  every instant of " + runs + " random scenario" + (runs == 1 ? "" : "s")
                        + " of the reference scheduler up to " + SpecWriter.time(loaded.get(), horizon)
                        + " is simulated by a stored state");
            }
            for (String p : v.claimed()) {
                out.println("  PROVED  " + p);
            }
            out.flush();
            return ExitCodes.OK;
        }
        err.println(certificateFile + ": rejected: " + v.reason());
        err.flush();
        return ExitCodes.VIOLATED;
    }
}
