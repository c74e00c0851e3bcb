package io.gangproof.model;

import io.gangproof.model.runtime.TransitionModel;
import io.gangproof.spec.Arrival;
import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import io.gangproof.spec.TimeFormat;
import io.gangproof.spec.format.SpecWriter;
import io.gangproof.spec.parse.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The embedded exhaustive explorer (semantics §9): generates the spec's model, compiles it in
 * memory and searches every behaviour up to the horizon breadth first. One search checks all
 * the requested properties at once.
 */
public final class Explorer {
    /** Default state limit when neither the caller nor the spec sets one. */
    public static final long DEFAULT_MAX_STATES = 200_000_000L;
    /** Default time limit: five minutes. */
    public static final long DEFAULT_TIME_LIMIT_MILLIS = 300_000L;

    private Explorer() {
    }

    /** Every property of the spec, in the spec's order. */
    public static List<ExplorerResult> check(SystemSpec spec, ExplorerOptions options) {
        return check(spec, spec.properties(), options);
    }

    /** One property. */
    public static ExplorerResult check(SystemSpec spec, Property property, ExplorerOptions options) {
        return check(spec, List.of(property), options).get(0);
    }

    /** The given properties, in their order. */
    public static List<ExplorerResult> check(SystemSpec spec, List<Property> properties, ExplorerOptions options) {
        long horizon = Horizons.resolve(spec, options.horizon());
        ModelPlan plan;
        try {
            plan = ModelPlan.of(spec, properties, horizon, options.analysisBounds());
        } catch (UnmodellableSpecException e) {
            List<ExplorerResult> unknown = new ArrayList<>();
            for (Property p : properties) {
                unknown.add(new ExplorerResult.Unknown(p, SpecWriter.describe(spec, p),
                        "the explorer cannot model this spec: " + e.getMessage(), 0));
            }
            return unknown;
        }
        if (plan.properties().isEmpty()) {
            // nothing to search for: every property was left out, with its reason
            List<ExplorerResult> skipped = new ArrayList<>();
            for (ModelPlan.SkippedProperty s : plan.skipped()) {
                skipped.add(new ExplorerResult.Unknown(s.property(), s.description(), s.reason(), 0));
            }
            return skipped;
        }
        ModelGenerator.GeneratedModel generated = ModelGenerator.generate(plan);
        Search search = new Search(instantiate(generated), limits(spec, options), options.progress(), -1);
        periodicity(spec, generated).ifPresent(search::withPeriodicity);
        Search.Outcome outcome = search.run();
        List<String> nondeterminism = nondeterminism(spec);
        List<ExplorerResult> results = new ArrayList<>();
        for (Property p : properties) {
            results.add(result(spec, plan, search, outcome, p, horizon, nondeterminism));
        }
        return results;
    }

    private static ExplorerResult result(SystemSpec spec, ModelPlan plan, Search search, Search.Outcome outcome,
            Property p, long horizon, List<String> nondeterminism) {
        for (ModelPlan.SkippedProperty s : plan.skipped()) {
            if (s.property().equals(p)) {
                return new ExplorerResult.Unknown(p, s.description(), s.reason(), 0);
            }
        }
        ModelPlan.ModelledProperty mp = plan.properties().stream().filter(x -> x.property().equals(p)).findFirst()
                .orElseThrow();
        Search.Found f = outcome.violations()[mp.index()];
        if (f != null) {
            List<JobRecord> jobs = search.replay(spec, f.parent(), f.ordinal());
            return new ExplorerResult.Violated(p, mp.description(), horizon, outcome.states(),
                    new Counterexample(f.message(), f.time(), jobs));
        }
        if (outcome.limitHit().isPresent()) {
            TimeFormat time = TimeFormat.of(spec);
            String upTo = outcome.expandedUpTo() < 0 ? ""
                    : "; no violation at instants 0.." + time.format(outcome.expandedUpTo()) + " (every behaviour)";
            return new ExplorerResult.Unknown(p, mp.description(),
                    outcome.limitHit().get() + " before the horizon " + time.format(horizon) + upTo, outcome.states());
        }
        if (outcome.repetition().isPresent()) {
            Search.Repetition r = outcome.repetition().get();
            return new ExplorerResult.Proved(p, mp.description(), horizon, outcome.states(), nondeterminism,
                    new ExplorerResult.Repetition(r.period(), r.to()));
        }
        return new ExplorerResult.HoldsUpTo(p, mp.description(), horizon, outcome.states(), nondeterminism);
    }

    /**
     * The largest response time of {@code task}'s jobs that finish by {@code horizon}, over
     * every behaviour (for the differential test against the reference scheduler).
     */
    public static MaxResponseTime maxResponseTime(SystemSpec spec, String task, long horizon) {
        return maxResponseTime(spec, task, ExplorerOptions.DEFAULTS.withHorizon(horizon));
    }

    public static MaxResponseTime maxResponseTime(SystemSpec spec, String task, ExplorerOptions options) {
        long horizon = Horizons.resolve(spec, options.horizon());
        int index = spec.tasks().indexOf(spec.task(task));
        ModelPlan plan;
        try {
            plan = ModelPlan.of(spec, List.of(), horizon, Map.of());
        } catch (UnmodellableSpecException e) {
            return new MaxResponseTime(task, horizon, OptionalLong.empty(), Optional.empty(), 0, false,
                    "the explorer cannot model this spec: " + e.getMessage());
        }
        ModelGenerator.GeneratedModel generated = ModelGenerator.generate(plan);
        Search search = new Search(instantiate(generated), limits(spec, options), options.progress(), index);
        periodicity(spec, generated).ifPresent(search::withPeriodicity);
        Search.Outcome outcome = search.run();
        OptionalLong max = search.maxResponse() < 0 ? OptionalLong.empty() : OptionalLong.of(search.maxResponse());
        Optional<Counterexample> witness = search.responseWitness().map(w -> {
            List<JobRecord> jobs = search.replay(spec, w.parent(), w.ordinal());
            return new Counterexample("a job of " + task + " with response time "
                    + TimeFormat.of(spec).format(max.getAsLong()),
                    jobs.stream().filter(j -> j.finish().isPresent()).mapToLong(j -> j.finish().getAsLong()).max()
                            .orElse(0),
                    jobs);
        });
        return new MaxResponseTime(task, horizon, max, witness, outcome.states(), outcome.limitHit().isEmpty(),
                outcome.limitHit().orElse("complete"));
    }

