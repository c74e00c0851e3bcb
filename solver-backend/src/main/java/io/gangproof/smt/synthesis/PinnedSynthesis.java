package io.gangproof.smt.synthesis;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Model;
import com.microsoft.z3.Status;
import io.gangproof.analysis.AnalysisCatalog;
import io.gangproof.analysis.ResponseTimeAnalysis;
import io.gangproof.smt.ProofCheck;
import io.gangproof.spec.Binding;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Synthesis under {@code pinned fp} with a gang protocol (docs/smt.md §7.8): for every task that
 * says {@code pinned any}, a level and a set of that many TPUs, and priorities for all tasks, so
 * that {@link io.gangproof.analysis.PinnedGangResponseTime} accepts every task, using the fewest
 * TPUs (the union of all lists), then the largest smallest slack. Z3 proposes the sets; the
 * exact order search ({@link PinnedOrderSearch}) judges a proposal; a failing one is shrunk to a
 * failing subset of tasks with their sets, and every proposal that gives those tasks the same sets
 * is forbidden, which is sound because the test only gets easier when tasks are removed (§7.8).
 * Every answer is re-verified through the spec's analysis and {@link ProofCheck}.
 */
public final class PinnedSynthesis {
    /** Analyses the order search may run on one proposal before it gives up (then blocked exactly). */
    static final long ORDER_BUDGET = 20_000;

    private final long orderBudget;

    public PinnedSynthesis() {
        this(ORDER_BUDGET);
    }

    PinnedSynthesis(long orderBudget) {
        this.orderBudget = orderBudget;
    }

    public SynthesisResult synthesize(SystemSpec spec, Duration timeout) {
        long start = System.nanoTime();
        if (spec.scheduler().placement() != Placement.PINNED || spec.scheduler().policy() != Policy.FP
                || spec.scheduler().protocol().perTpu()) {
            return SynthesisResult.notApplicable(start, "pinned synthesis needs pinned fp with a gang protocol, not "
                    + spec.scheduler().describe());
        }
        if (spec.tasks().stream().noneMatch(t -> t.binding() instanceof Binding.ChoosePipeline)) {
            return SynthesisResult.notApplicable(start, "nothing to choose: every task is pinned (`pinned any` leaves a task's TPUs "
                    + "to synthesis; `analyze --assign` chooses priorities)");
        }
        for (Task t : spec.tasks()) {
            if (GlobalSynthesis.levels(spec, t).isEmpty()) {
                return SynthesisResult.infeasible(start, GlobalSynthesis.noLevel(spec, t));
            }
        }
        try (Context ctx = new Context()) {
            long deadline;
            try {
                deadline = Math.addExact(start, timeout.toNanos());
            } catch (ArithmeticException beyondLong) {
                deadline = Long.MAX_VALUE;
            }
            return new Run(spec, ctx, start, deadline).go();
        }
    }

    /** {@code spec} with the given TPU sets (ascending), restricted to {@code subset}; priorities as in {@code spec}. */
    static SystemSpec candidate(SystemSpec spec, List<List<Integer>> sets, List<Integer> subset) {
        List<Task> tasks = new ArrayList<>();
        for (int i : subset) {
            Task t = spec.tasks().get(i);
            List<Integer> s = sets.get(i);
            tasks.add(new Task(t.name(), t.dnn(), t.arrival(), t.deadline(), t.jitter(), t.priority(),
                    new TreeSet<>(List.of(s.size())), new Binding.Pinned(s)));
        }
        return new SystemSpec(spec.name(), spec.resolution(), spec.platform(), spec.dnns(), tasks, spec.scheduler(),
                spec.properties(), spec.exploration());
    }

    /** TPUs in at least one list. */
    static int tpusUsed(List<List<Integer>> sets) {
        return (int) sets.stream().flatMap(List::stream).distinct().count();
    }

    private final class Run extends SynthesisRun {
        private final int n;
        private final int m;
        /** {@code on[i][p]}: open task {@code i} runs on TPU {@code p}; null for a pinned task. */
        private final BoolExpr[][] on;
        private final BoolExpr[] used;
        private final boolean[] fixedUse;
        private final int fixedCount;
        private SystemSpec best;
        private long theta = -1;
        private boolean gaveUp;

