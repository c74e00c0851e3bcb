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
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;

/**
 * Java PathFinder on the generated model (issue #13), with a jpf-core build. JPF searches the
 * model the explorer searches, depth first, within the spec's limits and what is left of the
 * property's time budget; its violation path is
 * replayed into a job-level trace, which the checker replays in the reference scheduler like
 * every other counterexample (semantics §8). A spec the model cannot express, and a
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

    private SystemSpec cachedSpec;
    private CheckOptions cachedOptions;
    private List<ExplorerResult> cached = List.of();
    private double cachedSeconds;

    /** A bounded search, like the explorer: it violates or holds up to the horizon, never proves. */
    @Override
    public Set<Verdict> verdicts() {
        return EnumSet.of(Verdict.VIOLATED, Verdict.HOLDS_UP_TO, Verdict.UNKNOWN);
    }

    /** The first property asked about a spec runs JPF on all of its properties (one model, one compilation). */
    @Override
    public synchronized Optional<PropertyResult> check(SystemSpec spec, Property property, CheckOptions options) {
        ExplorerOptions bounded = ExplorerOptions.DEFAULTS.withHorizon(options.horizon(spec))
                .withAnalysisBounds(options.analysisBounds());
        // what is left of the property's budget, as the explorer gets it (one run serves every property)
        ExplorerOptions o = options.remainingMillis().isPresent()
                ? bounded.withTimeLimitMillis(options.remainingMillis().getAsLong()) : bounded;
        Path dir = options.outputDir().orElse(Path.of("gangproof-out")).resolve("jpf").resolve(spec.name());
        try {
            ExplorerResult r;
            double seconds;
            int index = spec.properties().indexOf(property);
            if (index < 0) {
                long start = System.nanoTime();
                r = JpfCheck.check(spec, property, o, home, dir);
                seconds = (System.nanoTime() - start) / 1e9;
            } else {
                // the same search for every property of the spec: each property's own deadline does not count
                CheckOptions key = new CheckOptions(options.horizonOverride(), options.seed(), options.outputDir(),
                        options.analysisBounds(), options.timeLimit(), java.util.OptionalLong.empty());
                if (!spec.equals(cachedSpec) || !key.equals(cachedOptions)) {
                    long start = System.nanoTime();
                    cached = JpfCheck.check(spec, o, home, dir);
                    cachedSeconds = (System.nanoTime() - start) / 1e9;
                    cachedSpec = spec;
                    cachedOptions = key;
                }
                r = cached.get(index);
                seconds = cachedSeconds;
            }
            return Optional.of(ExplorerEngine.toPropertyResult(spec, r, seconds, options.analysisBounds(), NAME));
        } catch (IOException e) {
            throw new UncheckedIOException("JPF could not be run: " + e.getMessage(), e);
        }
    }
}
