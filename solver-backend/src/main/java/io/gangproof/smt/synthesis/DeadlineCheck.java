package io.gangproof.smt.synthesis;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Params;
import com.microsoft.z3.Solver;
import com.microsoft.z3.Status;

/**
 * One Z3 check that may use only what is left of a search's deadline: both synthesis searches
 * give Z3 the remaining time as its timeout, and answer {@code UNKNOWN} once none is left.
 */
final class DeadlineCheck {
    private DeadlineCheck() {
    }

    /** The check's status and the nanoseconds it took (0 when the deadline had already passed). */
    record Outcome(Status status, long nanos) {
    }

    static Outcome check(Context ctx, Solver solver, long deadlineNanos, BoolExpr assumption) {
        long left = (deadlineNanos - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            return new Outcome(Status.UNKNOWN, 0);
        }
        Params p = ctx.mkParams();
        p.add("timeout", (int) Math.min(Integer.MAX_VALUE, left));
        solver.setParameters(p);
        long t0 = System.nanoTime();
        Status st = solver.check(assumption);
        return new Outcome(st, System.nanoTime() - t0);
    }
}