        Run(SystemSpec spec, Context ctx, long start, long deadline) {
            super(spec, ctx, start, deadline);
            this.n = spec.tasks().size();
            this.m = spec.platform().tpus();
            this.on = new BoolExpr[n][];
            this.fixedUse = new boolean[m];
            for (int i = 0; i < n; i++) {
                Task t = spec.tasks().get(i);
                if (t.binding() instanceof Binding.Pinned p) {
                    p.tpus().forEach(x -> fixedUse[x] = true);
                    continue;
                }
                on[i] = new BoolExpr[m];
                for (int p = 0; p < m; p++) {
                    on[i][p] = ctx.mkBoolConst("on_" + i + "_" + p);
                }
                int[] ones = new int[m];
                Arrays.fill(ones, 1);
                List<BoolExpr> sizes = new ArrayList<>();
                for (int k : GlobalSynthesis.levels(spec, t)) {
                    sizes.add(ctx.mkPBEq(ones, on[i], k));
                }
                solver.add(ctx.mkOr(sizes.toArray(new BoolExpr[0])));
            }
            int fixed = 0;
            this.used = new BoolExpr[m];
            for (int p = 0; p < m; p++) {
                if (fixedUse[p]) {
                    fixed++;
                    continue;
                }
                used[p] = ctx.mkBoolConst("used_" + p);
                List<BoolExpr> users = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (on[i] != null) {
                        users.add(on[i][p]);
                    }
                }
                solver.add(ctx.mkEq(used[p], ctx.mkOr(users.toArray(new BoolExpr[0]))));
            }
            this.fixedCount = fixed;
            breakSymmetry();
        }

        /**
         * TPUs that lie in exactly the same fixed lists are interchangeable: swapping two of them maps
         * every choice to one with the same lists up to that swap, the same TPU count and, as the test
         * reads lists only as sets, the same verdict. So only choices whose columns
         * {@code (on_0_p, on_1_p, ...)} are non-increasing (lexicographically) within each such class
         * are proposed; every choice has such an image (sort the columns), so no optimum is lost.
         */
        private void breakSymmetry() {
            Map<BitSet, List<Integer>> classes = new LinkedHashMap<>();
            for (int p = 0; p < m; p++) {
                BitSet in = new BitSet();
                for (int i = 0; i < n; i++) {
                    if (spec.tasks().get(i).binding() instanceof Binding.Pinned fixed && fixed.tpus().contains(p)) {
                        in.set(i);
                    }
                }
                classes.computeIfAbsent(in, k -> new ArrayList<>()).add(p);
            }
            for (List<Integer> c : classes.values()) {
                for (int x = 0; x + 1 < c.size(); x++) {
                    lexAtLeast(c.get(x), c.get(x + 1));
                }
            }
        }

        /** Column {@code p} is lexicographically at least column {@code q} (over the open tasks, in spec order). */
        private void lexAtLeast(int p, int q) {
            BoolExpr equalSoFar = ctx.mkTrue();
            for (int i = 0; i < n; i++) {
                if (on[i] == null) {
                    continue;
                }
                BoolExpr a = on[i][p];
                BoolExpr b = on[i][q];
                solver.add(ctx.mkImplies(equalSoFar, ctx.mkOr(a, ctx.mkNot(b))));
                BoolExpr next = ctx.mkBoolConst("lex_" + p + "_" + q + "_" + i);
                solver.add(ctx.mkEq(next, ctx.mkAnd(equalSoFar, ctx.mkEq(a, b))));
                equalSoFar = next;
            }
        }

        /** The assumption "at most {@code b} TPUs in all". */
        private BoolExpr atMost(int b) {
            List<BoolExpr> free = new ArrayList<>();
            for (BoolExpr u : used) {
                if (u != null) {
                    free.add(u);
                }
            }
            // Z3's finite-domain solver takes only literals as assumptions.
            BoolExpr lit = ctx.mkBoolConst("tpus_at_most_" + b);
            int[] ones = new int[free.size()];
            Arrays.fill(ones, 1);
            solver.add(ctx.mkImplies(lit, free.isEmpty() ? ctx.mkBool(b >= fixedCount)
                    : ctx.mkPBLe(ones, free.toArray(new BoolExpr[0]), b - fixedCount)));
            return lit;
        }

