package io.gangproof.smt;

import io.gangproof.analysis.AnalysisCatalog;
import io.gangproof.analysis.AnalysisResult;
import io.gangproof.analysis.AnalysisStopped;
import io.gangproof.analysis.Outcome;
import io.gangproof.analysis.PropertyBounds;
import io.gangproof.analysis.ResponseTimeAnalysis;
import io.gangproof.analysis.TaskBound;
import io.gangproof.analysis.Witness;
import io.gangproof.spec.Bound;
import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.TimeBudget;
import io.gangproof.spec.Task;
import io.gangproof.spec.TimeFormat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The facade for {@code gangproof check}: runs the spec's analysis, checks the witness of every
 * task the property is about with Z3 ({@link WitnessCheck}) and answers {@link ProofOutcome.Proved}
 * only when every one of them is confirmed (semantics §8 {@code PROVED}).
 */
public final class ProofCheck {
    /** The default solver timeout per witness check. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private ProofCheck() {
    }

    public static ProofOutcome prove(SystemSpec spec, Property property, Optional<Path> certificateDir,
            Duration timeout) {
        return prove(spec, property, certificateDir, timeout, TimeBudget.UNLIMITED);
    }

    /**
     * As above within {@code budget} (analysis and witness checks together): once it is
     * exhausted the outcome is {@link ProofOutcome.Stopped}, naming the limit.
     */
    public static ProofOutcome prove(SystemSpec spec, Property property, Optional<Path> certificateDir,
            Duration timeout, TimeBudget budget) {
        if (property instanceof Property.DeadlockFree) {
            return new ProofOutcome.NotProved("not an analysis property");
        }
        Optional<ResponseTimeAnalysis> analysis = AnalysisCatalog.forSpec(spec);
        if (analysis.isEmpty()) {
            return new ProofOutcome.NotProved("no analysis models this spec's scheduler");
        }
        AnalysisResult result;
        try {
            result = analysis.get().analyze(spec, budget);
        } catch (AnalysisStopped stopped) {
            return new ProofOutcome.Stopped(stopped.getMessage());
        }
        if (!result.applicable()) {
            return new ProofOutcome.NotProved("analysis " + result.analysis() + " does not apply: "
                    + result.tasks().get(0).reason());
        }
        try (WitnessSolver solver = new WitnessSolver()) {
            return checkAll(spec, property, certificateDir, timeout, budget, result, solver);
        }
    }

