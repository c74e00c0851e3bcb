package io.gangproof.symbolic;

import io.gangproof.scheduler.ExecutableSpec;
import io.gangproof.scheduler.ReferenceScheduler;
import io.gangproof.scheduler.check.TraceChecker;
import io.gangproof.scheduler.check.Violation;
import io.gangproof.scheduler.trace.Trace;
import io.gangproof.spec.SystemSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The symbolic-time engine (docs/symbolic.md): one zone-graph search answers every property
 * of a spec. A violation is only reported with a scenario the reference scheduler replays to
 * the same violation; a property is proved only when the zone graph closed.
 */
public final class SymbolicExplorer {
    public static final String NAME = "symbolic";
    /** Larger closed zone graphs get no certificate: at about 250 bytes per state it would pass 50 MB. */
    public static final long MAX_CERTIFICATE_STATES = 200_000;

    private SymbolicExplorer() {
    }

    /** Why the engine cannot search the spec as it stands; empty when it can. */
    public static Optional<String> unsupported(SystemSpec spec) {
        List<String> problems = ExecutableSpec.problems(spec);
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    /** Searches the spec's properties; properties whose bound has no numeric value get no result. */
    public static SymbolicOutcome check(SystemSpec spec, SymbolicOptions options) {
        return check(spec, options, null);
    }

    /**
     * As {@link #check(SystemSpec, SymbolicOptions)}; when the zone graph closed with at most
     * {@link #MAX_CERTIFICATE_STATES} states and some property is proved, {@code certificate} (if
     * not null) receives the closed zone graph as a certificate (docs/symbolic.md §12).
     */
    public static SymbolicOutcome check(SystemSpec spec, SymbolicOptions options, Consumer<String> certificate) {
        long start = System.nanoTime();
        SymbolicSpec s = new SymbolicSpec(spec, spec.properties(), options.bounds(), options.horizon());
        ZoneGraphSearch search = new ZoneGraphSearch(s, options);
        search.run();
        Concretiser concretiser = new Concretiser(s, search.transitions());
        List<SymbolicResult> results = new ArrayList<>();
        for (int k = 0; k < s.props.size(); k++) {
            SymbolicSpec.Prop p = s.props.get(k);
            if (search.witness[k] != null) {
                results.add(violated(s, p, concretiser.concretise(search.witness[k]), search.states));
            } else if (p.check() == SymbolicSpec.Check.INVERSION && search.stopwatch[p.task()]) {
                // Reached in the search, so final: even a closed zone graph could not prove it.
                results.add(new SymbolicResult.Unknown(p.property(), search.states, "inversion of " + s.name(p.task())
                        + " needs a stopwatch: a lower-priority job can start on a TPU eligible for one of its waiting"
                        + " jobs, so the inversion time is not a difference of clocks"));
            } else if (search.limit != null) {
                results.add(new SymbolicResult.Unknown(p.property(), search.states, "the symbolic engine hit its "
                        + search.limit + " before the zone graph closed"));
            } else {
                results.add(new SymbolicResult.Proved(p.property(), search.states, search.transitions));
            }
        }
        boolean[] proved = new boolean[results.size()];
        boolean any = false;
        for (int k = 0; k < proved.length; k++) {
            proved[k] = results.get(k) instanceof SymbolicResult.Proved;
            any |= proved[k];
        }
        if (certificate != null && search.limit == null && any && search.states <= MAX_CERTIFICATE_STATES) {
            certificate.accept(ZoneGraphCertificate.write(s, search, proved));
        }
        Map<String, Long> max = new LinkedHashMap<>();
        for (int i = 0; i < s.tasks; i++) {
            if (search.maxResponse[i] >= 0) {
                max.put(s.name(i), search.maxResponse[i]);
            }
        }
        return new SymbolicOutcome(results, max, search.limit == null && !search.allViolated, search.states, search.transitions,
                (System.nanoTime() - start) / 1e9);
    }

    private static SymbolicResult violated(SymbolicSpec s, SymbolicSpec.Prop p, Concretiser.Concrete c, long states) {
        Trace trace = ReferenceScheduler.run(s.spec, c.scenario(), c.horizon());
        TraceChecker checker = TraceChecker.of(s.spec, trace);
        List<Violation> v = p.check() == SymbolicSpec.Check.DEADLINES || p.check() == SymbolicSpec.Check.DEADLOCK
                ? checker.violationsOf(p.property()) : checker.violationsOf(p.property(), p.bound());
        if (v.isEmpty()) {
            throw new IllegalStateException("symbolic engine: the counterexample to " + p.property()
                    + " does not replay on the reference scheduler (scenario " + c.scenario() + ")");
        }
        long instant = v.stream().mapToLong(Violation::time).min().orElseThrow();
        return new SymbolicResult.Violated(p.property(), states, trace.withViolations(v), instant);
    }
}
