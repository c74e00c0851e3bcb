package io.gangproof.cli;

import io.gangproof.check.AnalysisEngine;
import io.gangproof.scheduler.ExecutableSpec;
import io.gangproof.scheduler.ReferenceScheduler;
import io.gangproof.scheduler.Scenario;
import io.gangproof.scheduler.RunLimits;
import io.gangproof.scheduler.check.TraceChecker;
import io.gangproof.scheduler.check.Violation;
import io.gangproof.scheduler.search.SearchProgress;
import io.gangproof.scheduler.search.SearchProgressBar;
import io.gangproof.scheduler.search.SearchResult;
import io.gangproof.scheduler.search.SimulationSearch;
import io.gangproof.scheduler.search.TaskExtremes;
import io.gangproof.scheduler.svg.GanttSvg;
import io.gangproof.scheduler.trace.Trace;
import io.gangproof.scheduler.trace.TraceJson;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.TimeBudget;
import io.gangproof.spec.TimeFormat;
import io.gangproof.spec.format.PropertyText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import io.gangproof.check.OutputFiles;
import io.gangproof.spec.parse.InputFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gangproof simulate SPEC}: random search with the reference scheduler; the worst run as trace and chart. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Search random scenarios with the reference scheduler.",
            "Runs the synchronous scenario and random ones (sporadic gaps, unknown offsets, jitter, execution "
                + "times, exits) and reports, per task, the largest response time, inversion time and overtakes "
                + "seen. Writes the worst run as a replayable trace and a Gantt chart.",
            "A search finds counterexamples; it proves nothing."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no run violated a property of the spec",
            "1:some run violated a property (see the trace)",
            "64:bad command line",
            "65:invalid spec, a spec with choices left to synthesis, or times beyond 2^62 ticks"})