    /** The witness checks of {@code result}'s tasks the property is about, and of the tasks they rest on. */
    private static ProofOutcome checkAll(SystemSpec spec, Property property, Optional<Path> certificateDir,
            Duration timeout, TimeBudget budget, AnalysisResult result, WitnessSolver solver) {
        Map<String, TaskBound> bounds = new HashMap<>();
        for (TaskBound t : result.tasks()) {
            bounds.putIfAbsent(t.task(), t);
        }
        List<String> tasks = new ArrayList<>();
        if (property.task().isPresent()) {
            tasks.add(property.task().get());
        } else {
            for (Task t : spec.tasks()) {
                tasks.add(t.name());
            }
        }
        List<Path> certificates = new ArrayList<>();
        // Shared parts of split checks (an edf pipeline's demand test), by their exact text: solved
        // and saved once per call, however many of the pipeline's tasks rest on them.
        Map<String, Optional<String>> shared = new HashMap<>();
        long proved = 0;
        int checked = 0;
        for (String name : tasks) {
            if (budget.exhausted()) {
                return new ProofOutcome.Stopped("the witness checks stopped at " + budget.describe() + " after "
                        + checked + " of " + tasks.size() + " tasks");
            }
            checked++;
            Optional<TaskBound> tb = Optional.ofNullable(bounds.get(name));
            if (tb.isEmpty()) {
                return new ProofOutcome.NotProved("no task " + name);
            }
            TaskBound b = tb.get();
            if (b.witness() instanceof Witness.None) {
                return new ProofOutcome.NotProved("task " + name + ": no witness (" + b.reason() + ")");
            }
            WitnessCheck.Claim claim;
            long bound;
            if (property instanceof Property.Deadlines) {
                if (b.outcome() != Outcome.SCHEDULABLE) {
                    return new ProofOutcome.NotProved("task " + name + " not accepted by " + result.analysis() + ": "
                            + b.reason());
                }
                claim = WitnessCheck.Claim.response(spec.task(name).deadline());
                bound = b.responseBound().orElseThrow();
            } else {
                Optional<Long> derived = PropertyBounds.derived(result, property);
                if (derived.isEmpty() || b.outcome() == Outcome.NOT_APPLICABLE) {
                    return new ProofOutcome.NotProved("task " + name + ": " + result.analysis()
                            + " gives no bound for this property (" + b.reason() + ")");
                }
                if (property instanceof Property.Overtakes && !(b.witness() instanceof Witness.JobCount)) {
                    return new ProofOutcome.NotProved("overtakes has no witness check for " + result.analysis()
                            + " (docs/smt.md)");
                }
                Bound pb = property instanceof Property.Response r ? r.bound()
                        : property instanceof Property.Overtakes o ? o.bound() : ((Property.Inversion) property).bound();
                long limit = pb instanceof Bound.Value ? ((Bound.Value) pb).value() : derived.get();
                if (derived.get() > limit) {
                    boolean jobs = property instanceof Property.Overtakes;
                    return new ProofOutcome.NotProved("task " + name + ": the analysis bound "
                            + (jobs ? derived.get() + " jobs" : TimeFormat.of(spec).format(derived.get())) + " exceeds "
                            + (jobs ? limit + " jobs" : TimeFormat.of(spec).format(limit)));
                }
                claim = property instanceof Property.Response ? WitnessCheck.Claim.response(limit)
                        : property instanceof Property.Overtakes ? WitnessCheck.Claim.overtakes(limit)
                        : WitnessCheck.Claim.inversion(limit);
                bound = derived.get();
            }
            Optional<String> failed = checkOne(solver, spec, property, result, b, claim, certificateDir, timeout,
                    certificates, shared);
            if (failed.isPresent()) {
                return new ProofOutcome.NotProved(failed.get());
            }
            proved = Math.max(proved, bound);
        }
        // Priority induction (Gang witnesses): each bound used for a higher-priority interferer must
        // itself be a checked bound, so those tasks' witnesses are checked too (claim: their own R).
        // First-miss (GangRounds): every task of the spec is checked.
        Set<String> done = new HashSet<>(tasks);
        Deque<String> support = new ArrayDeque<>();
        Support covered = new Support(spec);
        for (String name : tasks) {
            addInterferers(bounds, name, done, covered, support);
        }
        while (!support.isEmpty()) {
            if (budget.exhausted()) {
                return new ProofOutcome.Stopped("the witness checks stopped at " + budget.describe()
                        + " in the induction's supporting checks");
            }
            String name = support.poll();
            TaskBound b = bounds.get(name);
            if (b == null) {
                return new ProofOutcome.NotProved("induction: no task " + name);
            }
            if (b.witness() instanceof Witness.None || b.responseBound().isEmpty()) {
                return new ProofOutcome.NotProved("higher-priority task " + name + " has no checked bound");
            }
            Optional<String> failed = checkOne(solver, spec, property, result, b,
                    WitnessCheck.Claim.response(b.responseBound().get()), certificateDir, timeout, certificates, shared);
            if (failed.isPresent()) {
                return new ProofOutcome.NotProved("induction: " + failed.get());
            }
            addInterferers(bounds, name, done, covered, support);
        }
        return new ProofOutcome.Proved(certificates, proved, result.analysis());
    }

    /**
     * The tasks by priority and how many of the first ones are already queued for the induction,
     * so that queueing the higher-priority tasks of every task costs linear time in all.
     */
    private static final class Support {
        private final List<String> byPriority = new ArrayList<>();
        private final Map<String, Integer> position = new HashMap<>();
        private int queued;
        private boolean all;

        Support(SystemSpec spec) {
            for (Task t : spec.tasksByPriority()) {
                position.putIfAbsent(t.name(), byPriority.size());
                byPriority.add(t.name());
            }
        }

        /** The tasks above {@code task} not handed out before (spec order on ties, as {@link GangEncoding#higherPriority}). */
        List<String> higherPriorityNotYetQueued(String task) {
            int p = position.getOrDefault(task, 0);
            List<String> out = byPriority.subList(Math.min(queued, p), p);
            queued = Math.max(queued, p);
            return out;
        }

