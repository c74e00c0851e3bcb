package io.gangproof.smt;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Params;
import com.microsoft.z3.Solver;
import com.microsoft.z3.Status;
import com.microsoft.z3.Tactic;

import java.time.Duration;

/**
 * Solves many witness checks (one {@link ProofCheck#prove} call's) in one Z3 context, each in a
 * fresh solver of its own, so no assertion of one check reaches another. A check is first solved
 * untracked after value propagation ({@link #FAST}): a pinned, bracket-determined script is
 * decided almost entirely by simplification, and {@code sat} there is {@code sat}. Only a check
 * that is not {@code sat} that way is solved again by {@link WitnessCheck#solve} (fresh context,
 * one tracker per assertion), which names the unsat core or the reason, exactly as before: the
 * answer for any one script is the same; only the cost of a confirmed check is lower.
 */
public final class WitnessSolver implements AutoCloseable {
    /**
     * The fast path's tactics: substitute the pinned constants, solve the equalities, bound the
     * bracketed integers, then the SMT core for whatever is left.
     */
    static final String[] FAST = {"simplify", "propagate-values", "solve-eqs", "propagate-ineqs", "simplify", "smt"};

    /** A new context after this many checks, so the terms of the checks already done are freed. */
    private static final int CHECKS_PER_CONTEXT = 200;

    private Context ctx;
    private Tactic tactic;
    private int checks;

    /** As {@link WitnessCheck#solve}: SAT confirms, UNSAT refutes (naming the core), else Unknown. */
    public WitnessVerdict solve(WitnessCheck.Encoding e, Duration timeout) {
        long ms = Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        Status st;
        long start = System.nanoTime();
        try {
            st = fast(e.smt(), (int) ms);
        } catch (RuntimeException x) {
            reset();
            st = Status.UNKNOWN;
        }
        if (st == Status.SATISFIABLE) {
            return new WitnessVerdict.Confirmed(e.smt());
        }
        long left = ms - (System.nanoTime() - start) / 1_000_000;
        if (st == Status.UNKNOWN && left <= 0) {
            return new WitnessVerdict.Unknown("z3: timeout (timeout " + ms + " ms)");
        }
        WitnessVerdict slow = WitnessCheck.solve(e, Duration.ofMillis(Math.max(1, left)));
        if (st == Status.UNSATISFIABLE && slow instanceof WitnessVerdict.Confirmed) {
            return new WitnessVerdict.Unknown("z3 answered unsat and then sat for the same script");
        }
        return slow;
    }

    private Status fast(String smt, int ms) {
        if (ctx == null || checks >= CHECKS_PER_CONTEXT) {
            reset();
            ctx = new Context();
            Tactic t = ctx.mkTactic(FAST[0]);
            for (int i = 1; i < FAST.length; i++) {
                t = ctx.andThen(t, ctx.mkTactic(FAST[i]));
            }
            tactic = t;
        }
        checks++;
        BoolExpr[] fs = ctx.parseSMTLIB2String(smt, null, null, null, null);
        Solver s = ctx.mkSolver(tactic);
        Params p = ctx.mkParams();
        p.add("timeout", ms);
        s.setParameters(p);
        s.add(fs);
        return s.check();
    }

    private void reset() {
        if (ctx != null) {
            ctx.close();
        }
        ctx = null;
        tactic = null;
        checks = 0;
    }

    @Override
    public void close() {
        reset();
    }
}
