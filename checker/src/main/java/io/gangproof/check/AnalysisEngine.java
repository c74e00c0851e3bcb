package io.gangproof.check;

import io.gangproof.analysis.AnalysisCatalog;
import io.gangproof.analysis.AnalysisResult;
import io.gangproof.analysis.AnalysisStopped;
import io.gangproof.analysis.Outcome;
import io.gangproof.analysis.PropertyBounds;
import io.gangproof.analysis.ResponseTimeAnalysis;
import io.gangproof.analysis.TaskBound;
import io.gangproof.spec.Bound;
import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import io.gangproof.spec.TimeBudget;
import io.gangproof.spec.Verdict;
import io.gangproof.spec.format.SpecWriter;
import io.gangproof.spec.parse.Units;
import java.math.BigInteger;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The response-time analysis of the spec's scheduler (semantics §10) as an engine. It says
 * what the analysis found, as {@code UNKNOWN} with the bound and the reason: {@code PROVED}
 * is the {@link ProofEngine}'s, which has the witness re-checked by Z3 (semantics §8). It also
 * supplies the numbers behind {@code <= bound} properties, so that the simulation and the
 * explorer can confront them with behaviours.
 */
public final class AnalysisEngine implements Engine {
    public static final String NAME = "analysis";

    @Override
    public String name() {
        return NAME;
    }

    /** The analysis' number for every {@code <= bound} property of the spec that it can bound. */
    public static Map<Property, Long> derivedBounds(SystemSpec spec) {
        Map<Property, Long> bounds = new HashMap<>();
        Optional<AnalysisResult> result = analyze(spec);
        for (Property p : spec.properties()) {
            if (p.declaredBound().filter(b -> b instanceof Bound.FromAnalysis).isPresent() && result.isPresent()) {
                PropertyBounds.derived(result.get(), p).ifPresent(b -> bounds.put(p, b));
            }
        }
        return bounds;
    }

    /** Empty also when the analysis stops at the spec's {@code limit time}: no numbers then. */
    private static Optional<AnalysisResult> analyze(SystemSpec spec) {
        try {
            return AnalysisCatalog.forSpec(spec).map(a -> a.analyze(spec, TimeBudget.of(spec)));
        } catch (AnalysisStopped stopped) {
            return Optional.empty();
        }
    }

    /** Only reasons and bounds: {@code PROVED} is the {@link ProofEngine}'s. */
    @Override
    public Set<Verdict> verdicts() {
        return EnumSet.of(Verdict.UNKNOWN);
    }

    /** One fixed-point computation per spec: always asked, so that an UNKNOWN keeps its reason. */
    @Override
    public boolean timeBounded() {
        return false;
    }

    @Override
    public Optional<PropertyResult> check(SystemSpec spec, Property property, CheckOptions options) {
        if (property instanceof Property.DeadlockFree) {
            return Optional.empty();
        }
        long start = System.nanoTime();
        Optional<ResponseTimeAnalysis> analysis = AnalysisCatalog.forSpec(spec);
        if (analysis.isEmpty()) {
            return Optional.empty();
        }
        String description = SpecWriter.describe(spec, property);
        AnalysisResult result;
        try {
            result = resultFor(spec, analysis.get());
        } catch (AnalysisStopped stopped) {
            return Optional.of(PropertyResult.unknown(property, description, NAME, stopped.getMessage(),
                    (System.nanoTime() - start) / 1e9));
        }
        String name = analysis.get().name();
        Optional<Long> bound = Optional.empty();
        String reason;
        if (property instanceof Property.Deadlines d) {
            List<Task> tasks = d.task().map(t -> List.of(spec.task(t))).orElse(spec.tasks());
            Optional<TaskBound> failed = tasks.stream().map(t -> result.task(t.name()).orElseThrow())
                    .filter(b -> b.outcome() != Outcome.SCHEDULABLE).findFirst();
            reason = failed.map(b -> name + ": task " + b.task() + " is not schedulable by this test (" + b.reason()
                    + ")").orElse(name + ": every response-time bound is within its deadline; " + AWAITING);
        } else {
            Optional<Long> derived = PropertyBounds.derived(result, property);
            bound = derived;
            Optional<Bound> asked = property.declaredBound();
            if (derived.isEmpty()) {
                reason = name + ": no bound for task " + property.task().orElseThrow() + " ("
                        + result.task(property.task().orElseThrow()).map(TaskBound::reason).orElse("unknown task")
                        + ")";
            } else if (asked.isPresent() && asked.get() instanceof Bound.Value v && derived.get() > v.value()) {
                reason = name + ": the bound " + quantity(spec, property, derived.get()) + " exceeds "
                        + quantity(spec, property, v.value());
            } else {
                reason = name + ": bound " + quantity(spec, property, derived.get()) + "; " + (property
                        instanceof Property.Overtakes ? OVERTAKES : AWAITING);
            }
        }
        return Optional.of(new PropertyResult(property, description, Verdict.UNKNOWN, NAME, bound,
                Optional.empty(), Optional.empty(), (System.nanoTime() - start) / 1e9, Optional.empty(),
                Optional.of(reason)));
    }

    private SystemSpec analysedSpec;
    private AnalysisResult analysed;

    /** One analysis per spec, whatever the number of its properties. */
    private synchronized AnalysisResult resultFor(SystemSpec spec, ResponseTimeAnalysis analysis) {
        if (!spec.equals(analysedSpec)) {
            analysed = analysis.analyze(spec, TimeBudget.of(spec));
            analysedSpec = spec;
        }
        return analysed;
    }

    private static final String AWAITING = "PROVED only when Z3 confirms its witness (engine analysis+z3)";
    private static final String OVERTAKES = "PROVED when Z3 confirms a job-counting witness (engine analysis+z3), "
            + "or by the induction engine's checked invariant where the number follows from how the protocol admits jobs";

    private static String quantity(SystemSpec spec, Property p, long value) {
        return p instanceof Property.Overtakes ? value + " jobs" : Units.formatNanosDecimal(BigInteger.valueOf(value)
                .multiply(BigInteger.valueOf(spec.resolution().nanosPerTick())));
    }
}
