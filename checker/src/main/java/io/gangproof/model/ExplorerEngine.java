package io.gangproof.model;

import io.gangproof.check.CheckOptions;
import io.gangproof.check.Engine;
import io.gangproof.check.LastSearch;
import io.gangproof.check.OneSearchEngine;
import io.gangproof.check.ExplorerCounterexamples;
import io.gangproof.check.PropertyResult;
import io.gangproof.spec.Bound;
import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.TimeFormat;
import io.gangproof.spec.Verdict;
import io.gangproof.scheduler.trace.Trace;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The explorer as an {@link Engine} for {@code gangproof check}: the first property asked
 * about a spec explores all of the spec's properties in one search; the others are answered
 * from that search. It answers every property it can model, {@code UNKNOWN} included (with
 * the limit hit); for a spec it cannot model that is {@code UNKNOWN} saying why, which the
 * checker lists beside the other engines' answers.
 * A counterexample is handed over as a reference-scheduler trace, which the checker replays.
 */
public final class ExplorerEngine implements OneSearchEngine {
    public static final String NAME = "explorer";

    private final ExplorerOptions base;
    private final LastSearch<TimedResults> last = new LastSearch<>();

    /** One search's results and how long it took. */
    private record TimedResults(List<ExplorerResult> results, double seconds) {
    }

    public ExplorerEngine() {
        this(ExplorerOptions.DEFAULTS);
    }

    /** {@code base}: limits, analysis bounds and progress listener for every search. */
    public ExplorerEngine(ExplorerOptions base) {
        this.base = base;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** A bounded search that proves when the reachable states repeat (docs/semantics.md §13 item 7). */
    @Override
    public Set<Verdict> verdicts() {
        return EnumSet.allOf(Verdict.class);
    }

    /** One search for the given properties, within the deadline if the options set one. */
    @Override
    public synchronized List<Optional<PropertyResult>> check(SystemSpec spec, List<Property> properties,
            CheckOptions options) {
        ExplorerOptions withHorizon = options.horizonOverride().isPresent()
                ? base.withHorizon(options.horizonOverride().get()) : base;
        ExplorerOptions bounded = options.analysisBounds().isEmpty() ? withHorizon
                : withHorizon.withAnalysisBounds(options.analysisBounds());
        ExplorerOptions o = options.remainingMillis().isPresent()
                ? bounded.withTimeLimitMillis(options.remainingMillis().getAsLong()) : bounded;
        TimedResults searched = last.of(spec, properties, options, () -> {
            long start = System.nanoTime();
            List<ExplorerResult> results = Explorer.check(spec, properties, o);
            return new TimedResults(results, (System.nanoTime() - start) / 1e9);
        });
        // An UNKNOWN (a limit, or a spec the model cannot express) is answered too, so that its
        // reason reaches the combined answer (semantics §8); other engines are still asked.
        List<Optional<PropertyResult>> out = new ArrayList<>();
        for (ExplorerResult r : searched.results()) {
            out.add(Optional.of(toPropertyResult(spec, r, searched.seconds(), o.analysisBounds(), NAME)));
        }
        return out;
    }

    /**
     * A counterexample becomes a reference-scheduler trace, which the checker replays and writes;
     * {@code engine}: who searched (the explorer, or JPF on the same model).
     */
    public static PropertyResult toPropertyResult(SystemSpec spec, ExplorerResult r, double seconds,
            Map<Property, Long> analysisBounds, String engine) {
        Optional<Long> bound = numericBound(r.property()).or(() -> Optional.ofNullable(analysisBounds.get(
                r.property())));
        TimeFormat time = TimeFormat.of(spec);
        if (r instanceof ExplorerResult.Proved p) {
            ExplorerResult.Repetition rep = p.repetition();
            return new PropertyResult(r.property(), r.description(), r.verdict(), engine, bound, Optional.empty(),
                    Optional.of(p.states()), seconds, Optional.empty(),
                    // read after "by" when a bound is shown (VerdictLine): "<bound>, by repetition of ..."
                    Optional.of("repetition of the reachable states every " + time.format(rep.period())
                            + " (those at " + time.format(rep.at()) + " are those at "
                            + time.format(rep.at() - rep.period()) + ", shifted) after " + p.states()
                            + " states: every later step repeats one already searched, so no instant violates it"
                            + " (docs/semantics.md §13); over " + String.join("; ", p.nondeterminism())));
        }
        if (r instanceof ExplorerResult.HoldsUpTo h) {
            return new PropertyResult(r.property(), r.description(), r.verdict(), engine, bound,
                    Optional.of(h.horizon()), Optional.of(h.states()), seconds, Optional.empty(),
                    Optional.of("no violation at any instant 0.." + time.format(h.horizon()) + " over "
                            + String.join("; ", h.nondeterminism())));
        }
        if (r instanceof ExplorerResult.Violated v) {
            Trace trace = ExplorerCounterexamples.toTrace(spec, v.counterexample(), analysisBounds);
            // The trace's violation is worded as every other engine words it (ViolationWording).
            String message = trace.violations().stream().filter(x -> x.property().equals(r.property())).findFirst()
                    .map(x -> x.message()).orElse(v.counterexample().message());
            return new PropertyResult(r.property(), r.description(), r.verdict(), engine, bound,
                    Optional.of(v.horizon()), Optional.of(v.states()), seconds, Optional.empty(),
                    Optional.of(message), Optional.of(trace));
        }
        ExplorerResult.Unknown u = (ExplorerResult.Unknown) r;
        return new PropertyResult(r.property(), r.description(), r.verdict(), engine, bound, Optional.empty(),
                Optional.of(u.states()), seconds, Optional.empty(), Optional.of(u.reason()));
    }

    private static Optional<Long> numericBound(Property p) {
        return p.declaredBound().filter(b -> b instanceof Bound.Value).map(b -> ((Bound.Value) b).value());
    }
}