    /** One search of the whole state space (no property, so no early end): for the benchmark. */
    static Search.Outcome measure(SystemSpec spec, ExplorerOptions options) {
        long horizon = Horizons.resolve(spec, options.horizon());
        ModelPlan plan = ModelPlan.of(spec, List.of(), horizon, options.analysisBounds());
        return new Search(instantiate(ModelGenerator.generate(plan)), limits(spec, options), options.progress(), -1)
                .run();
    }

    /**
     * When the search may look for repetition (docs/semantics.md §13): the encoding is
     * relative, and from the instant {@code from} on a shift by the hyperperiod changes
     * nothing: every known offset has passed (periodic arrivals then repeat with the
     * hyperperiod), and so has every period (no first arrival of an unknown offset is
     * pending). Everything else in a step depends on differences of times only.
     */
    static Optional<Search.Periodicity> periodicity(SystemSpec spec, ModelGenerator.GeneratedModel generated) {
        Optional<Long> hyperperiod = spec.hyperperiod();
        if (!generated.relativeEncoding() || hyperperiod.isEmpty()) {
            return Optional.empty();
        }
        long from = 0;
        for (Task t : spec.tasks()) {
            from = Math.max(from, t.period());
            if (t.arrival() instanceof Arrival.Periodic p) {
                from = Math.max(from, p.offset());
            }
        }
        long horizon = generated.plan().horizon();
        if (hyperperiod.get() >= horizon || from + hyperperiod.get() >= horizon) {
            return Optional.empty();
        }
        return Optional.of(new Search.Periodicity((int) (long) hyperperiod.get(), (int) from));
    }

    static Search.Limits limits(SystemSpec spec, ExplorerOptions options) {
        long states = options.maxStates().orElse(spec.exploration().maxStates().orElse(DEFAULT_MAX_STATES));
        long millis = options.timeLimitMillis()
                .orElse(spec.exploration().timeLimitMillis().orElse(DEFAULT_TIME_LIMIT_MILLIS));
        // A quarter of the heap by default: the state stores grow by doubling, so while one is
        // copied it briefly needs about three times what it held (half the heap ran out of memory).
        // An explicit limit above that is lowered to it: the heap cannot give more, and a search
        // that ran out of memory would end without naming a limit (semantics §12).
        long heap = Runtime.getRuntime().maxMemory();
        long share = heap / 4;
        long asked = options.memoryBytes().orElse(spec.exploration().memoryBytes().orElse(share));
        long gib = 1L << 30;
        long enough = Math.min(asked, Long.MAX_VALUE / 8) * 4 / gib + 1; // GiB of heap whose quarter is asked
        String note = asked <= share ? ""
                : " (a quarter of the JVM's heap of " + Units.formatMemory(heap) + ", less than the "
                        + Units.formatMemory(asked) + " asked for; GANGPROOF_JAVA_OPTS=-Xmx" + enough + "g gives it)";
        return new Search.Limits(Math.min(states, Integer.MAX_VALUE - 8L), millis, Math.min(asked, share), note);
    }

    static TransitionModel instantiate(ModelGenerator.GeneratedModel generated) {
        try {
            Class<?> type = CompiledModels.load(generated.qualifiedModelClass(), generated.model().toString());
            return (TransitionModel) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("internal error: cannot load the generated model", e);
        }
    }

    /** What the search quantified over (semantics §8: part of the evidence of HOLDS-UP-TO). */
    public static List<String> nondeterminism(SystemSpec spec) {
        List<String> out = new ArrayList<>();
        TimeFormat time = TimeFormat.of(spec);
        for (Task t : spec.tasks()) {
            Arrival a = t.arrival();
            if (a instanceof Arrival.Sporadic) {
                out.add("arrivals of " + t.name() + " (sporadic: at each instant after the separation, arrive or wait)");
            } else if (a instanceof Arrival.PeriodicAnyOffset) {
                out.add("offset of " + t.name() + " (any in [0 ms, " + time.format(a.period()) + "))");
            }
            if (t.jitter() > 0) {
                out.add("release jitter of " + t.name() + " (any in [0 ms, " + time.format(t.jitter()) + "])");
            }
            if (!t.levelFixed()) {
                continue;
            }
            long[][] times = ModelPlan.executionTimes(t.dnn(), t.level());
            if (times.length > 1 || times[0][0] != times[0][1]) {
                StringBuilder b = new StringBuilder("execution time of " + t.name() + " (every tick in ");
                for (int s = 0; s < times.length; s++) {
                    b.append(s == 0 ? "" : " or ").append('[').append(time.format(times[s][0])).append(", ")
                            .append(time.format(times[s][1]))
                            .append(']');
                }
                out.add(b.append(t.dnn().exits().size() > 1 ? ", over every exit)" : ")").toString());
            }
        }
        if (out.isEmpty()) {
            out.add("nothing: the spec has exactly one behaviour");
        }
        return out;
    }
}
