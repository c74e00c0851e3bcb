package io.gangproof.smt.search;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.IntSort;
import com.microsoft.z3.Optimize;
import com.microsoft.z3.Params;
import com.microsoft.z3.Solver;
import com.microsoft.z3.Status;
import io.gangproof.scheduler.ExecutableSpec;
import io.gangproof.scheduler.ReferenceScheduler;
import io.gangproof.scheduler.Scenario;
import io.gangproof.scheduler.check.TraceChecker;
import io.gangproof.scheduler.check.Violation;
import io.gangproof.scheduler.trace.Trace;
import io.gangproof.spec.Arrival;
import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.TimeFormat;
import io.gangproof.spec.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Bounded violation search with Z3 (issue #6, docs/smt.md): the behaviours of a spec over
 * instants {@code 0..H} ({@link ScheduleEncoding}) together with the negation of a property.
 * SAT gives the environment's choices, which the reference scheduler runs; the resulting trace
 * must show the violation, or the encoding and the scheduler disagree (an internal error).
 * UNSAT means no behaviour violates the property by {@code H}. A timeout, a memory limit or an
 * encoding too large is {@code UNKNOWN} with the reason, never a verdict.
 */
public final class ViolationSearch {
    /** Solver limits: wall time per query, and the largest encoding (job slots times instants) attempted. */
    public record Limits(Duration timeout, long maxSize) {
        /**
         * 60 s per query; at most 5,000 job-instant pairs. Measured: an Edge TPU case study at
         * 200 instants (about 800 pairs) answers in about 3 s per property, at 500 instants (2,000)
         * in 5-30 s, at 2,000 instants (14,000) not within a minute.
         */
        public static final Limits DEFAULTS = new Limits(Duration.ofSeconds(60), 5_000);

        public Limits {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the solver timeout must be positive");
            }
            if (maxSize < 1) {
                throw new IllegalArgumentException("the encoding size limit must be positive");
            }
        }

        public Limits withTimeout(Duration t) {
            return new Limits(t, maxSize);
        }

        public Limits withMaxSize(long size) {
            return new Limits(timeout, size);
        }
    }

    /** What the search established. */
    public sealed interface Outcome {
        double seconds();
    }

    /**
     * A behaviour that violates the property; {@code trace} is the reference scheduler's run of
     * it, claiming the violations the scheduler found there.
     */
    public record Violated(Scenario scenario, Trace trace, Violation violation, long horizon, int jobSlots,
            double seconds) implements Outcome {
    }

    /** No behaviour violates the property at any instant {@code 0..horizon}. */
    public record HoldsUpTo(long horizon, int jobSlots, double seconds) implements Outcome {
    }

    /** Neither: {@code reason} says which limit was hit or why the spec is out of reach. */
    public record Unknown(String reason, double seconds) implements Outcome {
    }

    /** The largest response time of a task's jobs finishing by the horizon; empty when none can finish by then. */
    public record MaxResponse(String task, long horizon, OptionalLong max, Optional<Scenario> witness,
            boolean complete, String reason, double seconds) {
    }

    private ViolationSearch() {
    }

    /** Why the spec cannot be encoded at this horizon, or empty. */
    public static Optional<String> unsupported(SystemSpec spec, long horizon, Limits limits) {
        List<String> problems = ExecutableSpec.problems(spec);
        if (!problems.isEmpty()) {
            return Optional.of(String.join("; ", problems));
        }
        if (horizon < 1) {
            return Optional.of("the horizon must be at least 1 tick");
        }
        return tooLarge(spec, horizon, limits);
    }

    /**
     * Why the encoding at {@code horizon} would exceed {@code limits.maxSize()}: not a fault of the
     * spec but a limit of the search, so the answer is UNKNOWN (a smaller horizon may answer).
     */
    public static Optional<String> tooLarge(SystemSpec spec, long horizon, Limits limits) {
        long size;
        try {
            size = ScheduleEncoding.size(spec, horizon);
        } catch (ArithmeticException e) {
            size = Long.MAX_VALUE;
        }
        if (horizon > Integer.MAX_VALUE - 2 || size > limits.maxSize()) {
            return Optional.of("the SMT encoding would have " + (size == Long.MAX_VALUE ? "too many" : size)
                    + " job-instant pairs at horizon " + TimeFormat.of(spec).format(horizon) + ", above the limit of "
                    + limits.maxSize() + "; give a smaller horizon");
        }
        return Optional.empty();
    }

    /**
     * Searches for a behaviour violating {@code property} by {@code horizon}; {@code bound} is
     * the property's numeric bound (ignored by {@code deadlines} and {@code deadlock-free}).
     */
    public static Outcome search(SystemSpec spec, Property property, long bound, long horizon, Limits limits) {
        long begin = System.nanoTime();
        Optional<String> why = unsupported(spec, horizon, limits);
        if (why.isPresent()) {
            return new Unknown(why.get(), seconds(begin));
        }
        try (Session s = new Session(spec, horizon, limits)) {
            return s.search(property, bound);
        }
    }

    /**
     * The largest response time of any job of {@code task} that finishes by {@code horizon},
     * over every behaviour, by Z3's optimiser. The witness is replayed by the reference
     * scheduler, which must reach the same response time.
     */
    public static MaxResponse maxResponse(SystemSpec spec, String task, long horizon, Limits limits) {
        long begin = System.nanoTime();
        Optional<String> why = unsupported(spec, horizon, limits);
        if (why.isPresent()) {
            return new MaxResponse(task, horizon, OptionalLong.empty(), Optional.empty(), false, why.get(),
                    seconds(begin));
        }
        try (Session s = new Session(spec, horizon, limits)) {
            return s.maxResponse(task);
        }
    }

    /**
     * One encoding of a spec at a horizon, asked several questions: the constraints are built
     * and given to Z3 once, and each property is checked under its own assumption, so Z3 keeps
     * what it learnt about the schedule between queries. Call {@link #unsupported} first.
     */
    public static final class Session implements AutoCloseable {
        private final SystemSpec spec;
        private final long horizon;
        private final Limits limits;
        private final Context ctx;
        private final ScheduleEncoding enc;
        private final Solver solver;
        private int queries;

        public Session(SystemSpec spec, long horizon, Limits limits) {
            Optional<String> why = unsupported(spec, horizon, limits);
            if (why.isPresent()) {
                throw new IllegalArgumentException(why.get());
            }
            this.spec = spec;
            this.horizon = horizon;
            this.limits = limits;
            this.ctx = new Context();
            try {
                this.enc = new ScheduleEncoding(ctx, spec, horizon);
                this.solver = ctx.mkSolver("QF_LIA");
                solver.setParameters(timeout(ctx, limits));
                solver.add(enc.constraints().toArray(new BoolExpr[0]));
            } catch (RuntimeException e) {
                ctx.close();
                throw e;
            }
        }

        /** See {@link ViolationSearch#search}. */
        public Outcome search(Property property, long bound) {
            long begin = System.nanoTime();
            BoolExpr query = ctx.mkBoolConst("query!" + queries++);
            solver.add(ctx.mkImplies(query, enc.violation(property, bound)));
            Status status = solver.check(query);
            if (status == Status.UNSATISFIABLE) {
                return new HoldsUpTo(horizon, enc.jobs().size(), seconds(begin));
            }
            if (status == Status.UNKNOWN) {
                return new Unknown("Z3 gave no answer (" + solver.getReasonUnknown() + ") within "
                        + limits.timeout().toMillis() + " ms", seconds(begin));
            }
            Scenario scenario = enc.scenario(solver.getModel());
            Trace trace = ReferenceScheduler.run(spec, scenario, horizon);
            List<Violation> found = TraceChecker.check(spec, trace, property, bound);
            if (found.stream().noneMatch(v -> v.time() <= horizon)) {
                throw new IllegalStateException("internal error: the SMT encoding found a violation of " + property
                        + " that the reference scheduler does not reproduce; scenario " + scenario);
            }
            Violation first = found.stream().filter(v -> v.time() <= horizon).findFirst().orElseThrow();
            // The trace claims what the scheduler found, so that the checker's replay can confirm it.
            return new Violated(scenario, trace.withViolations(found), first, horizon, enc.jobs().size(),
                    seconds(begin));
        }

        /**
         * The optimisation problem: the constraints, "some job of {@code task} finishes by H
         * with response time {@code largest-response}", and the objective to maximise it.
         */
        private Optimize optimiser(String task, ArithExpr<IntSort> objective) {
            int index = ExecutableSpec.of(spec).taskIndex(task);
            Optimize opt = ctx.mkOptimize();
            opt.setParameters(timeout(ctx, limits));
            opt.Add(enc.constraints().toArray(new BoolExpr[0]));
            List<BoolExpr> reached = new ArrayList<>();
            for (ScheduleEncoding.Job j : enc.jobs()) {
                if (j.task == index) {
                    reached.add(ctx.mkAnd(enc.finishesWithinHorizon(j), ctx.mkEq(objective, enc.response(j))));
                }
            }
            opt.Add(ctx.mkOr(reached.toArray(new BoolExpr[0])));
            return opt;
        }

        /** The optimisation query of {@link #maxResponse} as SMT-LIB 2 (with {@code maximize}). */
        public String maxResponseSmtLib(String task) {
            ArithExpr<IntSort> objective = ctx.mkIntConst("largest-response");
            Optimize opt = optimiser(task, objective);
            opt.MkMaximize(objective);
            return "; gangproof: the largest response time of " + oneLine(task) + " among jobs finishing by "
                    + horizon + " (docs/smt.md)\n; " + describeNondeterminism(spec) + "\n" + opt + "(check-sat)\n"
                    + "(get-objectives)\n";
        }

        /** See {@link ViolationSearch#maxResponse}. */
        public MaxResponse maxResponse(String task) {
            long begin = System.nanoTime();
            ArithExpr<IntSort> objective = ctx.mkIntConst("largest-response!" + queries++);
            Optimize opt = optimiser(task, objective);
            Optimize.Handle<IntSort> handle = opt.MkMaximize(objective);
            Status status = opt.Check();
            if (status == Status.UNSATISFIABLE) {
                return new MaxResponse(task, horizon, OptionalLong.empty(), Optional.empty(), true,
                        "no job of " + task + " can finish by " + TimeFormat.of(spec).format(horizon), seconds(begin));
            }
            if (status == Status.UNKNOWN) {
                return new MaxResponse(task, horizon, OptionalLong.empty(), Optional.empty(), false,
                        "Z3 gave no answer (" + opt.getReasonUnknown() + ") within " + limits.timeout().toMillis()
                                + " ms", seconds(begin));
            }
            long max = ScheduleEncoding.value(opt.getModel(), handle.getValue());
            Scenario witness = enc.scenario(opt.getModel());
            Trace trace = ReferenceScheduler.run(spec, witness, horizon);
            boolean reproduced = trace.jobs().stream().anyMatch(j -> j.task().equals(task) && j.finish().isPresent()
                    && j.finish().getAsLong() <= horizon && j.finish().getAsLong() - j.arrival() == max);
            if (!reproduced) {
                throw new IllegalStateException("internal error: the optimiser's response time " + max + " of " + task
                        + " is not reproduced by the reference scheduler; scenario " + witness);
            }
            return new MaxResponse(task, horizon, OptionalLong.of(max), Optional.of(witness), true,
                    "optimal", seconds(begin));
        }

        /** Job slots in the encoding. */
        public int jobSlots() {
            return enc.jobs().size();
        }

        @Override
        public void close() {
            ctx.close();
        }
    }

    /**
     * The query "does a behaviour violate {@code property} by {@code horizon}?" as a
     * self-contained SMT-LIB 2 script (QF_LIA): SAT means yes.
     */
    public static String smtLib(SystemSpec spec, Property property, long bound, long horizon) {
        Optional<String> why = unsupported(spec, horizon, new Limits(Duration.ofSeconds(1), Long.MAX_VALUE));
        if (why.isPresent()) {
            throw new IllegalArgumentException(why.get());
        }
        try (Context ctx = new Context()) {
            ScheduleEncoding enc = new ScheduleEncoding(ctx, spec, horizon);
            // The solver's printer names shared subterms by where they occur in the formulas, so
            // the text is the same on every run; benchmarkToSMTString decides by reference
            // counts, which depend on when Java releases its handles (issue 15, item 16).
            Solver script = ctx.mkSolver();
            script.add(enc.constraints().toArray(new BoolExpr[0]));
            script.add(enc.violation(property, bound));
            String body = "(set-logic QF_LIA)\n" + script + "(check-sat)\n";
            return "; gangproof bounded violation search (docs/smt.md)\n"
                    + "; spec " + oneLine(spec.name()) + ", property " + oneLine(property.toString()) + ", bound " + bound
                    + ", instants 0.." + horizon + "\n"
                    + "; sat: some behaviour violates the property by the horizon; unsat: none does\n"
                    + "; " + describeNondeterminism(spec) + "\n"
                    + body;
        }
    }

    /** What the encoding leaves to the solver (semantics §9), for the evidence of a verdict; the spec must be executable. */
    public static String describeNondeterminism(SystemSpec spec) {
        List<String> parts = new ArrayList<>();
        ExecutableSpec x = ExecutableSpec.of(spec);
        for (int i = 0; i < x.taskCount(); i++) {
            Task t = x.task(i);
            List<String> free = new ArrayList<>();
            if (t.arrival() instanceof Arrival.PeriodicAnyOffset) {
                free.add("offset");
            } else if (t.arrival() instanceof Arrival.Sporadic) {
                free.add("arrivals");
            }
            if (t.jitter() > 0) {
                free.add("release jitter");
            }
            if (t.dnn().exits().size() > 1) {
                free.add("exit and execution time");
            } else if (!t.dnn().latency(x.level(i)).isExact()) {
                free.add("execution time");
            }
            if (!free.isEmpty()) {
                parts.add(t.name() + ": " + String.join(", ", free));
            }
        }
        return parts.isEmpty() ? "a single behaviour: every arrival and execution time is fixed"
                : "every choice of " + String.join("; ", parts);
    }

    private static Params timeout(Context ctx, Limits limits) {
        Params p = ctx.mkParams();
        p.add("timeout", (int) Math.min(Integer.MAX_VALUE, limits.timeout().toMillis()));
        return p;
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }

    private static double seconds(long begin) {
        return (System.nanoTime() - begin) / 1e9;
    }
}
