package io.gangproof.smt.induction;

import static io.gangproof.smt.induction.SmtText.and;
import static io.gangproof.smt.induction.SmtText.implies;
import static io.gangproof.smt.induction.SmtText.op;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Expr;
import com.microsoft.z3.FuncDecl;
import com.microsoft.z3.Model;
import com.microsoft.z3.Params;
import com.microsoft.z3.Solver;
import com.microsoft.z3.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where k-induction with the protocol lemmas does not close, asks Z3's fixed-point engine
 * (Spacer, the {@code HORN} solver) for an invariant of the same relation: Horn clauses
 * {@code init => inv}, {@code inv /\\ step => inv'} and {@code inv /\\ bad => false}. Spacer's
 * answer is not trusted as such: its invariant becomes one more lemma, and {@link KInduction}
 * re-checks initiation, consecution and safety with it and saves them as certificates.
 */
final class SpacerInvariant {
    /** State symbols in Spacer's invariant are named with this prefix, then renamed per state. */
    private static final String PLACEHOLDER = "spacerstate";

    private SpacerInvariant() {
    }

    /** What Spacer answered: an invariant lemma, a path of the relation to a bad state, or nothing. */
    sealed interface Answer {
        record Invariant(Lemma lemma) implements Answer {
        }

        record BadReachable() implements Answer {
        }

        record NoAnswer(String reason) implements Answer {
        }
    }

    static Answer find(ProtocolModel m, SafetyGoal goal, Duration timeout) {
        TransitionRelation rel = new TransitionRelation(m, goal.target());
        State s0 = rel.state("s0");
        State s1 = rel.state("s1");
        SmtText shape = new SmtText();
        s0.declare(shape);
        Map<String, String> stateVars = shape.declared();
        String sorts = String.join(" ", stateVars.values());

        StringBuilder chc = new StringBuilder("(set-logic HORN)\n(declare-fun inv (").append(sorts)
                .append(") Bool)\n");
        chc.append(clause(stateVars, implies(rel.init(s0), app(s0, stateVars))));
        SmtText step = new SmtText();
        s0.declare(step);
        s1.declare(step);
        rel.step(step, s0, s1, "c0");
        chc.append(clause(step.declared(), implies(and(List.of(app(s0, stateVars), and(step.asserted()))),
                app(s1, stateVars))));
        SmtText bad = new SmtText();
        s0.declare(bad);
        String badTerm = goal.bad(bad, m, s0);
        chc.append(clause(bad.declared(), implies(and(List.of(app(s0, stateVars), badTerm)), "false")));
        chc.append("(check-sat)\n");

        long ms = Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        try (Context ctx = new Context()) {
            BoolExpr[] fs = ctx.parseSMTLIB2String(chc.toString(), null, null, null, null);
            Solver solver = ctx.mkSolver("HORN");
            Params p = ctx.mkParams();
            p.add("timeout", (int) ms);
            solver.setParameters(p);
            solver.add(fs);
            Status st = solver.check();
            if (st == Status.UNSATISFIABLE) {
                return new Answer.BadReachable();
            }
            if (st != Status.SATISFIABLE) {
                return new Answer.NoAnswer("Spacer: " + solver.getReasonUnknown() + " (timeout " + ms + " ms)");
            }
            Model model = solver.getModel();
            FuncDecl<?> inv = null;
            for (FuncDecl<?> d : model.getFuncDecls()) {
                if (d.getName().toString().equals("inv")) {
                    inv = d;
                }
            }
            if (inv == null) {
                return new Answer.NoAnswer("Spacer gave no interpretation of the invariant");
            }
            Expr<?> body = model.getFuncInterp(inv).getElse();
            List<Expr<?>> args = new ArrayList<>();
            for (Map.Entry<String, String> v : stateVars.entrySet()) {
                String name = PLACEHOLDER + v.getKey().substring(s0.prefix().length());
                args.add(v.getValue().equals("Int") ? ctx.mkIntConst(name) : ctx.mkBoolConst(name));
            }
            String text = body.substituteVars(args.toArray(new Expr<?>[0])).toString().replace('\n', ' ');
            return new Answer.Invariant(new Lemma("spacer-invariant", "an invariant found by Z3's Spacer, "
                    + "re-checked here", s -> text.replace(PLACEHOLDER + "_", s.prefix() + "_")));
        }
    }

    private static String clause(Map<String, String> vars, String body) {
        List<String> bound = new ArrayList<>();
        vars.forEach((name, sort) -> bound.add("(" + name + " " + sort + ")"));
        return "(assert (forall (" + String.join(" ", bound) + ") " + body + "))\n";
    }

    /** {@code (inv x1 .. xn)} over the symbols of state {@code s}. */
    private static String app(State s, Map<String, String> shapeVars) {
        List<String> args = new ArrayList<>();
        for (String v : shapeVars.keySet()) {
            args.add(s.prefix() + v.substring(v.indexOf('_')));
        }
        return op("inv", args.toArray(new String[0]));
    }
}
