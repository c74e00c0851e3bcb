package io.gangproof.smt.synthesis;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Model;
import com.microsoft.z3.Status;
import io.gangproof.analysis.AnalysisCatalog;
import io.gangproof.analysis.AssignmentResult;
import io.gangproof.analysis.PartitionAssignment;
import io.gangproof.analysis.PartitionGroupCheck;
import io.gangproof.analysis.ResponseTimeAnalysis;
import io.gangproof.smt.ProofCheck;
import io.gangproof.spec.Binding;
import io.gangproof.spec.Pipeline;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Platform;
import io.gangproof.spec.Policy;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.TimeFormat;
import io.gangproof.spec.Task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Synthesis for {@code partitioned} fp/edf specs with {@code pipeline any} tasks (issue #6, part 3):
 * chooses each such task's level and pipeline, the sizes of new pipelines and (fp) the priorities, so
 * that the partitioned analysis accepts every task, with the fewest TPUs, then the largest smallest
 * slack {@code D - R}. Exact with respect to the analysis; see {@code docs/smt.md}, "Synthesis".
 *
 * <p>Lazy (CEGAR) loop. Z3 chooses a candidate: new pipeline slots with sizes (in free TPUs, sizes
 * non-increasing, equal sizes ordered by their least task index), a slot (new or declared) per task
 * whose size is an allowed level of the task, total TPUs of used slots at most a bound {@code b}. The
 * real analysis ({@link PartitionGroupCheck}: Audsley + NP-FP, or the NP-EDF demand test) checks
 * every slot's task group. A failing group is shrunk by deletion to a subset that still fails, and
 * that subset is forbidden on every slot of that size (sound because the tests are monotone in the
 * task set); a group whose failure came from a step limit or an overflow is forbidden only exactly.
 * {@code b} rises from the TPUs the fixed tasks need; the first candidate that passes is optimal. Then
 * (fp) at that TPU count, groups whose best smallest slack is {@code <= theta} are forbidden the same
 * way, with {@code theta} raised to each new candidate's smallest slack, until Z3 answers unsat.
 *
 * <p>The heuristic ({@link PartitionAssignment}) runs first and its assignment, when it passes, is
 * the incumbent: synthesis never returns fewer found assignments or more TPUs than it. Every returned
 * spec is re-verified through {@link ProofCheck} ({@code deadlines}, all tasks); if that fails the
 * answer is UNKNOWN with the reason, never the spec.
 */
public final class PartitionSynthesis {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /** Least time each Z3 witness check of the re-verification gets, even after the search timed out. */
    static final Duration REVERIFY_MIN = Duration.ofSeconds(5);
    /** The heuristic enumerates integer partitions of the free TPUs; beyond this many free TPUs it is skipped. */
    static final int HEURISTIC_MAX_FREE = 20;

    private final long analysisStepLimit;
    private final boolean seed;

    public PartitionSynthesis() {
        this(2_000_000L, true);
    }

    /**
     * Tests: {@code analysisStepLimit} for the group analyses (small limits make some give up);
     * {@code seed}: start from the heuristic's assignment (without it, the search alone).
     */
    PartitionSynthesis(long analysisStepLimit, boolean seed) {
        this.analysisStepLimit = analysisStepLimit;
        this.seed = seed;
    }

    public SynthesisResult synthesize(SystemSpec spec) {
        return synthesize(spec, DEFAULT_TIMEOUT);
    }

    public SynthesisResult synthesize(SystemSpec spec, Duration timeout) {
        long start = System.nanoTime();
        if (spec.scheduler().placement() != Placement.PARTITIONED) {
            return SynthesisResult.notApplicable(start, "synthesis needs partitioned placement, not "
                    + spec.scheduler().placement().keyword());
        }
        if (spec.scheduler().policy() != Policy.FP && spec.scheduler().policy() != Policy.EDF) {
            return SynthesisResult.notApplicable(start, "no partitioned analysis for " + spec.scheduler().policy().keyword());
        }
        if (spec.tasks().stream().noneMatch(t -> t.binding() instanceof Binding.ChoosePipeline)) {
            return SynthesisResult.notApplicable(start, "nothing to choose: every task has a pipeline");
        }
        try (Context ctx = new Context()) {
            return new Run(spec, ctx, start, start + timeout.toNanos(), analysisStepLimit).go(seed);
        }
    }

    /** A candidate: a size per new slot (0 = unused) and a slot per choosable task (new j, or S + d declared). */
    private record Candidate(int[] newSizes, int[] slotOf) {
    }

    /** One pipeline's task group in a candidate. */
    private record Group(int slot, int size, List<Task> tasks, Set<Integer> chosen) {
    }

    private static final class Run extends SynthesisRun {
        final Policy policy;
        final PartitionGroupCheck test;
        final List<Task> choose = new ArrayList<>();
        final List<Pipeline> declared;
        final List<List<Task>> fixedOn = new ArrayList<>();
        final List<Integer> free = new ArrayList<>();
        final int f;
        final int slots;
        final BoolExpr[][] z;
        final BoolExpr[][] x;
        final BoolExpr[][] y;
        final BoolExpr[] usedDeclared;
        final int fixedCost;
        final int maxCost;
        final Map<String, PartitionGroupCheck.Outcome> cache = new HashMap<>();
        final Map<String, PartitionGroupCheck.Outcome> bestCache = new HashMap<>();
        int fresh;
        Candidate best;
        int bestCost;
        boolean heuristicIncumbent;
        String heuristicNote = "";

        Run(SystemSpec spec, Context ctx, long start, long deadline, long stepLimit) {
            super(spec, ctx, start, deadline);
            this.policy = spec.scheduler().policy();
            this.test = new PartitionGroupCheck(policy, stepLimit, spec.resolution());
            this.declared = spec.platform().pipelines();
            Set<Integer> taken = new HashSet<>();
            int cost = 0;
            int declaredTpus = 0;
            for (Pipeline p : declared) {
                taken.addAll(p.tpus());
                List<Task> fixed = new ArrayList<>();
                for (Task t : spec.tasks()) {
                    if (t.binding() instanceof Binding.OnPipeline
                            && ((Binding.OnPipeline) t.binding()).pipeline().equals(p.name())) {
                        fixed.add(t);
                    }
                }
                fixedOn.add(fixed);
                declaredTpus += p.size();
                if (!fixed.isEmpty()) {
                    cost += p.size();
                }
            }
            for (int t = 0; t < spec.platform().tpus(); t++) {
                if (!taken.contains(t)) {
                    free.add(t);
                }
            }
            for (Task t : spec.tasks()) {
                if (t.binding() instanceof Binding.ChoosePipeline) {
                    choose.add(t);
                }
            }
            this.f = free.size();
            this.slots = Math.min(f, choose.size());
            this.fixedCost = cost;
            this.maxCost = cost + f + declaredTpus;
            int n = choose.size();
            z = new BoolExpr[slots][f + 1];
            x = new BoolExpr[n][slots];
            y = new BoolExpr[n][declared.size()];
            usedDeclared = new BoolExpr[declared.size()];
            encode();
        }

        private boolean allowed(Task t, int size) {
            return size >= 1 && t.levels().contains(size) && t.dnn().supports(size);
        }

        private void encode() {
            int n = choose.size();
            for (int j = 0; j < slots; j++) {
                for (int s = 1; s <= f; s++) {
                    final int size = s;
                    if (choose.stream().anyMatch(t -> allowed(t, size))) {
                        z[j][s] = ctx.mkBoolConst("size_" + j + "_" + s);
                    }
                }
                for (int t = 0; t < n; t++) {
                    for (int s = 1; s <= f; s++) {
                        if (z[j][s] != null && allowed(choose.get(t), s)) {
                            x[t][j] = ctx.mkBoolConst("on_" + t + "_slot" + j);
                            break;
                        }
                    }
                }
            }
            for (int d = 0; d < declared.size(); d++) {
                List<BoolExpr> users = new ArrayList<>();
                for (int t = 0; t < n; t++) {
                    if (allowed(choose.get(t), declared.get(d).size())) {
                        y[t][d] = ctx.mkBoolConst("on_" + t + "_declared" + d);
                        users.add(y[t][d]);
                    }
                }
                if (fixedOn.get(d).isEmpty()) {
                    usedDeclared[d] = ctx.mkBoolConst("used_declared" + d);
                    solver.add(ctx.mkEq(usedDeclared[d], or(users)));
                }
            }
            // Each task on exactly one slot.
            for (int t = 0; t < n; t++) {
                List<BoolExpr> places = new ArrayList<>();
                for (int j = 0; j < slots; j++) {
                    if (x[t][j] != null) {
                        places.add(x[t][j]);
                    }
                }
                for (int d = 0; d < declared.size(); d++) {
                    if (y[t][d] != null) {
                        places.add(y[t][d]);
                    }
                }
                BoolExpr[] p = places.toArray(new BoolExpr[0]);
                solver.add(or(places));
                if (p.length > 1) {
                    solver.add(ctx.mkAtMost(p, 1));
                }
            }
            List<BoolExpr> sizeVars = new ArrayList<>();
            List<Integer> sizeCoeffs = new ArrayList<>();
            for (int j = 0; j < slots; j++) {
                List<BoolExpr> sizes = new ArrayList<>();
                for (int s = 1; s <= f; s++) {
                    if (z[j][s] != null) {
                        sizes.add(z[j][s]);
                        sizeVars.add(z[j][s]);
                        sizeCoeffs.add(s);
                    }
                }
                if (sizes.size() > 1) {
                    solver.add(ctx.mkAtMost(sizes.toArray(new BoolExpr[0]), 1));
                }
                // A task on slot j needs one of its levels as j's size; a sized slot runs some task.
                List<BoolExpr> users = new ArrayList<>();
                for (int t = 0; t < n; t++) {
                    if (x[t][j] == null) {
                        continue;
                    }
                    users.add(x[t][j]);
                    List<BoolExpr> fits = new ArrayList<>();
                    for (int s = 1; s <= f; s++) {
                        if (z[j][s] != null && allowed(choose.get(t), s)) {
                            fits.add(z[j][s]);
                        }
                    }
                    solver.add(ctx.mkImplies(x[t][j], or(fits)));
                }
                solver.add(ctx.mkImplies(or(sizes), or(users)));
                // Symmetry: sizes non-increasing; equal sizes ordered by their least task index.
                if (j + 1 < slots) {
                    for (int s = 1; s <= f; s++) {
                        if (z[j + 1][s] == null) {
                            continue;
                        }
                        List<BoolExpr> atLeast = new ArrayList<>();
                        for (int s2 = s; s2 <= f; s2++) {
                            if (z[j][s2] != null) {
                                atLeast.add(z[j][s2]);
                            }
                        }
                        solver.add(ctx.mkImplies(z[j + 1][s], or(atLeast)));
                        for (int t = 0; t < n; t++) {
                            if (x[t][j + 1] == null || z[j][s] == null) {
                                continue;
                            }
                            List<BoolExpr> lower = new ArrayList<>();
                            for (int u = 0; u < t; u++) {
                                if (x[u][j] != null) {
                                    lower.add(x[u][j]);
                                }
                            }
                            solver.add(ctx.mkImplies(ctx.mkAnd(z[j][s], z[j + 1][s], x[t][j + 1]), or(lower)));
                        }
                    }
                }
            }
            if (!sizeVars.isEmpty()) {
                solver.add(ctx.mkPBLe(ints(sizeCoeffs), sizeVars.toArray(new BoolExpr[0]), f));
            }
        }

        private BoolExpr or(List<BoolExpr> xs) {
            if (xs.isEmpty()) {
                return ctx.mkFalse();
            }
            return xs.size() == 1 ? xs.get(0) : ctx.mkOr(xs.toArray(new BoolExpr[0]));
        }

        private static int[] ints(List<Integer> xs) {
            int[] a = new int[xs.size()];
            for (int i = 0; i < a.length; i++) {
                a[i] = xs.get(i);
            }
            return a;
        }

        /** A literal that, assumed, bounds the TPUs of used slots by {@code b}. */
        private BoolExpr costAtMost(int b) {
            BoolExpr lit = ctx.mkBoolConst("cost_at_most_" + b + "_" + fresh++);
            List<BoolExpr> vars = new ArrayList<>();
            List<Integer> coeffs = new ArrayList<>();
            for (int j = 0; j < slots; j++) {
                for (int s = 1; s <= f; s++) {
                    if (z[j][s] != null) {
                        vars.add(z[j][s]);
                        coeffs.add(s);
                    }
                }
            }
            for (int d = 0; d < declared.size(); d++) {
                if (usedDeclared[d] != null) {
                    vars.add(usedDeclared[d]);
                    coeffs.add(declared.get(d).size());
                }
            }
            int rest = b - fixedCost;
            if (rest < 0) {
                solver.add(ctx.mkNot(lit));
            } else if (!vars.isEmpty()) {
                solver.add(ctx.mkImplies(lit, ctx.mkPBLe(ints(coeffs), vars.toArray(new BoolExpr[0]), rest)));
            }
            return lit;
        }

        private boolean timedOut() {
            return System.nanoTime() >= deadline;
        }

        private Candidate extract(Model m) {
            int[] sizes = new int[slots];
            for (int j = 0; j < slots; j++) {
                for (int s = 1; s <= f; s++) {
                    if (z[j][s] != null && m.eval(z[j][s], true).isTrue()) {
                        sizes[j] = s;
                    }
                }
            }
            int[] slotOf = new int[choose.size()];
            for (int t = 0; t < choose.size(); t++) {
                slotOf[t] = -1;
                for (int j = 0; j < slots; j++) {
                    if (x[t][j] != null && m.eval(x[t][j], true).isTrue()) {
                        slotOf[t] = j;
                    }
                }
                for (int d = 0; d < declared.size(); d++) {
                    if (y[t][d] != null && m.eval(y[t][d], true).isTrue()) {
                        slotOf[t] = slots + d;
                    }
                }
                if (slotOf[t] < 0) {
                    throw new IllegalStateException("model places no slot for task " + choose.get(t).name());
                }
            }
            return new Candidate(sizes, slotOf);
        }

        private List<Group> groups(Candidate c) {
            List<Group> out = new ArrayList<>();
            for (int j = 0; j < slots + declared.size(); j++) {
                List<Task> tasks = new ArrayList<>();
                Set<Integer> chosen = new HashSet<>();
                int size;
                if (j < slots) {
                    size = c.newSizes()[j];
                } else {
                    size = declared.get(j - slots).size();
                    tasks.addAll(fixedOn.get(j - slots));
                }
                for (int t = 0; t < choose.size(); t++) {
                    if (c.slotOf()[t] == j) {
                        tasks.add(choose.get(t));
                        chosen.add(t);
                    }
                }
                if (!tasks.isEmpty()) {
                    out.add(new Group(j, size, tasks, chosen));
                }
            }
            return out;
        }

        private int cost(Candidate c) {
            int n = 0;
            for (Group g : groups(c)) {
                n += g.size();
            }
            return n;
        }

        private static String key(int size, List<Task> tasks, long theta) {
            TreeSet<String> names = new TreeSet<>();
            for (Task t : tasks) {
                names.add(t.name());
            }
            return size + "|" + theta + "|" + names;
        }

        private PartitionGroupCheck.Outcome check(int size, List<Task> tasks, long theta) {
            return cache.computeIfAbsent(key(size, tasks, theta), k -> test.check(size, tasks, theta));
        }

        private PartitionGroupCheck.Outcome bestOf(Group g) {
            return bestCache.computeIfAbsent(key(g.size(), g.tasks(), 0), k -> test.best(g.size(), g.tasks()));
        }

        /** Checks every group at {@code theta}; blocks the failing ones. True when all pass. */
        private boolean evaluate(Candidate c, long theta) {
            boolean all = true;
            for (Group g : groups(c)) {
                PartitionGroupCheck.Outcome o = check(g.size(), g.tasks(), theta);
                if (o.passes()) {
                    continue;
                }
                all = false;
                if (o.verdict() == PartitionGroupCheck.Verdict.FAIL) {
                    block(g.size(), shrink(g, theta), g, false);
                } else {
                    block(g.size(), g.tasks(), g, true);
                }
                if (timedOut()) {
                    return false;
                }
            }
            return all;
        }

        /** Deletion: a subset of the group that still fails (genuinely) at {@code theta}, minimal w.r.t. deletion. */
        private List<Task> shrink(Group g, long theta) {
            List<Task> core = new ArrayList<>(g.tasks());
            for (Task t : g.tasks()) {
                if (core.size() == 1 || timedOut()) {
                    break;
                }
                List<Task> trial = new ArrayList<>(core);
                trial.remove(t);
                if (check(g.size(), trial, theta).verdict() == PartitionGroupCheck.Verdict.FAIL) {
                    core = trial;
                }
            }
            return core;
        }

        /**
         * Forbids {@code subset} together on any slot of {@code size}; {@code exact}: only the group
         * {@code g} exactly (no other choosable task on that slot).
         */
        private void block(int size, List<Task> subset, Group g, boolean exact) {
            List<Integer> chosenIn = new ArrayList<>();
            Set<String> fixedIn = new HashSet<>();
            for (Task t : subset) {
                int i = choose.indexOf(t);
                if (i >= 0) {
                    chosenIn.add(i);
                } else {
                    fixedIn.add(t.name());
                }
            }
            if (fixedIn.isEmpty()) {
                for (int j = 0; j < slots; j++) {
                    if (size > f || z[j][size] == null) {
                        continue;
                    }
                    List<BoolExpr> lits = new ArrayList<>();
                    lits.add(ctx.mkNot(z[j][size]));
                    boolean satisfied = false;
                    for (int t : chosenIn) {
                        if (x[t][j] == null) {
                            satisfied = true;
                            break;
                        }
                        lits.add(ctx.mkNot(x[t][j]));
                    }
                    if (satisfied) {
                        continue;
                    }
                    if (exact) {
                        for (int u = 0; u < choose.size(); u++) {
                            if (!g.chosen().contains(u) && x[u][j] != null) {
                                lits.add(x[u][j]);
                            }
                        }
                    }
                    solver.add(or(lits));
                }
            }
            for (int d = 0; d < declared.size(); d++) {
                if (declared.get(d).size() != size) {
                    continue;
                }
                Set<String> fixedNames = new HashSet<>();
                for (Task t : fixedOn.get(d)) {
                    fixedNames.add(t.name());
                }
                // A failing subset also fails with this pipeline's fixed tasks added (monotonicity); an
                // exact block is about one group, which here always includes all the fixed tasks.
                if (exact ? !fixedNames.equals(fixedIn) : !fixedNames.containsAll(fixedIn)) {
                    continue;
                }
                List<BoolExpr> lits = new ArrayList<>();
                boolean satisfied = false;
                for (int t : chosenIn) {
                    if (y[t][d] == null) {
                        satisfied = true;
                        break;
                    }
                    lits.add(ctx.mkNot(y[t][d]));
                }
                if (satisfied) {
                    continue;
                }
                if (exact) {
                    for (int u = 0; u < choose.size(); u++) {
                        if (!g.chosen().contains(u) && y[u][d] != null) {
                            lits.add(y[u][d]);
                        }
                    }
                }
                solver.add(or(lits));
            }
        }

        /** The heuristic's assignment as a candidate, when it passes our own check. */
        private void seedWithHeuristic() {
            if (f > HEURISTIC_MAX_FREE) {
                heuristicNote = "heuristic skipped (more than " + HEURISTIC_MAX_FREE + " free TPUs)";
                return;
            }
            AssignmentResult a = new PartitionAssignment(policy == Policy.FP).assign(spec);
            if (!a.found()) {
                heuristicNote = "heuristic found nothing";
                return;
            }
            SystemSpec h = a.spec().orElseThrow();
            Set<String> declaredNames = new HashSet<>();
            for (Pipeline p : declared) {
                declaredNames.add(p.name());
            }
            List<Pipeline> fresh = new ArrayList<>();
            for (Pipeline p : h.platform().pipelines()) {
                if (!declaredNames.contains(p.name())) {
                    fresh.add(p);
                }
            }
            fresh.sort((p, q) -> Integer.compare(q.size(), p.size()));
            if (fresh.size() > slots) {
                return;
            }
            int[] sizes = new int[slots];
            for (int j = 0; j < fresh.size(); j++) {
                sizes[j] = fresh.get(j).size();
            }
            int[] slotOf = new int[choose.size()];
            for (int t = 0; t < choose.size(); t++) {
                Binding b = h.task(choose.get(t).name()).binding();
                if (!(b instanceof Binding.OnPipeline)) {
                    return;
                }
                String name = ((Binding.OnPipeline) b).pipeline();
                slotOf[t] = -1;
                for (int j = 0; j < fresh.size(); j++) {
                    if (fresh.get(j).name().equals(name)) {
                        slotOf[t] = j;
                    }
                }
                for (int d = 0; d < declared.size(); d++) {
                    if (declared.get(d).name().equals(name)) {
                        slotOf[t] = slots + d;
                    }
                }
                if (slotOf[t] < 0) {
                    return;
                }
            }
            Candidate c = new Candidate(sizes, slotOf);
            for (Group g : groups(c)) {
                if (!check(g.size(), g.tasks(), -1).passes()) {
                    heuristicNote = "heuristic's assignment did not pass the group check";
                    return;
                }
            }
            best = c;
            bestCost = cost(c);
            heuristicIncumbent = true;
            heuristicNote = "heuristic: " + bestCost + " TPUs";
        }

        SynthesisResult go(boolean seed) {
            if (seed) {
                seedWithHeuristic();
            } else {
                heuristicNote = "heuristic not used";
            }
            boolean tpusMinimal = false;
            for (int b = fixedCost; b <= maxCost && !tpusMinimal; b++) {
                if (best != null && bestCost <= b) {
                    tpusMinimal = true;
                    break;
                }
                BoolExpr bound = costAtMost(b);
                while (true) {
                    if (timedOut()) {
                        return finish(false, false, "timeout while looking for " + b + " TPUs");
                    }
                    Status st = solve(bound);
                    if (st == Status.UNSATISFIABLE) {
                        break;
                    }
                    if (st != Status.SATISFIABLE) {
                        return finish(false, false, "Z3 gave up while looking for " + b + " TPUs ("
                                + solver.getReasonUnknown() + ")");
                    }
                    Candidate c = extract(solver.getModel());
                    iterations++;
                    if (evaluate(c, -1)) {
                        best = c;
                        bestCost = cost(c);
                        heuristicIncumbent = false;
                        tpusMinimal = true;
                        break;
                    }
                }
            }
            if (!tpusMinimal) {
                if (best != null) {
                    throw new IllegalStateException("search ended above an incumbent of " + bestCost + " TPUs");
                }
                return result(SynthesisResult.Status.INFEASIBLE, Optional.empty(), 0, 0, false,
                        "no choice of levels, pipelines" + (policy == Policy.FP ? " and priorities" : "")
                                + " passes " + analysisName() + " (" + iterations + " candidates checked)");
            }
            if (policy == Policy.EDF) {
                return finish(true, true, "fewest TPUs proved; under edf the test's bound is D, so every slack is 0");
            }
            long theta = smallestSlack(best);
            BoolExpr bound = costAtMost(bestCost);
            while (true) {
                if (timedOut()) {
                    return finish(true, false, "fewest TPUs proved; timeout while raising the smallest slack above "
                            + TimeFormat.of(spec).format(theta));
                }
                Status st = solve(bound);
                if (st == Status.UNSATISFIABLE) {
                    return finish(true, true, "fewest TPUs and largest smallest slack proved");
                }
                if (st != Status.SATISFIABLE) {
                    return finish(true, false, "fewest TPUs proved; Z3 gave up raising the smallest slack above "
                            + TimeFormat.of(spec).format(theta) + " (" + solver.getReasonUnknown() + ")");
                }
                Candidate c = extract(solver.getModel());
                iterations++;
                if (evaluate(c, theta)) {
                    best = c;
                    heuristicIncumbent = false;
                    theta = smallestSlack(c);
                }
            }
        }

        private String analysisName() {
            return policy == Policy.FP ? "partitioned-np-fp with Audsley's priorities" : "partitioned-np-edf";
        }

        private long smallestSlack(Candidate c) {
            long min = Long.MAX_VALUE;
            for (Group g : groups(c)) {
                PartitionGroupCheck.Outcome o = bestOf(g);
                if (!o.passes()) {
                    throw new IllegalStateException("a passing group has no best order");
                }
                min = Math.min(min, o.minSlack());
            }
            return min;
        }

        /** Builds, re-verifies and reports {@link #best}; UNKNOWN when there is none or it does not re-verify. */
        private SynthesisResult finish(boolean tpusMinimal, boolean optimal, String why) {
            if (best == null) {
                return result(SynthesisResult.Status.UNKNOWN, Optional.empty(), 0, 0, false,
                        why + "; no assignment found before it");
            }
            long slack = smallestSlack(best);
            SystemSpec out = build(best);
            long r0 = System.nanoTime();
            Optional<String> problem = reverify(out, slack);
            reverifyNanos = System.nanoTime() - r0;
            if (problem.isPresent()) {
                return result(SynthesisResult.Status.UNKNOWN, Optional.empty(), 0, 0, false,
                        "the synthesised assignment did not re-verify: " + problem.get());
            }
            String source = heuristicIncumbent ? " (the heuristic's assignment" + (optimal ? ", proved optimal)"
                    : ")") : "";
            return result(optimal ? SynthesisResult.Status.OPTIMAL : SynthesisResult.Status.FEASIBLE,
                    Optional.of(out), SynthesisResult.tpusUsedBy(out), slack, tpusMinimal,
                    why + source + "; " + heuristicNote);
        }

        private Optional<String> reverify(SystemSpec out, long slack) {
            Optional<ResponseTimeAnalysis> a = AnalysisCatalog.forSpec(out);
            if (a.isEmpty()) {
                return Optional.of("no analysis applies to the result");
            }
            Optional<String> problem = Reverification.slackProblem(out, a.get().analyze(out), slack);
            if (problem.isPresent()) {
                return problem;
            }
            return Reverification.proofProblem(out, deadline);
        }

        /** The spec with the candidate's pipelines, levels and (fp) priorities. */
        private SystemSpec build(Candidate c) {
            Set<String> names = new HashSet<>();
            for (Pipeline p : declared) {
                names.add(p.name());
            }
            List<Pipeline> pipelines = new ArrayList<>(declared);
            String[] slotName = new String[slots + declared.size()];
            for (int d = 0; d < declared.size(); d++) {
                slotName[slots + d] = declared.get(d).name();
            }
            List<Group> groups = groups(c);
            Set<Integer> usedSlots = new HashSet<>();
            for (Group g : groups) {
                usedSlots.add(g.slot());
            }
            int next = 0;
            int counter = 0;
            for (int j = 0; j < slots; j++) {
                if (!usedSlots.contains(j)) {
                    continue;
                }
                String name;
                do {
                    name = "p" + counter++;
                } while (names.contains(name));
                names.add(name);
                slotName[j] = name;
                int size = c.newSizes()[j];
                pipelines.add(new Pipeline(name, List.copyOf(free.subList(next, next + size))));
                next += size;
            }
            Map<String, Integer> priority = priorities(groups);
            Map<String, Task> placed = new HashMap<>();
            for (Group g : groups) {
                for (Task t : g.tasks()) {
                    placed.put(t.name(), new Task(t.name(), t.dnn(), t.arrival(), t.deadline(), t.jitter(),
                            priority.get(t.name()), new TreeSet<>(List.of(g.size())),
                            new Binding.OnPipeline(slotName[g.slot()])));
                }
            }
            List<Task> tasks = new ArrayList<>();
            for (Task t : spec.tasks()) {
                tasks.add(placed.get(t.name()));
            }
            return new SystemSpec(spec.name(), spec.resolution(),
                    new Platform(spec.platform().tpus(), spec.platform().cacheBytes(), pipelines), spec.dnns(), tasks,
                    spec.scheduler(), spec.properties(), spec.exploration());
        }

        /**
         * fp: each pipeline's best order (largest smallest slack), merged into distinct priorities
         * 1..n (at each step the head with the smallest original priority); edf: unchanged.
         */
        private Map<String, Integer> priorities(List<Group> groups) {
            Map<String, Integer> out = new HashMap<>();
            if (policy != Policy.FP) {
                for (Task t : spec.tasks()) {
                    out.put(t.name(), t.priority());
                }
                return out;
            }
            List<List<String>> orders = new ArrayList<>();
            for (Group g : groups) {
                orders.add(new ArrayList<>(bestOf(g).highestFirst()));
            }
            int p = 1;
            while (true) {
                int pick = -1;
                for (int i = 0; i < orders.size(); i++) {
                    if (orders.get(i).isEmpty()) {
                        continue;
                    }
                    if (pick < 0 || spec.task(orders.get(i).get(0)).priority()
                            < spec.task(orders.get(pick).get(0)).priority()) {
                        pick = i;
                    }
                }
                if (pick < 0) {
                    return out;
                }
                out.put(orders.get(pick).remove(0), p++);
            }
        }
    }
}
