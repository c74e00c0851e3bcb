package io.gangproof.smt;

import io.gangproof.analysis.AnalysisResult;
import io.gangproof.analysis.TaskBound;
import io.gangproof.analysis.Witness;
import io.gangproof.spec.Binding;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.gangproof.smt.SmtScript.num;
import static io.gangproof.smt.SmtScript.op;
import static io.gangproof.smt.SmtScript.sum;
import static io.gangproof.smt.SmtScript.times;

/**
 * The global fp gang-strict wait bound ({@code Witness.Gang}, argument {@code priority-induction};
 * docs/analysis.md §5) as QF_LIA. The task set is re-derived from the spec: tasks by priority,
 * width = level, charged exec = {@code wcet + reload} (every job reloads under global placement).
 * The witness' {@code beta} is written as a literal (it is a small witness number), which keeps
 * {@code min(width, beta) * W} linear.
 */
final class GangEncoding {
    private GangEncoding() {
    }

    record Global(int tpus, List<Member> byPriority) {
    }

    record Member(String name, int width, long exec, long period, long deadline, long jitter) {
    }

    static Optional<Global> of(SystemSpec spec) {
        List<Member> out = new ArrayList<>();
        for (Task t : spec.tasksByPriority()) {
            if (!(t.binding() instanceof Binding.AnyTpus) || !t.levelFixed()) {
                return Optional.empty();
            }
            out.add(new Member(t.name(), t.level(), Math.addExact(t.wcet(), t.dnn().reload()), t.period(),
                    t.deadline(), t.jitter()));
        }
        return Optional.of(new Global(spec.platform().tpus(), List.copyOf(out)));
    }