        SynthesisResult go() {
            int b = fixedCount;
            boolean minimal = false;
            BoolExpr bound = atMost(b);
            while (true) {
                if (System.nanoTime() >= deadline) {
                    return finish(false, minimal);
                }
                Status st = solve(bound);
                if (st == Status.UNKNOWN) {
                    return finish(false, minimal);
                }
                if (st == Status.UNSATISFIABLE) {
                    if (best != null) {
                        return finish(!gaveUp, minimal);
                    }
                    if (b >= m) {
                        return result(gaveUp ? SynthesisResult.Status.UNKNOWN : SynthesisResult.Status.INFEASIBLE,
                                Optional.empty(), 0, false, gaveUp ? "no choice passed, but the order search gave up "
                                        + "on some (" + iterations + " candidates)" : "no choice of levels, TPU sets "
                                        + "and priorities passes " + testName() + " (" + iterations + " candidates)");
                    }
                    bound = atMost(++b);
                    continue;
                }
                List<List<Integer>> sets = extract(solver.getModel());
                iterations++;
                List<Integer> all = FailingCore.all(n);
                PinnedOrderSearch.Outcome v = PinnedOrderSearch.search(candidate(spec, sets, all), theta, orderBudget,
                        deadline);
                if (v instanceof PinnedOrderSearch.Outcome.Pass pass) {
                    if (best == null) {
                        // Every smaller bound was unsat: the TPU count is minimal unless a proposal gave up.
                        minimal = !gaveUp;
                    }
                    best = pass.spec();
                    theta = pass.slack();
                    if (!pass.complete()) {
                        gaveUp = true;
                        block(sets, all);
                        continue;
                    }
                } else if (v instanceof PinnedOrderSearch.Outcome.GaveUp) {
                    gaveUp = true;
                    block(sets, all);
                    continue;
                }
                block(sets, shrink(sets, all));
            }
        }

        private String testName() {
            return "pinned-fp-" + spec.scheduler().protocol().keyword();
        }

        /** Fails at the threshold for a genuine reason: no order has a smallest slack above it. */
        private List<Integer> shrink(List<List<Integer>> sets, List<Integer> failing) {
            return FailingCore.shrink(failing, deadline, rest -> PinnedOrderSearch.search(candidate(spec, sets, rest),
                    theta, orderBudget, deadline) instanceof PinnedOrderSearch.Outcome.Fail);
        }

        /** Forbids every proposal giving each open task of {@code core} its set here. */
        private void block(List<List<Integer>> sets, List<Integer> core) {
            List<BoolExpr> lits = new ArrayList<>();
            for (int i : core) {
                if (on[i] == null) {
                    continue;
                }
                for (int p = 0; p < m; p++) {
                    lits.add(sets.get(i).contains(p) ? ctx.mkNot(on[i][p]) : on[i][p]);
                }
            }
            solver.add(lits.isEmpty() ? ctx.mkFalse() : ctx.mkOr(lits.toArray(new BoolExpr[0])));
        }

        private List<List<Integer>> extract(Model model) {
            List<List<Integer>> sets = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Task t = spec.tasks().get(i);
                if (on[i] == null) {
                    sets.add(((Binding.Pinned) t.binding()).tpus());
                    continue;
                }
                List<Integer> s = new ArrayList<>();
                for (int p = 0; p < m; p++) {
                    if (model.eval(on[i][p], true).isTrue()) {
                        s.add(p);
                    }
                }
                sets.add(s);
            }
            return sets;
        }

        private SynthesisResult finish(boolean optimal, boolean minimal) {
            if (best == null) {
                return result(SynthesisResult.Status.UNKNOWN, Optional.empty(), 0, false,
                        "the timeout came before any passing choice (" + iterations + " candidates)");
            }
            long r0 = System.nanoTime();
            Optional<String> problem = reverify(best, theta);
            reverifyNanos = System.nanoTime() - r0;
            if (problem.isPresent()) {
                return result(SynthesisResult.Status.UNKNOWN, Optional.empty(), 0, false,
                        "the synthesised choice did not re-verify: " + problem.get());
            }
            String what = "levels, TPU sets and priorities by " + testName() + " with an exact search over "
                    + "priority orders";
            return result(optimal ? SynthesisResult.Status.OPTIMAL : SynthesisResult.Status.FEASIBLE, Optional.of(best),
                    theta, minimal, optimal ? what + "; no choice uses fewer TPUs, and none with as few has a larger "
                            + "smallest slack under the test (" + iterations + " candidates)"
                            : what + (gaveUp ? "; the order search gave up on some candidates" : "; the timeout came "
                                    + "first"));
        }

        private Optional<String> reverify(SystemSpec out, long slack) {
            Optional<ResponseTimeAnalysis> a = AnalysisCatalog.forSpec(out);
            if (a.isEmpty() || !a.get().name().equals(testName())) {
                return Optional.of("the spec's analysis is " + a.map(ResponseTimeAnalysis::name).orElse("none")
                        + ", not " + testName());
            }
            Optional<String> problem = Reverification.slackProblem(out, a.get().analyze(out), slack);
            if (problem.isPresent()) {
                return problem;
            }
            return Reverification.proofProblem(out, deadline);
        }

        private SynthesisResult result(SynthesisResult.Status status, Optional<SystemSpec> out, long slack,
                boolean minimal, String why) {
            return result(status, out, out.map(SynthesisResult::tpusUsedBy).orElse(0), slack, out.isPresent() && minimal,
                    why);
        }
    }
}