        /** Every task of the spec the first time, then none. */
        List<String> allNotYetQueued() {
            List<String> out = all ? List.of() : byPriority;
            all = true;
            return out;
        }
    }

    private static void addInterferers(Map<String, TaskBound> bounds, String name, Set<String> done,
            Support covered, Deque<String> out) {
        Witness w = bounds.get(name).witness();
        if (w instanceof Witness.Gang) {
            // The witness' interference groups use the bounds of every higher-priority task.
            for (String h : covered.higherPriorityNotYetQueued(name)) {
                if (done.add(h)) {
                    out.add(h);
                }
            }
        }
        if (w instanceof Witness.JobCount j && j.argument().equals("priority-induction")) {
            for (Witness.CountedTask f : j.terms()) {
                if (done.add(f.task())) {
                    out.add(f.task());
                }
            }
        }
        if (w instanceof Witness.GangRounds || w instanceof Witness.JobCount k && k.argument().equals("first-miss")
                || w instanceof Witness.Gang g && g.argument().equals("first-overrun")) {
            // First-miss: the rounds are valid only if every task of the spec passes round 0, and
            // later rounds use other tasks' earlier responses: every task's chain is checked.
            // First-overrun (gang-strict, one carry-in job per task): every task needs a checked bound <= T.
            for (String t : covered.allNotYetQueued()) {
                if (done.add(t)) {
                    out.add(t);
                }
            }
        }
    }

    /**
     * Encodes, solves and saves one check; empty on success, else why not. A split check
     * ({@link WitnessCheck#encodeSplit}) is two files, both confirmed by Z3: the shared one is
     * looked up in {@code shared} by its exact text and solved (and saved) only the first time.
     */
    private static Optional<String> checkOne(WitnessSolver solver, SystemSpec spec, Property property,
            AnalysisResult result, TaskBound b, WitnessCheck.Claim claim, Optional<Path> certificateDir,
            Duration timeout, List<Path> certificates, Map<String, Optional<String>> shared) {
        String name = b.task();
        WitnessCheck.Encoding enc;
        try {
            Optional<WitnessCheck.Split> split = WitnessCheck.encodeSplit(spec, result, b, claim);
            if (split.isPresent()) {
                WitnessCheck.Split sp = split.get();
                Optional<String> before = shared.get(sp.shared().smt());
                if (before == null) {
                    before = solveAndSave(solver, spec, property, name, sp.label(), sp.shared(), certificateDir, timeout,
                            certificates);
                    shared.put(sp.shared().smt(), before);
                }
                if (before.isPresent()) {
                    return before;
                }
                return solveAndSave(solver, spec, property, name, name, sp.own(), certificateDir, timeout, certificates);
            }
            Optional<WitnessCheck.Encoding> e = WitnessCheck.encode(spec, result, b, claim);
            if (e.isEmpty()) {
                return Optional.of("task " + name + ": witness kind " + b.witness().getClass().getSimpleName()
                        + " has no SMT encoding yet");
            }
            enc = e.get();
        } catch (WitnessCheck.Mismatch m) {
            return Optional.of("task " + name + ": witness refuted: witness does not fit the spec: " + m.getMessage());
        } catch (ArithmeticException | IllegalArgumentException x) {
            return Optional.of("task " + name + ": cannot encode: " + x.getMessage());
        }
        return solveAndSave(solver, spec, property, name, name, enc, certificateDir, timeout, certificates);
    }

    /** Solves one file and saves it as {@code label}'s certificate; empty when Z3 confirms it, else why not. */
    private static Optional<String> solveAndSave(WitnessSolver solver, SystemSpec spec, Property property,
            String task, String label, WitnessCheck.Encoding enc, Optional<Path> certificateDir, Duration timeout,
            List<Path> certificates) {
        WitnessVerdict v = solver.solve(enc, timeout);
        if (v instanceof WitnessVerdict.Refuted) {
            return Optional.of("task " + task + ": witness refuted by z3: " + ((WitnessVerdict.Refuted) v).constraint());
        }
        if (v instanceof WitnessVerdict.Unknown) {
            return Optional.of("task " + task + ": " + ((WitnessVerdict.Unknown) v).reason());
        }
        if (certificateDir.isPresent()) {
            certificates.add(Certificates.write(certificateDir.get(), spec, property, label, enc.smt()));
        }
        return Optional.empty();
    }
}
