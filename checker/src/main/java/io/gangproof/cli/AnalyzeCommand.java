package io.gangproof.cli;

import io.gangproof.analysis.AnalysisCatalog;
import io.gangproof.analysis.AnalysisResult;
import io.gangproof.analysis.AssignmentResult;
import io.gangproof.analysis.AudsleyPriorityAssignment;
import io.gangproof.analysis.GlobalLevelAssignment;
import io.gangproof.analysis.GlobalPriorityAssignment;
import io.gangproof.analysis.PartitionAssignment;
import io.gangproof.analysis.ResponseTimeAnalysis;
import io.gangproof.analysis.TaskTableRenderer;
import io.gangproof.check.AnalysisEngine;
import io.gangproof.check.CheckOptions;
import io.gangproof.check.PropertyResult;
import io.gangproof.check.ProofEngine;
import io.gangproof.smt.synthesis.GlobalSynthesis;
import io.gangproof.smt.synthesis.PartitionSynthesis;
import io.gangproof.smt.synthesis.PinnedSynthesis;
import io.gangproof.smt.synthesis.SynthesisResult;
import io.gangproof.spec.Binding;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.TimeFormat;
import io.gangproof.spec.format.PropertyText;
import io.gangproof.spec.format.SpecEditor;
import io.gangproof.spec.format.SpecWriter;
import io.gangproof.spec.parse.SourceFile;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gangproof analyze SPEC}: response-time bounds per task, and assignment of what the spec leaves open. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Bound every task's response time with the analysis of the spec's scheduler.",
            "Prints, per task: level k, pipeline, C, T, D, the response-time bound R, the blocking bound, slack "
                + "and the test (docs/analysis.md).",
            "A property is PROVED when Z3 re-checks the witnesses of the bounds it rests on (certificates under "
                + "--out); otherwise its bound is shown.",
            "With --assign, choose what the spec leaves open (levels, pipelines, or priorities) and print the "
                + "result as a spec you can keep.",
            "With --synthesize (partitioned fp or edf, `pipeline any`), Z3 chooses levels, pipelines and "
                + "priorities with the fewest TPUs, then the largest smallest slack, re-verifies the result and "
                + "prints it as a spec (docs/smt.md, \"Synthesis\"); under global fp it chooses levels and "
                + "priorities with the largest smallest slack; under pinned fp (`pinned any`) levels, TPU lists and "
                + "priorities with the fewest TPUs, then the largest smallest slack.",
            "With --write FILE, only the chosen attributes change in FILE: comments, order and units stay."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every task is schedulable by the test (with --assign: an assignment was found; with --synthesize: a "
                + "re-verified assignment was found, status OPTIMAL or FEASIBLE)",
            "2:some task is not schedulable by the test, or no analysis applies (no assignment found; with "
                + "--synthesize: status INFEASIBLE, UNKNOWN or NOT_APPLICABLE)",
            "64:bad command line",
            "65:invalid spec"})
