package io.gangproof.smt.induction;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Params;
import com.microsoft.z3.Solver;
import com.microsoft.z3.Status;
import java.time.Duration;

/** Solves an SMT-LIB 2 script with Z3 from its text: exactly what a certificate says. */
final class Z3Obligations {
    private Z3Obligations() {
    }

    /** Z3's answer: {@code unsat}, {@code sat}, or {@code unknown (reason)}. */
    static String check(String smt, Duration timeout) {
        long ms = Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        try (Context ctx = new Context()) {
            BoolExpr[] fs = ctx.parseSMTLIB2String(smt, null, null, null, null);
            Solver s = ctx.mkSolver();
            Params p = ctx.mkParams();
            p.add("timeout", (int) ms);
            s.setParameters(p);
            s.add(fs);
            Status st = s.check();
            if (st == Status.UNSATISFIABLE) {
                return "unsat";
            }
            if (st == Status.SATISFIABLE) {
                return "sat";
            }
            return "unknown (" + s.getReasonUnknown() + ", timeout " + ms + " ms)";
        }
    }
}
