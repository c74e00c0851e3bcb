package io.gangproof.check;

import io.gangproof.model.ExplorerEngine;
import io.gangproof.model.ExplorerOptions;
import io.gangproof.model.ExplorerResult;
import io.gangproof.model.JpfCheck;
import io.gangproof.model.JpfHome;
import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;

/**
 * Java PathFinder on the generated model (issue #13), with a jpf-core build. JPF searches the
 * model the explorer searches, depth first (an iterative deepening by instants), within the
 * spec's limits and what is left of the spec's time budget; its violation path is
 * replayed into a job-level trace, which the checker replays in the reference scheduler like
 * every other counterexample (semantics §8); a property not violated is proved where the
 * reachable states repeat, as the explorer's (§13). A spec the model cannot express, and a
 * {@code <= bound} property without its number, are {@code UNKNOWN}, as for the explorer.
 */
public final class JpfEngine implements Engine {
    public static final String NAME = "jpf";
    private final JpfHome home;

    public JpfEngine(JpfHome home) {
        this.home = home;
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * A bounded search, like the explorer: it violates or holds up to the horizon, and proves
     * where its complete search to the horizon shows the reachable states repeat (semantics §13
     * item 7).
     */
    @Override
    public Set<Verdict> verdicts() {
        return EnumSet.allOf(Verdict.class);
    }

    /**
     * One search answers every open property of a spec, as the explorer's does: asked one at a
     * time, a property after the first would find the budget used up by the search that
     * already answered it.
     */
    @Override
    public boolean answersTogether() {
        return true;
    }

    @Override
    public Optional<PropertyResult> check(SystemSpec spec, Property property, CheckOptions options) {
        return check(spec, List.of(property), options).get(0);
    }

    /** One model, one compilation and one search of JPF for the given properties, by the deadline. */
    @Override
    public synchronized List<Optional<PropertyResult>> check(SystemSpec spec, List<Property> properties,
            CheckOptions options) {
        ExplorerOptions bounded = ExplorerOptions.DEFAULTS.withHorizon(options.horizon(spec))
                .withAnalysisBounds(options.analysisBounds());
        ExplorerOptions o = options.remainingMillis().isPresent()
                ? bounded.withTimeLimitMillis(options.remainingMillis().getAsLong()) : bounded;
        Path dir = options.outputDir().orElse(Path.of("gangproof-out")).resolve("jpf").resolve(spec.name());
        SystemSpec asked = new SystemSpec(spec.name(), spec.resolution(), spec.platform(), spec.dnns(), spec.tasks(),
                spec.scheduler(), properties, spec.exploration());
        try {
            long start = System.nanoTime();
            List<ExplorerResult> results = JpfCheck.check(asked, o, home, dir);
            double seconds = (System.nanoTime() - start) / 1e9;
            List<Optional<PropertyResult>> out = new ArrayList<>();
            for (ExplorerResult r : results) {
                out.add(Optional.of(ExplorerEngine.toPropertyResult(spec, r, seconds, options.analysisBounds(), NAME)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("JPF could not be run: " + e.getMessage(), e);
        }
    }
}
