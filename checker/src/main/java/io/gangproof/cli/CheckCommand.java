package io.gangproof.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.gangproof.check.CheckOptions;
import io.gangproof.check.Checker;
import io.gangproof.check.OutputFiles;
import io.gangproof.check.PropertyResult;
import io.gangproof.check.SimulationEngine;
import io.gangproof.check.SpecReport;
import io.gangproof.check.StandardEngines;
import io.gangproof.model.ExplorerOptions;
import java.nio.file.Files;
import java.time.Duration;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.TimeFormat;
import io.gangproof.spec.Verdict;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gangproof check SPEC...}: every property of every spec, one line each, then a summary. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check every property of each spec.",
            "Prints one verdict per property, then a summary.",
            "Verdicts: PROVED, VIOLATED (with a replayable trace), HOLDS-UP-TO (a horizon), UNKNOWN (a reason)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every property PROVED or HOLDS-UP-TO",
            "1:some property VIOLATED",
            "2:some property UNKNOWN, none violated",
            "3:with --compare: a verdict weaker or a bound larger than in the snapshot",
            "64:bad command line",
            "65:invalid spec (diagnostics printed)",
            "70:internal error"})
final class CheckCommand implements Callable<Integer> {
    enum Format { text, json }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Parameters(arity = "1..*", paramLabel = "SPEC", description = "Spec files (.gang), or folders: every .gang "
            + "file under a folder that declares a system (files that only hold DNNs to import are skipped).")
    List<Path> specs;

    @Option(names = "--format", defaultValue = "text", description = "Output format: ${COMPLETION-CANDIDATES} "
            + "(default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--engine", defaultValue = StandardEngines.AUTO, split = ",", paramLabel = "NAME",
            description = "Engines to ask, a comma-separated list (default: ${DEFAULT-VALUE}); each is explained "
                    + "below. They are asked cheapest first, whatever the order of the list.")
    List<String> engines;

    @Option(names = "--time-limit", defaultValue = "10s", paramLabel = "TIME",
            converter = TimeArgument.Converter.class, description = "Time budget of the check of each spec, shared "
                    + "by its properties and engines, e.g. 10s or 500ms (default: ${DEFAULT-VALUE}); a spec's `limit "
                    + "time` takes its place for that spec. A search is given what is left; one with nothing left is "
                    + "not asked.")
    TimeArgument timeLimit;

    @Option(names = "--cross-check", description = "Ask every engine about every property, even once one has "
            + "decided it, and stop with an internal error when two contradict each other (as the test suite does).")
    boolean crossCheck;

    @Option(names = "--out", defaultValue = "gangproof-out", paramLabel = "DIR",
            description = "Where counterexample traces (.trace.json, replayable with `gangproof replay`) and their "
                    + "Gantt charts (.svg) are written (default: ${DEFAULT-VALUE}).")
    Path outDir;

    @CommandLine.Mixin
    SearchOptions search;

    @CommandLine.Mixin
    SolverOptions solver;

    @Option(names = "--junit-xml", paramLabel = "FILE", description = "Also write the verdicts as JUnit XML for CI: "
            + "VIOLATED is a failure, UNKNOWN is skipped.")
    Path junitXml;

    @Option(names = "--snapshot", paramLabel = "FILE", description = "Also write every verdict and bound to FILE "
            + "(the --format json document), for a later --compare.")
    Path snapshot;

    @Option(names = "--compare", paramLabel = "FILE", description = "Fail with exit code 3 when a verdict is weaker "
            + "or a bound larger than in this snapshot, saying which.")
    Path compare;

    @Option(names = "--jpf-home", paramLabel = "DIR", description = "A jpf-core build (Java 17 branch) for "
            + "--engine jpf (default: $JPF_HOME, else shared/tools/jpf-core in the working directory or a parent).")
    Path jpfHome;

