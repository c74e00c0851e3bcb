package io.gangproof.smt.synthesis;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Model;
import com.microsoft.z3.Status;
import io.gangproof.analysis.GlobalGangGreedyResponseTime;
import io.gangproof.analysis.AnalysisResult;
import io.gangproof.analysis.AssignmentResult;
import io.gangproof.analysis.GlobalGangStrictResponseTime;
import io.gangproof.analysis.GlobalPriorityAssignment;
import io.gangproof.analysis.ResponseTimeAnalysis;
import io.gangproof.analysis.TaskBound;
import io.gangproof.smt.ProofCheck;
import io.gangproof.spec.Binding;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Synthesis of parallelism levels and priorities under {@code global fp} placement (docs/smt.md
 * §7.7). Z3 proposes one level per task; a {@link CandidateCheck} (for global fp:
 * {@link GlobalPriorityAssignment}, the backtracking Audsley search) decides whether some priority
 * order passes at the current slack threshold; a failing candidate is shrunk to a failing subset
 * of tasks (with their levels) and every candidate containing it is forbidden, which is sound
 * because the check is monotone in the task set (§7.7). Every TPU serves every task under global
 * placement, so the TPU count is the platform's; the objective is the largest smallest slack.
 * Every answer is re-verified through the test it optimises under and {@link ProofCheck}.
 */
public final class GlobalSynthesis {
    /**
     * The acceptance procedure on a candidate (every level fixed). Must be monotone: a genuine
     * {@link Verdict.Fail} on a set of tasks implies failing on every superset with the same levels
     * and deadlines (what makes the blocking clauses sound); {@link Verdict.GaveUp} (a budget ran
     * out) is blocked only exactly and makes the answer at most FEASIBLE.
     */
    public interface CandidateCheck {
        Verdict check(SystemSpec candidate);
    }

    /** A candidate's verdict: a spec with the chosen priorities, a genuine failure, or a give-up. */
    public sealed interface Verdict {
        record Pass(SystemSpec spec) implements Verdict {
        }

        record Fail() implements Verdict {
        }

        record GaveUp() implements Verdict {
        }
    }

    /**
     * Global fp gang (strict or greedy): the backtracking Audsley assignment of docs/analysis.md §8,
     * without the budgeted search over gang-strict's own orders, whose "no order" is not monotone
     * in the task set (the core argument of docs/smt.md §7.7 needs it to be).
     */
    public static final CandidateCheck GLOBAL_FP = s -> {
        AssignmentResult r = new GlobalPriorityAssignment(1_000_000, new GlobalGangStrictResponseTime(), 0).assign(s);
        return r.spec().<Verdict>map(Verdict.Pass::new).orElseGet(() -> r.explanation()
                .startsWith(GlobalPriorityAssignment.STOPPED) ? new Verdict.GaveUp() : new Verdict.Fail());
    };


    /**
     * The test the search optimises under: the one {@link #GLOBAL_FP}'s assignment uses, the
     * default of the spec's protocol, whose "no order" is monotone (docs/smt.md §7.7). The catalog's
     * tighter tests accept at least what it accepts, so the normal proof path still proves the answer.
     */
    static ResponseTimeAnalysis test(SystemSpec s) {
        return s.scheduler().protocol() == Protocol.GANG_STRICT ? new GlobalGangStrictResponseTime()
                : new GlobalGangGreedyResponseTime();
    }

    private final CandidateCheck check;

    public GlobalSynthesis() {
        this(GLOBAL_FP);
    }

    GlobalSynthesis(CandidateCheck check) {
        this.check = check;
    }

    public SynthesisResult synthesize(SystemSpec spec, Duration timeout) {
        long start = System.nanoTime();
        if (spec.scheduler().placement() == Placement.PINNED) {
            return SynthesisResult.notApplicable(start, "pinned placement is synthesised by PinnedSynthesis (docs/smt.md §7.8)");
        }
        if (spec.scheduler().placement() != Placement.GLOBAL || spec.scheduler().policy() != Policy.FP
                || spec.scheduler().protocol().perTpu()) {
            return SynthesisResult.notApplicable(start, "global synthesis needs global fp with a gang protocol, not "
                    + spec.scheduler().describe());
        }
        for (Task t : spec.tasks()) {
            if (!(t.binding() instanceof Binding.AnyTpus)) {
                return SynthesisResult.notApplicable(start, "task " + t.name() + " is not on any TPUs");
            }
            if (levels(spec, t).isEmpty()) {
                return SynthesisResult.infeasible(start, noLevel(spec, t));
            }
        }
        try (Context ctx = new Context()) {
            return new Run(spec, ctx, start, start + timeout.toNanos()).go();
        }
    }

