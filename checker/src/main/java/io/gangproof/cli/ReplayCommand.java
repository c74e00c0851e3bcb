package io.gangproof.cli;

import io.gangproof.check.AnalysisEngine;
import io.gangproof.scheduler.check.Violation;
import io.gangproof.scheduler.replay.ReplayResult;
import io.gangproof.scheduler.replay.Replayer;
import io.gangproof.scheduler.trace.Trace;
import io.gangproof.scheduler.trace.TraceJson;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.TimeFormat;
import io.gangproof.spec.format.PropertyText;
import java.io.PrintWriter;
import java.nio.file.Files;
import io.gangproof.spec.parse.InputFiles;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gangproof replay SPEC TRACE}: re-executes a trace's scenario and confirms its violations. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Re-execute a trace and confirm its violations.",
            "Runs the scenario of a trace (written by check or simulate) in the reference scheduler, compares "
                + "every recorded field (header, jobs, occupancy, events, deadlocks), and checks that the trace's "
                + "violations are exactly those the replayed schedule shows."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:same schedule; the trace claims no violation",
            "1:same schedule; every claimed violation confirmed",
            "64:bad command line",
            "65:invalid spec, unreadable trace (malformed, a field missing, anything after the JSON),",
            "   or a scenario that is no behaviour of the spec",
            "70:the replay differs from the trace, or its violations are not the recorded ones",
            "   (the first difference is printed)"})
final class ReplayCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Parameters(index = "0", paramLabel = "SPEC", description = "The spec (.gang).")
    Path specFile;

    @Parameters(index = "1", paramLabel = "TRACE", description = "A trace file (.trace.json).")
    Path traceFile;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        Optional<SystemSpec> loaded = SpecInputs.load(specFile, err);
        if (loaded.isEmpty()) {
            return ExitCodes.INVALID_SPEC;
        }
        SystemSpec spec = loaded.get();
        Trace trace;
        try {
            trace = TraceJson.read(InputFiles.read(traceFile));
        } catch (InputFiles.Unreadable | RuntimeException e) {
            err.println(traceFile + ": error: not a readable trace: " + e.getMessage());
            err.flush();
            return ExitCodes.INVALID_SPEC;
        }
        ReplayResult r = Replayer.replay(spec, trace, AnalysisEngine.derivedBounds(spec));
        if (r instanceof ReplayResult.Confirmed c) {
            out.println("confirmed: the schedule replays exactly and shows " + c.violations().size() + " violation"
                    + (c.violations().size() == 1 ? "" : "s") + ":");
            for (Violation v : c.violations()) {
                out.println("  VIOLATED  " + PropertyText.of(spec, v.property()) + "  " + v.message());
            }
        } else if (r instanceof ReplayResult.Reproduced) {
            out.println("reproduced: the schedule replays exactly; the trace claims no violation");
        } else if (r instanceof ReplayResult.Diverged d) {
            err.println("the replay differs from the trace: " + d.first().describe(TimeFormat.of(spec)));
        } else if (r instanceof ReplayResult.Unconfirmed u) {
            err.println("the schedule replays, but its violations are not the ones the trace records: "
                    + u.firstMismatch(property -> PropertyText.of(spec, property)));
        } else {
            err.println(traceFile + ": error: cannot replay: " + ((ReplayResult.NotReplayable) r).reason());
            err.flush();
            return ExitCodes.INVALID_SPEC;
        }
        out.flush();
        err.flush();
        return r.exitCode();
    }
}