final class AnalyzeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Parameters(index = "0", paramLabel = "SPEC", description = "The spec (.gang).")
    Path specFile;

    @Option(names = "--analysis", paramLabel = "NAME", description = "Use this analysis instead of the one for the "
            + "spec's scheduler: one of ${COMPLETION-CANDIDATES}.", completionCandidates = AnalysisNames.class)
    String analysisName;

    @Option(names = "--assign", description = "Choose levels and pipelines (partitioned, `pipeline any`), levels "
            + "(global, `tpus lo .. hi`) or priorities (fp, Audsley's search) so that the test accepts every task.")
    boolean assign;

    @Option(names = "--synthesize", description = "Partitioned fp/edf with `pipeline any` tasks: let Z3 choose levels, "
            + "pipelines and priorities so that the test accepts every task with the fewest TPUs, then the largest "
            + "smallest slack; the result is re-verified (analysis + Z3 witness checks). Prints the status, TPUs used "
            + "vs the --assign heuristic, and the spec. Global fp: levels and priorities, largest smallest slack. Pinned fp "
            + "with `pinned any` tasks: levels, TPU lists and priorities, fewest TPUs, then largest smallest slack.")
    boolean synthesize;

    @Option(names = "--timeout", paramLabel = "TIME", defaultValue = "60s", converter = TimeArgument.Converter.class,
            description = "With --synthesize: wall-clock limit of the search, e.g. 500ms, 60s (default: "
                    + "${DEFAULT-VALUE}). On timeout the best assignment found so far is FEASIBLE, never OPTIMAL.")
    TimeArgument timeout;

    @Option(names = "--out", defaultValue = "gangproof-out", paramLabel = "DIR", description = "Where the Z3 "
            + "certificates of proved properties go, under DIR/certificates (default: ${DEFAULT-VALUE}).")
    Path certificates;

    @Option(names = {"--output", "--write"}, paramLabel = "FILE", description = "With --assign or --synthesize: "
            + "write the resulting spec here instead of printing it: the spec's own text with only the chosen "
            + "levels, pipelines and priorities changed (FILE may be SPEC itself).")
    Path output;

    static final class AnalysisNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return AnalysisCatalog.all().stream().map(ResponseTimeAnalysis::name).iterator();
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        // `--write SPEC` edits the spec in place (atomically, at the changed attributes only): that
        // one output may name the spec; any other input or output it may not.
        boolean inPlace = output != null && Files.exists(output) && Files.exists(specFile)
                && Files.isSameFile(output, specFile);
        OutputClaims claims = new OutputClaims(command.commandLine());
        if (!inPlace) {
            claims.input(specFile, "spec");
        }
        claims.output(output, "--write");
        Optional<SystemSpec> loaded = SpecInputs.load(specFile, err);
        if (loaded.isEmpty()) {
            return ExitCodes.INVALID_SPEC;
        }
        SystemSpec spec = loaded.get();
        if (synthesize && assign) {
            throw new CommandLine.ParameterException(command.commandLine(), "--assign and --synthesize exclude each "
                    + "other");
        }
        if (synthesize) {
            if (timeout.ticks()) {
                throw new CommandLine.ParameterException(command.commandLine(), "--timeout needs a unit (ms, s): '"
                        + timeout.text() + "'");
            }
            Optional<SystemSpec> synthesised = synthesis(spec, out);
            if (synthesised.isEmpty()) {
                out.flush();
                return ExitCodes.UNKNOWN;
            }
            spec = synthesised.get();
            writeOrPrint(loaded.get(), spec, out, "synthesised");
        }
        if (assign) {
            AssignmentResult a = assignment(spec);
            out.println(a.explanation());
            if (!a.found()) {
                out.flush();
                return ExitCodes.UNKNOWN;
            }
            spec = a.spec().orElseThrow();
            writeOrPrint(loaded.get(), spec, out, "assigned");
        }
        Optional<ResponseTimeAnalysis> analysis = analysisName != null ? AnalysisCatalog.byName(analysisName)
                : AnalysisCatalog.forSpec(spec);
        if (analysisName != null && analysis.isEmpty()) {
            throw new CommandLine.ParameterException(command.commandLine(), "unknown analysis '" + analysisName
                    + "'");
        }
        if (analysis.isEmpty() || !analysis.get().appliesTo(spec)) {
            out.println(specFile + ": no analysis applies to " + spec.scheduler().describe()
                    + (hasOpenChoices(spec) ? " with levels or pipelines still to choose (try --assign)" : ""));
            out.flush();
            return ExitCodes.UNKNOWN;
        }
        AnalysisResult result = analysis.get().analyze(spec);
        out.println(specFile + ": " + analysis.get().name() + " on system " + spec.name());
        out.print(TaskTableRenderer.render(spec, result));
        if (analysisName == null) {
            CheckOptions options = new CheckOptions(Optional.empty(), 1L, Optional.of(certificates));
            SystemSpec analysed = spec;
            for (Property p : spec.properties()) {
                Optional<PropertyResult> r = new ProofEngine().check(analysed, p, options)
                        .or(() -> new AnalysisEngine().check(analysed, p, options));
                r.ifPresent(x -> out.println("  " + x.verdict().label() + "  " + describe(analysed, x)));
            }
        }
        out.flush();
        return result.allSchedulable() ? ExitCodes.OK : ExitCodes.UNKNOWN;
    }

    /**
     * Writes the chosen spec as the user's own text with only the chosen attributes changed;
     * in canonical form (SpecWriter) only when the choices cannot be spliced into that text.
     */
    private void writeOrPrint(SystemSpec original, SystemSpec spec, PrintWriter out, String what)
            throws java.io.IOException {
        Path outputDir = output != null ? output.toAbsolutePath().getParent() : specFile.toAbsolutePath().getParent();
        SourceFile source = new SourceFile(specFile.toString(), Optional.of(specFile.toAbsolutePath()),
                specFile.toAbsolutePath().getParent(), Files.readString(specFile, StandardCharsets.UTF_8));
        String text;
        if (SpecEditor.edit(source, original, spec, outputDir) instanceof SpecEditor.Result.Edited e) {
            text = e.text();
        } else {
            command.commandLine().getErr().println("note: the choices cannot be written into " + specFile
                    + "'s own text; the spec is written in canonical form, without its comments");
            text = SpecWriter.write(spec);
        }
        if (output != null) {
            io.gangproof.check.OutputFiles.write(output, text);
            out.println(what + " spec written to " + output);
        } else {
            out.println();
            out.print(text);
            out.println();
        }
    }

    /** Runs synthesis and prints its summary next to the heuristic's; the re-verified spec, if any. */
    private Optional<SystemSpec> synthesis(SystemSpec spec, PrintWriter out) {
        Duration limit = Duration.ofNanos(timeout.nanos().min(java.math.BigInteger.valueOf(Long.MAX_VALUE))
                .longValueExact());
        SynthesisResult r = switch (spec.scheduler().placement()) {
            case PARTITIONED -> new PartitionSynthesis().synthesize(spec, limit);
            case PINNED -> new PinnedSynthesis().synthesize(spec, limit);
            case GLOBAL -> new GlobalSynthesis().synthesize(spec, limit);
        };
        out.println("synthesis: " + r.status() + " (" + r.explanation() + ")");
        if (r.status() == SynthesisResult.Status.NOT_APPLICABLE) {
            return Optional.empty();
        }
        String heuristic = "-";
        if (spec.scheduler().placement() == Placement.PARTITIONED) {
            AssignmentResult h = new PartitionAssignment(spec.scheduler().policy() == Policy.FP).assign(spec);
            heuristic = h.found() ? SynthesisResult.tpusUsedBy(h.spec().get()) + " TPUs" : "none found";
        }
        if (r.found() && spec.scheduler().placement() == Placement.GLOBAL) {
            out.println("TPUs: all " + r.tpusUsed() + " of the platform (global placement)");
            out.println("smallest slack: " + TimeFormat.of(spec).format(r.smallestSlack()));
        } else if (r.found() && spec.scheduler().placement() == Placement.PINNED) {
            out.println("TPUs used: " + r.tpusUsed() + " of " + spec.platform().tpus() + " (the union of the pinned "
                    + "lists" + (r.tpusProvedMinimal() ? ", proved minimal" : "") + ")");
            out.println("smallest slack: " + TimeFormat.of(spec).format(r.smallestSlack()));
        } else if (r.found()) {
            out.println("TPUs used: " + r.tpusUsed() + (r.tpusProvedMinimal() ? " (proved minimal)" : "")
                    + "; heuristic (--assign): " + heuristic);
            out.println("smallest slack: " + TimeFormat.of(spec).format(r.smallestSlack()));
        } else {
            out.println("TPUs used: -; heuristic (--assign): " + heuristic);
        }
        out.printf("candidates checked: %d; Z3 %d ms, re-verification %d ms, total %d ms%n", r.iterations(),
                r.solverTime().toMillis(), r.reverifyTime().toMillis(), r.totalTime().toMillis());
        return r.spec();
    }

    /** As check's lines: the property in the spec's units, the bound proved, the reason; certificates last. */
    private static String describe(SystemSpec spec, PropertyResult r) {
        List<String> parts = new java.util.ArrayList<>(2);
        VerdictLine.provedBound(spec, r).ifPresent(parts::add);
        r.reason().ifPresent(parts::add);
        String certificates = r.certificates().isEmpty() ? "" : "; certificates " + String.join(", ",
                r.certificates().stream().map(Path::toString).toList());
        return PropertyText.of(spec, r.property()) + ": " + String.join(", by ", parts) + certificates;
    }

    private static boolean hasOpenChoices(SystemSpec spec) {
        return spec.tasks().stream().anyMatch(t -> !t.levelFixed() || t.binding() instanceof Binding.ChoosePipeline);
    }

    private static AssignmentResult assignment(SystemSpec spec) {
        boolean open = hasOpenChoices(spec);
        Placement placement = spec.scheduler().placement();
        if (placement == Placement.PARTITIONED && open) {
            return new PartitionAssignment(spec.scheduler().policy() == Policy.FP).assign(spec);
        }
        if (placement == Placement.GLOBAL && spec.tasks().stream().anyMatch(t -> !t.levelFixed())) {
            return new GlobalLevelAssignment().assign(spec);
        }
        if (placement == Placement.PINNED && open) {
            return new AssignmentResult(Optional.empty(), "pinned TPU lists and levels left open (`pinned any`) are "
                    + "chosen by `analyze --synthesize`, not by --assign");
        }
        if (placement == Placement.PARTITIONED && spec.scheduler().policy() == Policy.FP) {
            return new AudsleyPriorityAssignment().assign(spec);
        }
        if (placement == Placement.GLOBAL && spec.scheduler().policy() == Policy.FP) {
            return new GlobalPriorityAssignment().assign(spec);
        }
        return new AssignmentResult(Optional.empty(), "nothing to assign for " + spec.scheduler().describe()
                + ": every task has a fixed level and binding, and priority assignment needs fp");
    }
}
