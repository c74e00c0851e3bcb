package io.gangproof.check;

import io.gangproof.model.EmittedModel;
import io.gangproof.model.Explorer;
import io.gangproof.model.ExplorerOptions;
import io.gangproof.model.JpfRunner;
import io.gangproof.model.ModelEmitter;
import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Verdict;
import io.gangproof.spec.format.SpecWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;

/**
 * Java PathFinder on the generated model (issue #5), when a jpf-core build is at hand. JPF
 * searches the same model as the explorer. No violation found means {@code HOLDS-UP-TO}; a
 * violation is reported as {@code UNKNOWN} pointing at JPF's own report, because gangproof
 * does not yet map JPF's error trace to a job-level trace the reference scheduler can
 * replay, and {@code VIOLATED} requires one (semantics §8).
 */
public final class JpfEngine implements Engine {
    public static final String NAME = "jpf";
    private final Path jpfHome;

    public JpfEngine(Path jpfHome) {
        this.jpfHome = jpfHome;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Verdict> verdicts() {
        return EnumSet.of(Verdict.HOLDS_UP_TO, Verdict.UNKNOWN);
    }

    @Override
    public Optional<PropertyResult> check(SystemSpec spec, Property property, CheckOptions options) {
        long start = System.nanoTime();
        long horizon = options.horizon(spec);
        SystemSpec single = new SystemSpec(spec.name(), spec.resolution(), spec.platform(), spec.dnns(),
                spec.tasks(), spec.scheduler(), List.of(property), spec.exploration());
        try {
            Path dir = options.outputDir().orElse(Path.of("gangproof-out")).resolve("jpf")
                    .resolve(spec.name() + "-p" + (spec.properties().indexOf(property) + 1));
            Files.createDirectories(dir);
            EmittedModel model = ModelEmitter.emit(single, dir, ExplorerOptions.DEFAULTS.withHorizon(horizon)
                    .withAnalysisBounds(options.analysisBounds()));
            List<JpfRunner.JpfOutcome> outcomes = JpfRunner.run(model, jpfHome);
            double seconds = (System.nanoTime() - start) / 1e9;
            String description = SpecWriter.describe(spec, property);
            if (outcomes.stream().anyMatch(JpfRunner.JpfOutcome::errorsFound)) {
                return Optional.of(PropertyResult.unknown(property, description, NAME, "JPF reports a violation "
                        + "(its trace is in JPF's output above; run the explorer for a replayable counterexample)",
                        seconds));
            }
            return Optional.of(new PropertyResult(property, description, Verdict.HOLDS_UP_TO, NAME, Optional.empty(),
                    Optional.of(horizon), Optional.empty(), seconds, Optional.empty(), Optional.of(
                            "JPF found no violation up to the horizon over " + String.join("; ",
                                    Explorer.nondeterminism(spec)))));
        } catch (IOException e) {
            throw new UncheckedIOException("JPF could not be run: " + e.getMessage(), e);
        }
    }
}