    @Option(names = "--runs", defaultValue = "" + SimulationEngine.DEFAULT_RUNS, description = "Scenarios the "
            + "simulation engine tries per spec: the synchronous one, then random ones (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = {"-v", "--verbose"}, description = "Also list the SMT-LIB certificates behind each PROVED "
            + "verdict (always in --format json).")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        if (runs < 1) {
            throw new CommandLine.ParameterException(command.commandLine(), "--runs must be at least 1");
        }
        OutputClaims claims = new OutputClaims(command.commandLine()).input(compare, "--compare");
        specs.forEach(s -> claims.input(s, "spec"));
        claims.output(snapshot, "--snapshot").output(junitXml, "--junit-xml").folder(outDir, "--out");
        TraceFolders traceFolders = new TraceFolders(outDir);
        Duration budget = timeLimit.duration().filter(d -> !d.isZero()).orElseThrow(() ->
                new CommandLine.ParameterException(command.commandLine(), "--time-limit: '" + timeLimit.text()
                        + "' is not a positive time with a unit, e.g. 10s or 500ms"));
        try (EngineProgressBar.Listener progress = EngineProgressBar.forStandardError(err)) {
            return check(out, err, budget, traceFolders, progress);
        }
    }

    private Integer check(PrintWriter out, PrintWriter err, Duration budget, TraceFolders traceFolders,
            EngineProgressBar.Listener progress) throws Exception {
        StandardEngines.Settings settings = new StandardEngines.Settings(runs,
                ExplorerOptions.DEFAULTS.withProgress(progress.explorer()), solver.limits(command.commandLine()),
                Optional.empty());
        Checker checker = new Checker(Engines.of(engines, settings, jpfHome, command.commandLine()), crossCheck,
                progress.checker());
        List<SpecReport> reports = new ArrayList<>();
        SpecFolders.Expanded inputs = SpecFolders.expand(specs);
        inputs.skipped().forEach(f -> err.println("gangproof: skipped " + f + ": it declares no system (a file "
                + "for `import`)"));
        if (!inputs.emptyFolders().isEmpty()) {
            throw new CommandLine.ParameterException(command.commandLine(), "no spec to check in " + String.join(", ",
                    inputs.emptyFolders().stream().map(Path::toString).toList()));
        }
        err.flush();
        boolean invalid = false;
        for (Path file : inputs.specs()) {
            Optional<SystemSpec> spec = SpecInputs.load(file, err);
            if (spec.isEmpty()) {
                invalid = true;
                continue;
            }
            Optional<Long> h = search.override(spec.get(), command.commandLine());
            SpecReport report = checker.check(file.toString(), spec.get(), new CheckOptions(h, search.seed,
                    Optional.of(traceFolders.forSystem(spec.get().name()))).withTimeLimit(budget));
            reports.add(report);
            if (format == Format.text) {
                out.print(SystemSummary.render(file.toString(), spec.get()));
                out.print(VerdictLine.render(report, verbose));
                out.println();
                out.flush();
            }
        }
        if (format == Format.json) {
            out.println(json(reports));
        } else if (!reports.isEmpty()) {
            out.println(summary(reports));
        }
        out.flush();
        if (junitXml != null) {
            noteReplaced(err, junitXml, OutputFiles.write(junitXml, JunitXmlReport.render(reports)));
        }
        if (snapshot != null) {
            noteReplaced(err, snapshot, OutputFiles.write(snapshot, json(reports) + "\n"));
        }
        if (invalid) {
            return ExitCodes.INVALID_SPEC;
        }
        if (compare != null) {
            List<String> worse;
            try {
                worse = SnapshotComparison.regressions(compare, reports);
            } catch (java.io.IOException | RuntimeException e) {
                err.println("gangproof: cannot compare with " + compare + ": " + e.getMessage());
                err.flush();
                return ExitCodes.INVALID_SPEC;
            }
            worse.forEach(w -> err.println("regression: " + w));
            err.flush();
            if (!worse.isEmpty()) {
                return ExitCodes.REGRESSION;
            }
        }
        return ExitCodes.of(reports);
    }

    static void noteReplaced(PrintWriter err, Path file, boolean replaced) {
        if (replaced) {
            err.println("gangproof: replaced the existing " + file);
            err.flush();
        }
    }

    private static String summary(List<SpecReport> reports) {
        long total = reports.stream().mapToLong(r -> r.results().size()).sum();
        return total + " propert" + (total == 1 ? "y" : "ies") + " in " + reports.size() + " spec"
                + (reports.size() == 1 ? "" : "s") + ": " + count(reports, Verdict.PROVED) + " proved, "
                + count(reports, Verdict.HOLDS_UP_TO) + " hold up to a horizon, " + count(reports, Verdict.VIOLATED)
                + " violated, " + count(reports, Verdict.UNKNOWN) + " unknown";
    }

    private static long count(List<SpecReport> reports, Verdict v) {
        return reports.stream().mapToLong(r -> r.count(v)).sum();
    }

    /** The JSON document of semantics §12; field names and meanings never change. */
    static String json(List<SpecReport> reports) throws Exception {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("tool", Map.of("name", "gangproof", "version", GangproofCli.version()));
        List<Object> specs = new ArrayList<>();
        for (SpecReport report : reports) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("spec", report.path());
            s.put("system", report.spec().name());
            s.put("resolution", TimeFormat.of(report.spec()).resolution());
            s.put("time_unit", TimeFormat.of(report.spec()).unit().orElse(null));
            List<Object> props = new ArrayList<>();
            for (PropertyResult r : report.results()) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("property", r.description());
                p.put("task", r.property().task().orElse(null));
                p.put("verdict", r.verdict().label());
                p.put("engine", r.engine());
                p.put("bound", r.bound().orElse(null));
                p.put("horizon", r.horizon().orElse(null));
                p.put("states", r.states().orElse(null));
                p.put("seconds", r.seconds());
                p.put("trace", r.trace().map(Path::toString).orElse(null));
                p.put("reason", r.reason().orElse(null));
                p.put("bound_text", r.bound().map(b -> VerdictLine.quantity(report.spec(), r.property(), b))
                        .orElse(null));
                p.put("horizon_text", r.horizon().map(TimeFormat.of(report.spec())::format).orElse(null));
                p.put("certificates", r.certificates().stream().map(Path::toString).toList());
                p.put("engines", r.asked());
                props.add(p);
            }
            s.put("properties", props);
            specs.add(s);
        }
        doc.put("specs", specs);
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc);
    }
}