    static WitnessCheck.Encoding encode(SystemSpec spec, String analysis, TaskBound bound, Witness.Gang w,
            WitnessCheck.Claim claim, AnalysisResult result) throws WitnessCheck.Mismatch {
        if (!"priority-induction".equals(w.argument())) {
            throw new IllegalArgumentException("gang argument " + w.argument() + " is not encoded");
        }
        Global g = of(spec).orElseThrow(() -> new WitnessCheck.Mismatch("not a global spec with fixed levels"));
        int x = -1;
        for (int k = 0; k < g.byPriority().size(); k++) {
            if (g.byPriority().get(k).name().equals(bound.task())) {
                x = k;
            }
        }
        if (x < 0) {
            throw new WitnessCheck.Mismatch("no task " + bound.task());
        }
        Member me = g.byPriority().get(x);
        List<Member> hp = g.byPriority().subList(0, x);
        List<Member> lp = g.byPriority().subList(x + 1, g.byPriority().size());
        int head = me.width();
        for (Member h : hp) {
            head = Math.max(head, h.width());
        }
        long beta = w.beta();
        expect("tpus", w.tpus(), g.tpus());
        expect("width", w.width(), me.width());
        expect("exec", w.exec(), me.exec());
        expect("jitter", w.jitter(), me.jitter());
        if (w.interferers().size() != hp.size()) {
            throw new WitnessCheck.Mismatch(w.interferers().size() + " interferers in the witness, "
                    + hp.size() + " higher-priority tasks in the spec");
        }
        for (int k = 0; k < hp.size(); k++) {
            Witness.GangInterferer f = w.interferers().get(k);
            Member h = hp.get(k);
            if (!f.task().equals(h.name())) {
                throw new WitnessCheck.Mismatch("interferer " + k + " is " + f.task() + ", expected " + h.name());
            }
            expect("width of " + h.name(), f.width(), h.width());
            expect("exec of " + h.name(), f.exec(), h.exec());
            expect("period of " + h.name(), f.period(), h.period());
            expect("weight of " + h.name(), f.weight(), Math.min(h.width(), beta));
        }
        if (w.carryInCandidates().size() != lp.size()) {
            throw new WitnessCheck.Mismatch(w.carryInCandidates().size() + " carry-in candidates in the witness, "
                    + lp.size() + " lower-priority tasks in the spec");
        }
        for (int k = 0; k < lp.size(); k++) {
            Witness.CarryInItem c = w.carryInCandidates().get(k);
            Member l = lp.get(k);
            if (!c.task().equals(l.name())) {
                throw new WitnessCheck.Mismatch("carry-in candidate " + k + " is " + c.task() + ", expected " + l.name());
            }
            expect("width of " + l.name(), c.width(), l.width());
            expect("remaining of " + l.name(), c.remaining(), l.exec() - 1);
        }

        SmtScript s = WitnessCheck.header(spec, analysis, bound, claim, "Gang (priority-induction)");
        s.comment("Global task set from the spec, by priority; m = " + g.tpus() + " TPUs; exec = wcet + reload");
        s.comment("  analysed task " + me.name() + ": k = " + me.width() + ", C = " + me.exec() + ", T = " + me.period()
                + ", J = " + me.jitter());
        for (Member h : hp) {
            s.comment("  higher priority " + h.name() + ": k = " + h.width() + ", C = " + h.exec() + ", T = "
                    + h.period());
        }
        for (Member l : lp) {
            s.comment("  lower priority " + l.name() + ": k = " + l.width() + ", C = " + l.exec());
        }
        s.comment("beta = " + beta + " (witness), written as a literal; head width K = " + head + " (from the spec)");
        s.assertTerm("beta: 1 <= beta <= m - K + 1", op("and", op("<=", "1", num(beta)),
                op("<=", num(beta), num(g.tpus() - head + 1))));
        String wait = WitnessCheck.pin(s, "wait_bound", w.waitBound(), "witness: wait bound w");
        String carry = WitnessCheck.pin(s, "carry_in", w.carryIn(), "witness: lower-priority carry-in");
        String r = WitnessCheck.pin(s, "response_bound", bound.responseBound().orElseThrow(
                () -> new WitnessCheck.Mismatch("no response bound")), "result: response bound R");
        s.assertTerm("wait: w >= 0", op(">=", wait, "0"));

        // Carry-in: carryIn >= min(knapsack optimum, beta * max remaining). best_c is only bounded
        // below by the DP recurrences, so any model has best_c >= the optimum.
        long maxRem = 0;
        for (Member l : lp) {
            maxRem = Math.max(maxRem, l.exec() - 1);
        }
        List<String> best = new ArrayList<>();
        best.add(s.declareInt("knapsack_0"));
        s.assertTerm("knapsack: best_0 = 0", op("=", best.get(0), "0"));
        for (int c = 1; c <= g.tpus(); c++) {
            String b = s.declareInt("knapsack_" + c);
            best.add(b);
            s.assertTerm("knapsack: best_" + c + " >= best_" + (c - 1), op(">=", b, best.get(c - 1)));
            for (Member l : lp) {
                if (l.width() <= c) {
                    long v = Math.multiplyExact(Math.min(l.width(), beta), l.exec() - 1);
                    s.assertTerm("knapsack: best_" + c + " >= best_" + (c - l.width()) + " + min(k, beta) * (C - 1) of "
                            + l.name(), op(">=", b, op("+", best.get(c - l.width()), num(v))));
                }
            }
        }
        s.assertTerm("carry-in: carryIn >= min(best_m, beta * max(C_l - 1))",
                op("or", op(">=", carry, best.get(g.tpus())), op(">=", carry, op("*", num(beta), num(maxRem)))));

        // Interference: W(L, C, T, R) with L = w + 1.
        List<String> rhs = new ArrayList<>();
        rhs.add(carry);
        String len = op("+", wait, "1");
        for (int k = 0; k < hp.size(); k++) {
            Member h = hp.get(k);
            Witness.GangInterferer f = w.interferers().get(k);
            String ru = WitnessCheck.pin(s, "response_used_" + h.name(), f.responseUsed(),
                    "witness: response bound used for " + h.name());
            TaskBound hb = result.task(h.name()).orElseThrow(() -> new WitnessCheck.Mismatch("no task " + h.name()));
            long hr = hb.responseBound().orElseThrow(
                    () -> new WitnessCheck.Mismatch("higher-priority " + h.name() + " has no response bound"));
            s.assertTerm("induction: response used for " + h.name() + " >= its own (separately checked) bound "
                    + hr, op(">=", ru, num(hr)));
            String span = op("-", op("+", len, op("ite", op(">=", ru, num(h.exec())), ru, num(h.exec()))),
                    num(h.exec()));
            String n = s.floorDiv("jobs_in_window_" + h.name(), span, h.period(),
                    "workload of " + h.name() + ": N = floor((L + max(R, C) - C) / T)");
            String rest = op("-", span, times(h.period(), n));
            String inner = op("+", times(h.exec(), n), op("ite", op("<=", num(h.exec()), rest), num(h.exec()), rest));
            String wl = WitnessCheck.pin(s, "workload_" + h.name(), f.workload(), "witness: workload of " + h.name());
            s.assertTerm("workload of " + h.name() + " = min(L, N C + min(C, L + max(R, C) - C - N T))",
                    op("=", wl, op("ite", op("<=", len, inner), len, inner)));
            rhs.add(times(Math.min(h.width(), beta), wl));
        }
        s.assertTerm("wait condition: beta (w + 1) > carryIn + sum min(k_j, beta) W_j(w + 1)",
                op(">", times(beta, len), sum(rhs)));
        String resp = op("+", num(me.jitter()), wait, num(me.exec()));
        s.assertTerm("induction: J + w + C <= T (earlier jobs of the task do not interfere)",
                op("<=", resp, num(me.period())));
        s.assertTerm("bound: R >= J + w + C", op(">=", r, resp));
        if (claim.quantity() == WitnessCheck.Claim.Quantity.INVERSION) {
            String inv = WitnessCheck.pin(s, "inversion_bound", bound.inversionBound().orElseThrow(
                    () -> new WitnessCheck.Mismatch("no inversion bound")), "result: inversion bound I");
            s.assertTerm("inversion: I >= min(w, max(C_l - 1))",
                    op(">=", inv, op("ite", op("<=", wait, num(maxRem)), wait, num(maxRem))));
            s.assertTerm("claim: I <= " + claim.limit(), op("<=", inv, num(claim.limit())));
        } else {
            s.assertTerm("claim: R <= " + claim.limit(), op("<=", r, num(claim.limit())));
        }
        return new WitnessCheck.Encoding(s.finish(), s.meanings());
    }

    private static void expect(String what, long witness, long spec) throws WitnessCheck.Mismatch {
        if (witness != spec) {
            throw new WitnessCheck.Mismatch(what + " is " + witness + " in the witness but " + spec + " from the spec");
        }
    }
}
