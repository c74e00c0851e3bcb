package io.gangproof.smt.synthesis;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Solver;
import com.microsoft.z3.Status;
import io.gangproof.spec.SystemSpec;
import java.time.Duration;
import java.util.Optional;

/**
 * What one search of every synthesis keeps: its spec, its Z3 solver, its clock and counters, and
 * how it reports them in a {@link SynthesisResult}.
 */
abstract class SynthesisRun {
    final SystemSpec spec;
    final Context ctx;
    final Solver solver;
    final long start;
    final long deadline;
    long iterations;
    long solverNanos;
    long reverifyNanos;

    SynthesisRun(SystemSpec spec, Context ctx, long start, long deadline) {
        this.spec = spec;
        this.ctx = ctx;
        this.solver = ctx.mkSolver("QF_FD");
        this.start = start;
        this.deadline = deadline;
    }

    /** One Z3 check under {@code assumption} within what is left of the deadline; its time counts as solver time. */
    Status solve(BoolExpr assumption) {
        DeadlineCheck.Outcome o = DeadlineCheck.check(ctx, solver, deadline, assumption);
        solverNanos += o.nanos();
        return o.status();
    }

    SynthesisResult result(SynthesisResult.Status status, Optional<SystemSpec> out, int tpus, long slack,
            boolean tpusMinimal, String why) {
        return new SynthesisResult(status, out, tpus, slack, tpusMinimal, iterations, Duration.ofNanos(solverNanos),
                Duration.ofNanos(reverifyNanos), Duration.ofNanos(System.nanoTime() - start), why);
    }
}
