package io.gangproof.model;

import io.gangproof.model.runtime.Choices;
import io.gangproof.model.runtime.TransitionModel;
import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.TimeFormat;
import io.gangproof.spec.format.SpecWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Properties checked by Java PathFinder on the model the explorer searches: emitted,
 * compiled and run by {@link JpfRunner}, with the explorer's limits. A violation comes back as
 * JPF's path of choice answers; replaying those answers through the same model class in this
 * JVM, with a {@link TraceRecorder}, gives the job-level counterexample, as the explorer's own
 * replay does. The result has the explorer's shape, so that both are reported alike.
 */
public final class JpfCheck {
    private JpfCheck() {
    }

    /** One property; {@link #check(SystemSpec, ExplorerOptions, JpfHome, Path)} for all of them. */
    public static ExplorerResult check(SystemSpec spec, Property property, ExplorerOptions options, JpfHome home,
            Path dir) throws IOException {
        SystemSpec single = new SystemSpec(spec.name(), spec.resolution(), spec.platform(), spec.dnns(),
                spec.tasks(), spec.scheduler(), List.of(property), spec.exploration());
        return check(single, options, home, dir).get(0);
    }

    /**
     * Every property of the spec, in its order: one model for all of them (compiled once, with
     * the explorer's encoding) and one search of JPF for all of them, as the explorer's one
     * search, run as an iterative deepening ({@link #deepen}). {@code dir}: where the model, JPF's configuration and its report are written.
     */
    public static List<ExplorerResult> check(SystemSpec spec, ExplorerOptions options, JpfHome home, Path dir)
            throws IOException {
        long horizon = Horizons.resolve(spec, options.horizon());
        List<ExplorerResult> results = new ArrayList<>();
        ModelPlan plan;
        try {
            plan = ModelPlan.of(spec, spec.properties(), horizon, options.analysisBounds());
        } catch (UnmodellableSpecException e) {
            for (Property p : spec.properties()) {
                results.add(new ExplorerResult.Unknown(p, SpecWriter.describe(spec, p), "the model cannot express "
                        + "this spec, so JPF cannot check it: " + e.getMessage(), 0));
            }
            return results;
        }
        Deepened outcome = null;
        ModelGenerator.GeneratedModel generated = null;
        if (!plan.properties().isEmpty()) {
            generated = ModelGenerator.generate(plan);
            EmittedModel emitted = ModelEmitter.write(spec, dir, plan, generated, horizon);
            JpfRunner.compile(emitted, home);
            outcome = deepen(emitted, home, Explorer.limits(spec, options), plan, horizon,
                    Explorer.periodicity(spec, generated));
        }
        for (Property p : spec.properties()) {
            results.add(result(spec, plan, generated, outcome, p, horizon));
        }
        return results;
    }

    /**
     * The runs of JPF for every property, and what they found: for each property violated (by
     * its index in the model) its path and the states of the run that found it; the states of
     * the last run; why it stopped early, if it did; the last instant up to which every
     * behaviour was searched without a violation of the properties left ({@code -1}: none);
     * where the reachable states repeat, as the search to the horizon found (semantics §13).
     */
    record Deepened(Map<Integer, List<Integer>> violations, Map<Integer, Long> statesAtViolation, long states,
            Optional<String> limitHit, long searchedUpTo, Path report,
            Optional<ExplorerResult.Repetition> repetition) {
    }

    /**
     * The probes of the iterative deepening stop at instants 1, 2, 4, ... while at most this
     * part of the horizon: where the states grow at most linearly with the instant, the probes
     * together cost at most about a quarter of the search to the horizon.
     */
    static final long PROBE_SHARE = 8;

    /**
     * Iterative deepening by instants (semantics §13): depth first, JPF explores the whole
     * subtree under its first choices before it revisits a choice of an early instant, so a
     * violation that needs other early choices (coral-quad-greedy's overtake at its second
     * instant) can wait behind millions of states. Short searches first, each to twice the
     * instant of the one before, find it: each is exactly the full search up to its instant, so
     * a violation found there is one of the full search. Then one search to the horizon, for the
     * properties still not violated: only that one can let a property hold. The probes take at
     * most half of the time budget, so that the full search keeps the other half; a probe that
     * reaches a limit ends the probing. Only the search to the horizon looks for a repetition of
     * the reachable states ({@code periodicity}, as the explorer's), so only it can prove.
     */
    static Deepened deepen(EmittedModel emitted, JpfHome home, Search.Limits limits, ModelPlan plan, long horizon,
            Optional<Search.Periodicity> periodicity) throws IOException {
        long start = System.currentTimeMillis();
        long deadline = limits.timeLimitMillis() == Long.MAX_VALUE ? Long.MAX_VALUE
                : start + limits.timeLimitMillis();
        long probesUntil = limits.timeLimitMillis() == Long.MAX_VALUE ? Long.MAX_VALUE
                : start + limits.timeLimitMillis() / 2;
        long pending = 0L;
        for (ModelPlan.ModelledProperty mp : plan.properties()) {
            pending |= 1L << mp.index();
        }
        Map<Integer, List<Integer>> violations = new TreeMap<>();
        Map<Integer, Long> statesAt = new TreeMap<>();
        long searched = -1;
        JpfRunner.JpfOutcome last = null;
        for (long instant = 1; instant <= horizon / PROBE_SHARE && pending != 0L; instant *= 2) {
            if (System.currentTimeMillis() >= probesUntil) {
                break;
            }
            last = JpfRunner.run(emitted, home, limits, probesUntil, instant, pending);
            pending = record(last, violations, statesAt, pending);
            if (last.limitHit().isPresent()) {
                break;
            }
            searched = instant;
        }
        if (pending == 0L) {
            return new Deepened(violations, statesAt, last.states(), Optional.empty(), searched, last.report(),
                    Optional.empty());
        }
        if (last != null && System.currentTimeMillis() >= deadline) {
            return new Deepened(violations, statesAt, last.states(), Optional.of(JpfRunner.timeLimitReached(limits)),
                    searched, last.report(), Optional.empty());
        }
        JpfRunner.JpfOutcome full = JpfRunner.run(emitted, home, limits, deadline, horizon, pending, periodicity);
        record(full, violations, statesAt, pending);
        return new Deepened(violations, statesAt, full.states(), full.limitHit(), searched, full.report(),
                full.repetition());
    }