final class SimulateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Parameters(index = "0", paramLabel = "SPEC", description = "The spec (.gang).")
    Path specFile;

    @CommandLine.Mixin
    SearchOptions search;

    @Option(names = "--runs", defaultValue = "1000", description = "Scenarios: the synchronous one, then random "
            + "ones (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--scenario", paramLabel = "FILE", description = "Run exactly this scenario (a scenario or "
            + "trace file, docs/traces.md) instead of the synchronous and random ones.")
    Path scenarioFile;

    @Option(names = "--out", defaultValue = "gangproof-out", paramLabel = "DIR", description = "Where the trace "
            + "and its Gantt chart go unless --trace/--svg say otherwise (default: ${DEFAULT-VALUE}).")
    Path outDir;

    @Option(names = "--trace", paramLabel = "FILE", description = "Where the worst run's trace goes (default: "
            + "DIR/SYSTEM-worst.trace.json).")
    Path traceFile;

    @Option(names = "--svg", paramLabel = "FILE", description = "Where its Gantt chart goes (default: next to the "
            + "trace, .svg).")
    Path svgFile;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        if (runs < 1) {
            throw new CommandLine.ParameterException(command.commandLine(), "--runs must be at least 1");
        }
        new OutputClaims(command.commandLine()).input(specFile, "spec").input(scenarioFile, "--scenario")
                .output(traceFile, "--trace").output(svgFile, "--svg");
        Optional<SystemSpec> loaded = SpecInputs.load(specFile, err);
        if (loaded.isEmpty()) {
            return ExitCodes.INVALID_SPEC;
        }
        SystemSpec spec = loaded.get();
        List<String> problems = ExecutableSpec.problems(spec);
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println(specFile + ": error: cannot simulate: " + p));
            err.println("hint: fix the level and pipeline of every task, e.g. with `gangproof analyze --assign`");
            err.flush();
            return ExitCodes.INVALID_SPEC;
        }
        long h = search.resolve(spec, command.commandLine());
        Optional<String> range = RunLimits.problem(spec, h);
        if (range.isPresent()) {
            err.println(specFile + ": error: cannot simulate: " + range.get());
            err.flush();
            return ExitCodes.INVALID_SPEC;
        }
        if (scenarioFile != null) {
            return runScenario(spec, h, out, err);
        }
        SearchProgress progress = StandardError.isTerminal() && runs > 1 ? SearchProgressBar.onStandardError(runs)
                : SearchProgress.NONE;
        TimeBudget budget = TimeBudget.of(spec);
        SearchResult result = SimulationSearch.run(spec, h, search.seed, runs, progress, budget);
        if (progress instanceof AutoCloseable c) {
            c.close();
        }

        out.println(specFile + ": " + result.runs() + " run" + (result.runs() == 1 ? "" : "s") + " of system "
                + spec.name() + " up to " + TimeFormat.of(spec).format(h) + " (seed " + search.seed + ")"
                + (result.runs() < runs ? "; stopped at " + budget.describe() + " after " + result.runs() + " of " + runs
                        + " runs" : ""));
        TextTable t = new TextTable().row("task", "jobs", "max response", "max inversion", "max overtakes",
                "deadline misses", "unfinished at horizon");
        for (TaskExtremes x : result.tasks()) {
            t.row(x.task(), String.valueOf(x.jobs()),
                    x.maxResponse().isPresent() ? TimeFormat.of(spec).format(x.maxResponse().getAsLong()) : "-",
                    TimeFormat.of(spec).format(x.maxInversion()), String.valueOf(x.maxOvertakes()),
                    String.valueOf(x.deadlineMisses()), String.valueOf(x.unfinished()));
        }
        out.print(t.render("  "));

        Path json = traceFile(spec, "-worst");
        Path svg = svgFile(json);
        Trace worst = TraceChecker.claimingAll(spec, result.worstTrace(), AnalysisEngine.derivedBounds(spec));
        write(spec, worst, json, svg);
        out.println("worst run: " + (result.worstRun() == 0 ? "the synchronous scenario" : "run " + result.worstRun()
                + " (seed " + result.worstRunSeed() + ")") + "; trace " + json + ", chart " + svg);
        for (Violation v : worst.violations()) {
            out.println("  VIOLATED  " + PropertyText.of(spec, v.property()) + "  " + v.message());
        }
        out.flush();
        return worst.violations().isEmpty() ? ExitCodes.OK : ExitCodes.VIOLATED;
    }

    /** {@code --scenario}: one given behaviour, its violations, its trace and chart. */
    private int runScenario(SystemSpec spec, long h, PrintWriter out, PrintWriter err) throws IOException {
        Trace trace;
        try {
            Scenario scenario = TraceJson.readScenario(InputFiles.read(scenarioFile));
            trace = ReferenceScheduler.run(spec, scenario, h);
        } catch (InputFiles.Unreadable | IllegalArgumentException e) {
            err.println(scenarioFile + ": error: " + e.getMessage());
            err.flush();
            return ExitCodes.INVALID_SPEC;
        }
        trace = TraceChecker.claimingAll(spec, trace, AnalysisEngine.derivedBounds(spec));
        List<Violation> violations = trace.violations();
        Path json = traceFile(spec, "-scenario");
        Path svg = svgFile(json);
        write(spec, trace, json, svg);
        out.println(specFile + ": scenario " + scenarioFile + " (" + trace.jobs().size() + " jobs) up to "
                + TimeFormat.of(spec).format(h) + "; trace " + json + ", chart " + svg);
        for (Violation v : violations) {
            out.println("  VIOLATED  " + PropertyText.of(spec, v.property()) + "  " + v.message());
        }
        out.flush();
        return violations.isEmpty() ? ExitCodes.OK : ExitCodes.VIOLATED;
    }

    private Path traceFile(SystemSpec spec, String suffix) {
        return traceFile != null ? traceFile : outDir.resolve(spec.name() + suffix + ".trace.json");
    }

    private Path svgFile(Path json) {
        return svgFile != null ? svgFile : json.resolveSibling(json.getFileName().toString()
                .replaceFirst("(\\.trace)?\\.json$", "") + ".svg");
    }

    private void write(SystemSpec spec, Trace trace, Path json, Path svg) {
        PrintWriter err = command.commandLine().getErr();
        CheckCommand.noteReplaced(err, json, OutputFiles.write(json, TraceJson.write(trace)));
        CheckCommand.noteReplaced(err, svg, OutputFiles.write(svg, GanttSvg.render(spec, trace)));
    }
}
