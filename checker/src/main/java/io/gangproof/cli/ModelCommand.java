package io.gangproof.cli;

import io.gangproof.check.AnalysisEngine;
import io.gangproof.model.EmittedModel;
import io.gangproof.model.ExplorerOptions;
import io.gangproof.model.ModelEmitter;
import io.gangproof.model.UnmodellableSpecException;
import io.gangproof.spec.SystemSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gangproof model SPEC --emit DIR}: the generated model as sources for Java PathFinder. */
@Command(name = "model", mixinStandardHelpOptions = true,
        description = {"Write the spec's model for Java PathFinder.",
            "Writes the generated transition-system model (the one the explorer searches) as Java sources, "
                + "one Java PathFinder configuration per property, and a README on running JPF. "
                + "A `<= bound` property is modelled with the number the analysis derives for it, when it derives one."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "64:bad command line", "65:invalid spec, or a spec the model cannot express",
            "73:the folder cannot be written (or holds other files)"})
final class ModelCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Parameters(index = "0", paramLabel = "SPEC", description = "The spec (.gang).")
    Path specFile;

    @Option(names = "--emit", required = true, paramLabel = "DIR", description = "Where to write the model.")
    Path dir;

    @Option(names = "--horizon", paramLabel = "TIME", converter = TimeArgument.Converter.class,
            description = "Model instants 0..TIME, e.g. 40ms or a number of ticks (default: the spec's `horizon`, "
                    + "else one hyperperiod after the last offset plus the largest deadline).")
    TimeArgument horizon;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        Optional<SystemSpec> spec = SpecInputs.load(specFile, err);
        if (spec.isEmpty()) {
            return ExitCodes.INVALID_SPEC;
        }
        new OutputClaims(command.commandLine()).input(specFile, "spec").folder(dir, "--emit");
        int replaced = ModelFolder.clear(dir);
        EmittedModel model;
        try {
            ExplorerOptions options = ExplorerOptions.DEFAULTS.withAnalysisBounds(AnalysisEngine.derivedBounds(spec.get()));
            if (horizon != null) {
                options = options.withHorizon(ticks(spec.get()));
            }
            model = ModelEmitter.emit(spec.get(), dir, options);
        } catch (UnmodellableSpecException e) {
            err.println(specFile + ": error: " + e.getMessage());
            err.flush();
            return ExitCodes.INVALID_SPEC;
        }
        List<Path> written = new ArrayList<>(model.sources());
        written.addAll(model.jpfConfigs());
        written.add(model.readme());
        ModelFolder.mark(dir, written);
        if (replaced > 0) {
            out.println("removed the " + replaced + " files of the earlier model in " + dir);
        }
        out.println("wrote " + model.sources().size() + " sources and " + model.jpfConfigs().size()
                + " JPF configuration" + (model.jpfConfigs().size() == 1 ? "" : "s") + " to " + model.dir()
                + "; see " + model.readme());
        out.flush();
        return ExitCodes.OK;
    }

    private long ticks(SystemSpec spec) {
        try {
            return horizon.ticksOf(spec);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(command.commandLine(), "--horizon: " + e.getMessage());
        }
    }
}