    /** Why task {@code t} has no level {@link #levels} would offer. */
    static String noLevel(SystemSpec spec, Task t) {
        return "task " + t.name() + " has no level in 1.." + spec.platform().tpus() + " its DNN's table has";
    }

    static List<Integer> levels(SystemSpec spec, Task t) {
        List<Integer> out = new ArrayList<>();
        for (int k : t.levels()) {
            if (k >= 1 && k <= spec.platform().tpus() && t.dnn().supports(k)) {
                out.add(k);
            }
        }
        return out;
    }

    /** {@code spec} with task {@code i} at level {@code level[i]} for the tasks in {@code subset}, deadlines shortened by {@code cut}. */
    static Optional<SystemSpec> candidate(SystemSpec spec, int[] level, List<Integer> subset, long cut) {
        List<Task> tasks = new ArrayList<>();
        for (int i : subset) {
            Task t = spec.tasks().get(i);
            long d = t.deadline() - cut;
            if (d < 1) {
                return Optional.empty();
            }
            tasks.add(new Task(t.name(), t.dnn(), t.arrival(), d, t.jitter(), t.priority(),
                    new TreeSet<>(List.of(level[i])), t.binding()));
        }
        return Optional.of(new SystemSpec(spec.name(), spec.resolution(), spec.platform(), spec.dnns(), tasks,
                spec.scheduler(), spec.properties(), spec.exploration()));
    }

    private final class Run extends SynthesisRun {
        private final int n;
        private final List<List<Integer>> options = new ArrayList<>();
        private final BoolExpr[][] x;
        private SystemSpec best;
        private long theta = -1;
        private boolean gaveUp;
        private BoolExpr guard;
        private int guards;

        Run(SystemSpec spec, Context ctx, long start, long deadline) {
            super(spec, ctx, start, deadline);
            this.n = spec.tasks().size();
            this.x = new BoolExpr[n][];
            for (int i = 0; i < n; i++) {
                List<Integer> ls = levels(spec, spec.tasks().get(i));
                options.add(ls);
                x[i] = new BoolExpr[ls.size()];
                for (int j = 0; j < ls.size(); j++) {
                    x[i][j] = ctx.mkBoolConst("level_" + i + "_" + ls.get(j));
                }
                solver.add(ctx.mkOr(x[i]));
                for (int a = 0; a < ls.size(); a++) {
                    for (int b = a + 1; b < ls.size(); b++) {
                        solver.add(ctx.mkOr(ctx.mkNot(x[i][a]), ctx.mkNot(x[i][b])));
                    }
                }
            }
            this.guard = ctx.mkBoolConst("theta_" + guards++);
        }

        SynthesisResult go() {
            while (true) {
                Status st = solve(guard);
                if (st == Status.UNSATISFIABLE && best == null && gaveUp) {
                    return result(SynthesisResult.Status.UNKNOWN, Optional.empty(), 0, "no choice passed, but the "
                            + "priority search gave up on some (" + iterations + " candidates)");
                }
                if (st == Status.UNSATISFIABLE) {
                    return best == null ? result(SynthesisResult.Status.INFEASIBLE, Optional.empty(), 0,
                            "no choice of levels and priorities passes the check (" + iterations + " candidates)")
                            : finish(!gaveUp);
                }
                if (st == Status.UNKNOWN) {
                    return finish(false);
                }
                int[] level = extract(solver.getModel());
                iterations++;
                List<Integer> all = FailingCore.all(n);
                Verdict v = checkAt(level, all);
                if (v instanceof Verdict.Pass passing) {
                    Optional<SystemSpec> real = withPriorities(level, passing.spec());
                    long slack = real.map(this::smallestSlack).orElse(Long.MIN_VALUE);
                    if (slack > theta) {
                        best = real.get();
                        theta = slack;
                        guard = ctx.mkBoolConst("theta_" + guards++);
                        continue;
                    }
                    block(level, all);
                } else if (v instanceof Verdict.GaveUp) {
                    gaveUp = true;
                    block(level, all);
                } else {
                    block(level, shrink(level, all));
                }
                if (System.nanoTime() >= deadline) {
                    return finish(false);
                }
            }
        }

