package io.gangproof.check;

import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.format.SpecWriter;
import io.gangproof.symbolic.SymbolicExplorer;
import io.gangproof.symbolic.SymbolicOptions;
import io.gangproof.symbolic.SymbolicOutcome;
import io.gangproof.symbolic.SymbolicResult;
import java.util.Optional;

/**
 * The symbolic-time engine (docs/symbolic.md) for {@code gangproof check}: the first property
 * asked about a spec runs one zone-graph search for all of them; the others are answered from
 * it. {@code PROVED} rests on the closed zone graph (semantics §8); a counterexample comes as
 * the reference scheduler's trace, which the checker replays again. Specs it cannot search
 * (levels or pipelines left to synthesis) and properties whose bound has no number get no answer.
 */
public final class SymbolicEngine implements Engine {
    private final long timeLimitMillis;
    private SystemSpec cachedSpec;
    private CheckOptions cachedOptions;
    private SymbolicOutcome cached;

    public SymbolicEngine() {
        this(SymbolicOptions.DEFAULT_TIME_LIMIT_MILLIS);
    }

    /** {@code timeLimitMillis}: for specs that set no {@code limit time}. */
    public SymbolicEngine(long timeLimitMillis) {
        this.timeLimitMillis = timeLimitMillis;
    }

    @Override
    public String name() {
        return SymbolicExplorer.NAME;
    }

    @Override
    public synchronized Optional<PropertyResult> check(SystemSpec spec, Property property, CheckOptions options) {
        if (SymbolicExplorer.unsupported(spec).isPresent()) {
            return Optional.empty();
        }
        if (!spec.equals(cachedSpec) || !options.equals(cachedOptions)) {
            // The spec's `limit time` bounds every exhaustive engine, this one too.
            long time = spec.exploration().timeLimitMillis().orElse(timeLimitMillis);
            cached = SymbolicExplorer.check(spec, new SymbolicOptions(time, SymbolicOptions.DEFAULT_MAX_STATES,
                    options.horizon(spec), options.analysisBounds()));
            cachedSpec = spec;
            cachedOptions = options;
        }
        return cached.results().stream().filter(r -> r.property().equals(property)).findFirst()
                .map(r -> toPropertyResult(spec, r, options));
    }

    private PropertyResult toPropertyResult(SystemSpec spec, SymbolicResult r, CheckOptions options) {
        String description = SpecWriter.describe(spec, r.property());
        Optional<Long> bound = options.numericBound(r.property());
        double seconds = cached.seconds();
        if (r instanceof SymbolicResult.Proved p) {
            return new PropertyResult(p.property(), description, io.gangproof.spec.Verdict.PROVED, name(), bound,
                    Optional.empty(), Optional.of(p.states()), seconds, Optional.empty(),
                    Optional.of("the zone graph closed: " + p.states() + " symbolic states, " + p.transitions()
                            + " transitions, every successor included in a stored state and none violating,"
                            + " so it holds at every instant (docs/symbolic.md)"));
        }
        if (r instanceof SymbolicResult.Violated v) {
            return new PropertyResult(v.property(), description, io.gangproof.spec.Verdict.VIOLATED, name(), bound,
                    Optional.of(v.trace().horizon()), Optional.of(v.states()), seconds, Optional.empty(),
                    Optional.of(v.trace().violations().get(0).message()), Optional.of(v.trace()));
        }
        SymbolicResult.Unknown u = (SymbolicResult.Unknown) r;
        return new PropertyResult(u.property(), description, io.gangproof.spec.Verdict.UNKNOWN, name(), bound,
                Optional.empty(), Optional.of(u.states()), seconds, Optional.empty(), Optional.of(u.reason()));
    }
}
