package io.gangproof.check;

import io.gangproof.scheduler.ExecutableSpec;
import io.gangproof.scheduler.ReferenceScheduler;
import io.gangproof.scheduler.RunLimits;
import io.gangproof.scheduler.Scenario;
import io.gangproof.scheduler.check.TraceChecker;
import io.gangproof.scheduler.check.Violation;
import io.gangproof.scheduler.scenario.RandomScenarios;
import io.gangproof.scheduler.scenario.SynchronousScenario;
import io.gangproof.scheduler.trace.Trace;
import io.gangproof.spec.Bound;
import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.TimeBudget;
import io.gangproof.spec.Verdict;
import io.gangproof.spec.format.SpecWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reference scheduler as a counterexample search (issue #3): the synchronous scenario,
 * then random scenarios from the seed. A violation it finds is {@code VIOLATED} with the
 * scheduler's own trace; finding none says nothing, so it never answers {@code PROVED} or
 * {@code HOLDS-UP-TO}. A property bounded by an analysis ({@code <= bound}) is checked
 * against the analysis' number when the options carry one.
 */
public final class SimulationEngine implements OneSearchEngine {
    public static final String NAME = "simulation";
    public static final int DEFAULT_RUNS = 200;

    private final int runs;
    private final LastSearch<Map<Property, PropertyResult>> last = new LastSearch<>();

    public SimulationEngine() {
        this(DEFAULT_RUNS);
    }

    public SimulationEngine(int runs) {
        this.runs = runs;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** It only finds violations: finding none says nothing. */
    @Override
    public Set<Verdict> verdicts() {
        return EnumSet.of(Verdict.VIOLATED);
    }

    /** Bounded by its number of runs, so that what it finds does not depend on the machine's speed. */
    @Override
    public boolean timeBounded() {
        return false;
    }

    @Override
    public synchronized List<Optional<PropertyResult>> check(SystemSpec spec, List<Property> properties,
            CheckOptions options) {
        List<String> problems = new ArrayList<>(ExecutableSpec.problems(spec));
        RunLimits.problem(spec, options.horizon(spec)).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            // Said, not dropped: the reason reaches the combined UNKNOWN (semantics §8).
            String reason = "the reference scheduler cannot run this spec: " + String.join("; ", problems);
            return properties.stream().map(p -> Optional.of(PropertyResult.unknown(p, SpecWriter.describe(spec, p),
                    NAME, reason, 0))).toList();
        }
        Map<Property, PropertyResult> cached = last.of(spec, properties, options,
                () -> search(spec, properties, options));
        return properties.stream().map(p -> Optional.ofNullable(cached.get(p))).toList();
    }

    /** One search for the given properties; the first violation of each is kept. */
    private Map<Property, PropertyResult> search(SystemSpec spec, List<Property> properties, CheckOptions options) {
        long start = System.nanoTime();
        long horizon = options.horizon(spec);
        List<Property> open = new ArrayList<>();
        for (Property p : properties) {
            if (p.declaredBound().filter(b -> b instanceof Bound.FromAnalysis).isEmpty()
                    || options.analysisBounds().containsKey(p)) {
                open.add(p);
            }
        }
        Map<Property, PropertyResult> found = new HashMap<>();
        ExecutableSpec executable = ExecutableSpec.of(spec);
        TimeBudget budget = TimeBudget.of(spec);
        Set<Scenario> tried = new HashSet<>();
        int run = 0;
        for (; run < runs && !open.isEmpty() && !budget.exhausted(); run++) {
            Scenario scenario = run == 0 ? SynchronousScenario.of(spec, horizon)
                    : RandomScenarios.generate(spec, horizon, options.seed() + run);
            if (!tried.add(scenario)) {
                continue; // a scenario determines the schedule: running it again finds nothing new
            }
            Trace trace = ReferenceScheduler.run(executable, scenario, horizon, ReferenceScheduler.Detail.NO_EVENTS);
            TraceChecker checker = TraceChecker.of(spec, trace);
            for (Property p : List.copyOf(open)) {
                Long derived = options.analysisBounds().get(p);
                List<Violation> violations = derived == null ? checker.violationsOf(p)
                        : checker.violationsOf(p, derived);
                if (!violations.isEmpty()) {
                    open.remove(p);
                    Trace full = TraceChecker.claimingAll(spec, ReferenceScheduler.run(executable, scenario, horizon,
                            ReferenceScheduler.Detail.FULL), options.analysisBounds());
                    Violation first = violations.get(0);
                    found.put(p, new PropertyResult(p, SpecWriter.describe(spec, p), Verdict.VIOLATED, NAME,
                            options.numericBound(p), Optional.of(horizon), Optional.empty(), (System.nanoTime() - start) / 1e9,
                            Optional.empty(), Optional.of(first.message() + (run == 0 ? " (synchronous scenario)"
                                    : " (random scenario " + run + ", seed " + (options.seed() + run) + ")")),
                            Optional.of(full)));
                }
            }
        }
        if (run < runs) {
            // Stopped by the budget: say so for every property still open, so that the limit is named.
            for (Property p : open) {
                found.put(p, PropertyResult.unknown(p, SpecWriter.describe(spec, p), NAME, "stopped at "
                        + budget.describe() + " after " + run + " of " + runs + " runs, no violation found",
                        (System.nanoTime() - start) / 1e9));
            }
        }
        return found;
    }
}
