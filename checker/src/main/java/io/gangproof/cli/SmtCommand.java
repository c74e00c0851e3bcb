package io.gangproof.cli;

import io.gangproof.check.AnalysisEngine;
import io.gangproof.scheduler.ReferenceScheduler;
import io.gangproof.scheduler.check.TraceChecker;
import io.gangproof.scheduler.svg.GanttSvg;
import io.gangproof.scheduler.trace.Trace;
import io.gangproof.scheduler.trace.TraceJson;
import io.gangproof.smt.search.ViolationSearch;
import io.gangproof.spec.Bound;
import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.TimeFormat;
import io.gangproof.spec.format.SpecWriter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gangproof smt SPEC}: the SMT back-end's queries on their own. {@code --emit} writes a
 * query as SMT-LIB 2 for any solver; {@code --max-response} asks Z3's optimiser. Verdicts on the
 * spec's properties come from {@code check --engine smt}.
 */
@Command(name = "smt", mixinStandardHelpOptions = true,
        description = {"Export or solve the SMT back-end's queries.",
            "--emit writes the bounded violation search of one property (sat: a behaviour violates it by the "
                + "horizon) or, with --max-response, the optimisation query, as a self-contained SMT-LIB 2 file.",
            "--max-response TASK alone asks Z3 for the largest response time of TASK up to the horizon and "
                + "writes the behaviour that reaches it.",
            "For verdicts use `gangproof check --engine smt`."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written or answered", "2:the solver hit a limit, or the encoding is above --solver-size (UNKNOWN)",
            "64:bad command line",
            "65:invalid spec, or one the SMT back-end cannot encode"})
final class SmtCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Parameters(index = "0", paramLabel = "SPEC", description = "The spec (.gang).")
    Path specFile;

    @Option(names = "--emit", paramLabel = "FILE", description = "Write the query as SMT-LIB 2 to FILE.")
    Path emit;

    @Option(names = "--property", paramLabel = "N", defaultValue = "1", description = "Which property of the "
            + "spec's verify block --emit encodes, counting from 1 (default: ${DEFAULT-VALUE}).")
    int property;

    @Option(names = "--max-response", paramLabel = "TASK", description = "The largest response time of TASK among "
            + "jobs finishing by the horizon.")
    String maxResponse;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "gangproof-out", description = "Where the witness "
            + "trace of --max-response is written (default: ${DEFAULT-VALUE}).")
    Path outDir;

    @CommandLine.Mixin
    SearchOptions search;

    @CommandLine.Mixin
    SolverOptions solver;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        if (emit == null && maxResponse == null) {
            throw new CommandLine.ParameterException(command.commandLine(), "say what to do: --emit FILE and/or "
                    + "--max-response TASK (verdicts on the properties come from `gangproof check --engine smt`)");
        }
        ViolationSearch.Limits limits = solver.limits(command.commandLine());
        new OutputClaims(command.commandLine()).input(specFile, "spec").output(emit, "--emit");
        Optional<SystemSpec> loaded = SpecInputs.load(specFile, err);
        if (loaded.isEmpty()) {
            return ExitCodes.INVALID_SPEC;
        }
        SystemSpec spec = loaded.get();
        long horizon = search.resolve(spec, command.commandLine());
        if (maxResponse != null && spec.tasks().stream().noneMatch(t -> t.name().equals(maxResponse))) {
            throw new CommandLine.ParameterException(command.commandLine(), "--max-response: the spec has no task "
                    + maxResponse + "; its tasks are " + spec.tasks().stream().map(t -> t.name()).toList());
        }
        Optional<String> why = ViolationSearch.unsupported(spec, horizon, limits);
        if (why.isPresent() && why.equals(ViolationSearch.tooLarge(spec, horizon, limits))) {
            out.println("UNKNOWN  " + (maxResponse != null ? "largest response time of " + maxResponse
                    : "the SMT encoding") + ": " + why.get());
            out.flush();
            return ExitCodes.UNKNOWN;
        }
        if (why.isPresent()) {
            err.println(specFile + ": error: the SMT back-end cannot encode this spec: " + why.get());
            err.flush();
            return ExitCodes.INVALID_SPEC;
        }
        if (emit != null) {
            String text;
            String what;
            if (maxResponse != null) {
                try (ViolationSearch.Session s = new ViolationSearch.Session(spec, horizon, limits)) {
                    text = s.maxResponseSmtLib(maxResponse);
                }
                what = "the largest response time of " + maxResponse;
            } else {
                if (spec.properties().isEmpty()) {
                    throw new CommandLine.ParameterException(command.commandLine(), "the spec verifies no property; "
                            + "give --max-response TASK or add a verify block");
                }
                if (property < 1 || property > spec.properties().size()) {
                    throw new CommandLine.ParameterException(command.commandLine(), "--property must be 1.."
                            + spec.properties().size() + " (the spec's properties, in order)");
                }
                Property p = spec.properties().get(property - 1);
                Optional<Bound> b = p.declaredBound();
                if (b.isPresent() && !(b.get() instanceof Bound.Value)) {
                    err.println(specFile + ": error: " + SpecWriter.describe(spec, p) + " is bounded by an analysis; "
                            + "write a number to export its search");
                    err.flush();
                    return ExitCodes.INVALID_SPEC;
                }
                long bound = b.map(x -> ((Bound.Value) x).value()).orElse(0L);
                text = ViolationSearch.smtLib(spec, p, bound, horizon);
                what = "the violation search of " + SpecWriter.describe(spec, p) + " (property " + property + " of "
                        + spec.properties().size() + ")";
            }
            io.gangproof.check.OutputFiles.write(emit, text);
            out.println("wrote " + what + " up to " + TimeFormat.of(spec).format(horizon) + " to " + emit);
            out.flush();
            return ExitCodes.OK;
        }
        ViolationSearch.MaxResponse r = ViolationSearch.maxResponse(spec, maxResponse, horizon, limits);
        if (!r.complete()) {
            out.println("UNKNOWN  largest response time of " + maxResponse + ": " + r.reason());
            out.flush();
            return ExitCodes.UNKNOWN;
        }
        if (r.max().isEmpty()) {
            out.println("no job of " + maxResponse + " can finish by " + TimeFormat.of(spec).format(horizon));
            out.flush();
            return ExitCodes.OK;
        }
        Trace trace = TraceChecker.claimingAll(spec, ReferenceScheduler.run(spec, r.witness().orElseThrow(), horizon),
                AnalysisEngine.derivedBounds(spec));
        Path file = outDir.resolve(spec.name() + "-max-response-" + maxResponse + ".trace.json");
        io.gangproof.check.OutputFiles.write(file, TraceJson.write(trace));
        io.gangproof.check.OutputFiles.write(outDir.resolve(spec.name() + "-max-response-" + maxResponse + ".svg"),
                GanttSvg.render(spec, trace));
        out.println("largest response time of " + maxResponse + " among jobs finishing by " + TimeFormat.of(spec)
                .format(horizon) + ": " + TimeFormat.of(spec).format(r.max().getAsLong()) + ", optimal (Z3, %.2f s); a behaviour reaching it: %s"
                        .formatted(r.seconds(), file));
        out.flush();
        return ExitCodes.OK;
    }
}