    /** Adds the run's violations of properties still pending; returns those still pending after it. */
    private static long record(JpfRunner.JpfOutcome run, Map<Integer, List<Integer>> violations,
            Map<Integer, Long> statesAt, long pending) {
        long left = pending;
        for (Map.Entry<Integer, List<Integer>> v : run.violations().entrySet()) {
            if ((left >>> v.getKey() & 1L) != 0L) {
                violations.put(v.getKey(), v.getValue());
                statesAt.put(v.getKey(), run.states());
                left &= ~(1L << v.getKey());
            }
        }
        return left;
    }

    private static ExplorerResult result(SystemSpec spec, ModelPlan plan, ModelGenerator.GeneratedModel generated,
            Deepened outcome, Property property, long horizon) {
        for (ModelPlan.SkippedProperty s : plan.skipped()) {
            if (s.property().equals(property)) {
                return new ExplorerResult.Unknown(property, s.description(), s.reason(), 0);
            }
        }
        ModelPlan.ModelledProperty mp = plan.properties().stream().filter(x -> x.property().equals(property))
                .findFirst().orElseThrow();
        List<Integer> path = outcome.violations().get(mp.index());
        if (path != null) {
            return new ExplorerResult.Violated(property, mp.description(), horizon,
                    outcome.statesAtViolation().get(mp.index()),
                    replay(spec, Explorer.instantiate(generated), mp.index(), path, outcome.report()));
        }
        if (outcome.limitHit().isPresent()) {
            TimeFormat time = TimeFormat.of(spec);
            String upTo = outcome.searchedUpTo() < 0 ? "" : "; no violation at instants 0.."
                    + time.format(outcome.searchedUpTo()) + " (every behaviour)";
            return new ExplorerResult.Unknown(property, mp.description(), "JPF: " + outcome.limitHit().get()
                    + " before the horizon " + time.format(horizon) + upTo, outcome.states());
        }
        if (outcome.repetition().isPresent()) {
            // not violated in a complete search to the horizon whose reachable states repeat
            return new ExplorerResult.Proved(property, mp.description(), horizon, outcome.states(),
                    Explorer.nondeterminism(spec), outcome.repetition().get());
        }
        return new ExplorerResult.HoldsUpTo(property, mp.description(), horizon, outcome.states(),
                Explorer.nondeterminism(spec));
    }

    /** The answers JPF gave, in order; a choice between one option asks nothing (as in the entry point). */
    private static final class Answers implements Choices {
        private final List<Integer> answers;
        private int next;

        Answers(List<Integer> answers) {
            this.answers = answers;
        }

        @Override
        public int choose(int n) {
            if (n <= 1) {
                return 0;
            }
            if (next == answers.size()) {
                throw new IllegalStateException("internal error: JPF's path has fewer choices than its behaviour");
            }
            int a = answers.get(next++);
            if (a < 0 || a >= n) {
                throw new IllegalStateException("internal error: JPF's answer " + a + " is not a choice among " + n);
            }
            return a;
        }

        boolean used() {
            return next == answers.size();
        }
    }

    /**
     * Steps the model with JPF's answers, canonical form after each step as in the entry point,
     * up to the violation of property {@code p} (the model's index).
     */
    static Counterexample replay(SystemSpec spec, TransitionModel model, int p, List<Integer> answers, Path report) {
        TraceRecorder recorder = new TraceRecorder(spec);
        Answers choices = new Answers(answers);
        int[] buffer = new int[model.maxEncodedLength()];
        model.reset();
        while (model.time() < model.horizon()) {
            long violated = model.step(choices, recorder) & (1L << p);
            if (violated != 0L) {
                if (!choices.used()) {
                    throw new IllegalStateException("internal error: JPF's path goes on after the violation");
                }
                return new Counterexample(model.violationMessage(p), model.violationTime(p), recorder.records());
            }
            model.decode(buffer, 0, model.encode(buffer));
        }
        throw new IllegalStateException("internal error: JPF's path (" + report + ") replays to no violation");
    }
}