        /** Passing at the threshold: every response at most {@code D - theta - 1}, i.e. slack above {@code theta}. */
        private Verdict checkAt(int[] level, List<Integer> subset) {
            return candidate(spec, level, subset, theta + 1).map(check::check).orElse(new Verdict.Fail());
        }

        private List<Integer> shrink(int[] level, List<Integer> failing) {
            return FailingCore.shrink(failing, deadline, rest -> checkAt(level, rest) instanceof Verdict.Fail);
        }

        /** Forbids, at this threshold, every candidate giving each task of {@code core} its level here. */
        private void block(int[] level, List<Integer> core) {
            List<BoolExpr> lits = new ArrayList<>();
            lits.add(ctx.mkNot(guard));
            for (int i : core) {
                lits.add(ctx.mkNot(x[i][options.get(i).indexOf(level[i])]));
            }
            solver.add(ctx.mkOr(lits.toArray(new BoolExpr[0])));
        }

        private int[] extract(Model m) {
            int[] level = new int[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < x[i].length; j++) {
                    if (m.eval(x[i][j], true).isTrue()) {
                        level[i] = options.get(i).get(j);
                    }
                }
            }
            return level;
        }

        /** The spec at these levels with the priorities the check chose, if its own analysis accepts it. */
        private Optional<SystemSpec> withPriorities(int[] level, SystemSpec chosen) {
            SystemSpec base = candidate(spec, level, FailingCore.all(n), 0).orElseThrow();
            Map<String, Integer> priority = new HashMap<>();
            chosen.tasks().forEach(t -> priority.put(t.name(), t.priority()));
            List<Task> tasks = new ArrayList<>();
            for (Task t : base.tasks()) {
                tasks.add(new Task(t.name(), t.dnn(), t.arrival(), t.deadline(), t.jitter(), priority.get(t.name()),
                        t.levels(), t.binding()));
            }
            SystemSpec out = new SystemSpec(spec.name(), spec.resolution(), spec.platform(), spec.dnns(), tasks,
                    spec.scheduler(), spec.properties(), spec.exploration());
            return test(out).analyze(out).allSchedulable() ? Optional.of(out) : Optional.empty();
        }

        private long smallestSlack(SystemSpec s) {
            AnalysisResult r = test(s).analyze(s);
            long min = Long.MAX_VALUE;
            for (TaskBound b : r.tasks()) {
                min = Math.min(min, s.task(b.task()).deadline() - b.responseBound().orElseThrow());
            }
            return min;
        }

        private SynthesisResult finish(boolean optimal) {
            if (best == null) {
                return result(SynthesisResult.Status.UNKNOWN, Optional.empty(), 0,
                        "the timeout came before any passing choice (" + iterations + " candidates)");
            }
            long r0 = System.nanoTime();
            Optional<String> problem = reverify(best, theta);
            reverifyNanos = System.nanoTime() - r0;
            if (problem.isPresent()) {
                return result(SynthesisResult.Status.UNKNOWN, Optional.empty(), 0,
                        "the synthesised choice did not re-verify: " + problem.get());
            }
            String what = "levels and priorities by " + test(best).name()
                    + " with the backtracking Audsley assignment; global placement: every task may use all "
                    + spec.platform().tpus() + " TPUs";
            return result(optimal ? SynthesisResult.Status.OPTIMAL : SynthesisResult.Status.FEASIBLE,
                    Optional.of(best), theta, optimal ? what + "; no choice has a larger smallest slack under the "
                            + "check (" + iterations + " candidates)" : what + (gaveUp
                            ? "; the priority search gave up on some candidates" : "; the timeout came first"));
        }

        private Optional<String> reverify(SystemSpec out, long slack) {
            Optional<String> problem = Reverification.slackProblem(out,
                    test(out).analyze(out), slack);
            if (problem.isPresent()) {
                return problem;
            }
            return Reverification.proofProblem(out, deadline);
        }

        private SynthesisResult result(SynthesisResult.Status status, Optional<SystemSpec> out, long slack, String why) {
            return result(status, out, out.isPresent() ? spec.platform().tpus() : 0, slack, false, why);
        }
    }
}
