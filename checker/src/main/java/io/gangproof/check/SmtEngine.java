package io.gangproof.check;

import io.gangproof.scheduler.ExecutableSpec;
import io.gangproof.scheduler.check.TraceChecker;
import io.gangproof.smt.search.ViolationSearch;
import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.TimeFormat;
import io.gangproof.spec.Verdict;
import io.gangproof.spec.format.SpecWriter;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SMT back-end's bounded violation search as an {@link Engine} ({@code check --engine
 * smt}): all properties of a spec are asked of one encoding. {@code VIOLATED} comes with the
 * reference scheduler's trace of the solver's scenario (the checker replays it again before
 * reporting); UNSAT is {@code HOLDS-UP-TO} the horizon; a timeout or an encoding above the size
 * limit is {@code UNKNOWN} with the reason. Specs the scheduler cannot run (levels or pipelines
 * still to synthesise) get no answer, so that other engines may answer.
 */
public final class SmtEngine implements Engine {
    public static final String NAME = "smt";

    private final ViolationSearch.Limits limits;
    private SystemSpec cachedSpec;
    private CheckOptions cachedOptions;
    private final Map<Property, PropertyResult> cached = new HashMap<>();

    public SmtEngine() {
        this(ViolationSearch.Limits.DEFAULTS);
    }

    public SmtEngine(ViolationSearch.Limits limits) {
        this.limits = limits;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** A bounded search: it violates or holds up to the horizon, never proves. */
    @Override
    public Set<Verdict> verdicts() {
        return EnumSet.of(Verdict.VIOLATED, Verdict.HOLDS_UP_TO, Verdict.UNKNOWN);
    }

    @Override
    public boolean answersTogether() {
        return true;
    }

    /** One encoding for the given properties. */
    @Override
    public synchronized List<Optional<PropertyResult>> check(SystemSpec spec, List<Property> properties,
            CheckOptions options) {
        if (!ExecutableSpec.problems(spec).isEmpty()) {
            return properties.stream().map(p -> Optional.<PropertyResult>empty()).toList();
        }
        cached.clear();
        cachedSpec = spec;
        cachedOptions = options;
        searchAll(spec, properties, options);
        return properties.stream().map(p -> Optional.ofNullable(cached.get(p))).toList();
    }

    @Override
    public synchronized Optional<PropertyResult> check(SystemSpec spec, Property property, CheckOptions options) {
        if (!ExecutableSpec.problems(spec).isEmpty()) {
            return Optional.empty();
        }
        if (!spec.equals(cachedSpec) || !options.equals(cachedOptions)) {
            cached.clear();
            cachedSpec = spec;
            cachedOptions = options;
            searchAll(spec, LastSearch.together(spec, property), options);
        }
        if (!cached.containsKey(property)) {
            searchAll(spec, List.of(property), options);
        }
        return Optional.ofNullable(cached.get(property));
    }

    private void searchAll(SystemSpec spec, List<Property> properties, CheckOptions options) {
        long horizon = options.horizon(spec);
        Optional<String> why = ViolationSearch.unsupported(spec, horizon, limits);
        if (why.isPresent()) {
            for (Property p : properties) {
                cached.put(p, PropertyResult.unknown(p, SpecWriter.describe(spec, p), NAME, why.get(), 0));
            }
            return;
        }
        String nondeterminism = ViolationSearch.describeNondeterminism(spec);
        try (ViolationSearch.Session session = new ViolationSearch.Session(spec, horizon, within(options))) {
            for (Property p : properties) {
                Optional<Long> bound = options.numericBound(p);
                if (p.declaredBound().isPresent() && bound.isEmpty()) {
                    continue; // bounded by an analysis that found no bound: nothing to search for
                }
                ViolationSearch.Outcome o = session.search(p, bound.orElse(0L));
                cached.put(p, toResult(spec, p, bound, o, session.jobSlots(), nondeterminism, options.analysisBounds()));
            }
        }
    }

    /** The solver's timeout per query, shortened to what is left of the property's budget. */
    private ViolationSearch.Limits within(CheckOptions options) {
        if (options.remainingMillis().isEmpty()
                || options.remainingMillis().getAsLong() >= limits.timeout().toMillis()) {
            return limits;
        }
        return new ViolationSearch.Limits(java.time.Duration.ofMillis(Math.max(1,
                options.remainingMillis().getAsLong())), limits.maxSize());
    }

    private static PropertyResult toResult(SystemSpec spec, Property p, Optional<Long> bound,
            ViolationSearch.Outcome o, int slots, String nondeterminism, Map<Property, Long> analysisBounds) {
        String description = SpecWriter.describe(spec, p);
        if (o instanceof ViolationSearch.Violated v) {
            return new PropertyResult(p, description, Verdict.VIOLATED, NAME, bound, Optional.of(v.horizon()),
                    Optional.empty(), v.seconds(), Optional.empty(), Optional.of(v.violation().message()),
                    Optional.of(TraceChecker.claimingAll(spec, v.trace(), analysisBounds)));
        }
        if (o instanceof ViolationSearch.HoldsUpTo h) {
            return new PropertyResult(p, description, Verdict.HOLDS_UP_TO, NAME, bound, Optional.of(h.horizon()),
                    Optional.empty(), h.seconds(), Optional.empty(), Optional.of("Z3: no behaviour violates it at any"
                            + " instant 0.." + TimeFormat.of(spec).format(h.horizon()) + " (" + slots + " job slots; "
                            + nondeterminism + ")"));
        }
        ViolationSearch.Unknown u = (ViolationSearch.Unknown) o;
        return PropertyResult.unknown(p, description, NAME, u.reason(), u.seconds());
    }
}
