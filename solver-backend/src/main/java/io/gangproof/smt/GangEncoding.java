package io.gangproof.smt;

import io.gangproof.analysis.AnalysisResult;
import io.gangproof.analysis.CarryInRule;
import io.gangproof.analysis.TaskBound;
import io.gangproof.analysis.Witness;
import io.gangproof.spec.Binding;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 *
 * <p>The witness holds interference groups (tasks of one width, charged execution and period),
 * not tasks: the encoder re-derives the groups from the spec, computes each group's least usable
 * response (the largest over its members of the least bound that member may use) and asserts
 * the group's {@code responseUsed} is at least that; one group is one workload term. So a
 * certificate grows with the number of distinct task kinds, not with the number of tasks.
 */
final class GangEncoding {
    private GangEncoding() {
    }

    record Global(int tpus, List<Member> byPriority) {
    }

    record Member(String name, int width, long exec, long period, long deadline, long jitter) {
    }

    /**
     * One key and what was derived from it: {@link ProofCheck#prove} encodes every task of one
     * spec and result in turn, and deriving the task set or the bounds by name reads every task.
     * Keyed by identity (specs and results are immutable); replaced whole.
     */
    private record Memo<K, V>(K key, V value) {
    }

    private static volatile Memo<SystemSpec, Optional<Global>> lastGlobal = new Memo<>(null, Optional.empty());
    private static volatile Memo<AnalysisResult, Map<String, TaskBound>> lastBounds = new Memo<>(null, Map.of());

    static Optional<Global> of(SystemSpec spec) {
        Memo<SystemSpec, Optional<Global>> m = lastGlobal;
        if (m.key() != spec) {
            m = new Memo<>(spec, derive(spec));
            lastGlobal = m;
        }
        return m.value();
    }

    private static Optional<Global> derive(SystemSpec spec) {
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

    /** For interferer {@code task}: {@code responseUsed >=} one of these numbers, and why. */
    interface UsedBound {
        List<Long> lowerBounds(String task) throws WitnessCheck.Mismatch;

        String why();
    }

    private static int position(Global g, String task) throws WitnessCheck.Mismatch {
        for (int k = 0; k < g.byPriority().size(); k++) {
            if (g.byPriority().get(k).name().equals(task)) {
                return k;
            }
        }
        throw new WitnessCheck.Mismatch("no task " + task);
    }

    /** Gang-strict: one round, interferers = hp, each using a bound >= its own checked bound. */
    static WitnessCheck.Encoding encode(SystemSpec spec, String analysis, TaskBound bound, Witness.Gang w,
            WitnessCheck.Claim claim, AnalysisResult result) throws WitnessCheck.Mismatch {
        boolean overrun = "first-overrun".equals(w.argument());
        if (!overrun && !"priority-induction".equals(w.argument())) {
            throw new IllegalArgumentException("gang argument " + w.argument() + " is not encoded");
        }
        Global g = of(spec).orElseThrow(() -> new WitnessCheck.Mismatch("not a global spec with fixed levels"));
        SmtScript s = WitnessCheck.header(spec, analysis, bound, claim, "Gang (" + w.argument() + ")");
        if (overrun) {
            s.comment("Valid only together with the certificates of every other task of the spec (first-overrun:");
            s.comment("one carry-in job per task holds once every task has a checked bound <= its period).");
        }
        Map<String, TaskBound> byName = byName(result);
        UsedBound used = new UsedBound() {
            @Override
            public List<Long> lowerBounds(String task) throws WitnessCheck.Mismatch {
                TaskBound hb = byName.get(task);
                if (hb == null) {
                    throw new WitnessCheck.Mismatch("no task " + task);
                }
                return List.of(hb.responseBound().orElseThrow(
                        () -> new WitnessCheck.Mismatch("higher-priority " + task + " has no response bound")));
            }

            @Override
            public String why() {
                return "induction: its own (separately checked) bound";
            }
        };
        String resp = round(s, g, position(g, bound.task()), w, false, used, "");
        String r = WitnessCheck.pin(s, "response_bound", bound.responseBound().orElseThrow(
                () -> new WitnessCheck.Mismatch("no response bound")), "result: response bound R");
        s.assertTerm("bound: R >= J + w + C", op(">=", r, resp));
        finishClaim(s, g, position(g, bound.task()), w, bound, claim, r);
        return new WitnessCheck.Encoding(s.finish(), s.meanings());
    }

    /**
     * Gang-greedy: every round of the chain. Round 0 uses {@code D_j} for every interferer (valid by
     * the first-miss argument, which {@link ProofCheck} discharges by checking every task of the
     * spec); round {@code n} uses, per interferer, a bound at least the least of {@code D_j} and
     * that interferer's responses in rounds {@code < n} (each checked in that task's certificate).
     */
    static WitnessCheck.Encoding encodeRounds(SystemSpec spec, String analysis, TaskBound bound,
            Witness.GangRounds chain, WitnessCheck.Claim claim, AnalysisResult result) throws WitnessCheck.Mismatch {
        Global g = of(spec).orElseThrow(() -> new WitnessCheck.Mismatch("not a global spec with fixed levels"));
        int x = position(g, bound.task());
        SmtScript s = WitnessCheck.header(spec, analysis, bound, claim,
                "GangRounds (" + chain.rounds().size() + " rounds, first-miss)");
        s.comment("Valid only together with the certificates of every other task of the spec (first-miss:");
        s.comment("every task passes round 0 with R <= D); gangproof checks them all before PROVED.");
        String r = WitnessCheck.pin(s, "response_bound", bound.responseBound().orElseThrow(
                () -> new WitnessCheck.Mismatch("no response bound")), "result: response bound R");
        List<String> some = new ArrayList<>();
        Map<String, TaskBound> byName = byName(result);
        for (int n = 0; n < chain.rounds().size(); n++) {
            Witness.Gang w = chain.rounds().get(n);
            if (n == 0 ? !"first-miss".equals(w.argument()) : !w.argument().startsWith("refined-")) {
                throw new WitnessCheck.Mismatch("round " + n + " has argument " + w.argument());
            }
            final int round = n;
            UsedBound used = new UsedBound() {
                @Override
                public List<Long> lowerBounds(String task) throws WitnessCheck.Mismatch {
                    List<Long> out = new ArrayList<>();
                    out.add(spec.task(task).deadline());
                    TaskBound ob = byName.get(task);
                    if (ob == null) {
                        throw new WitnessCheck.Mismatch("no task " + task);
                    }
                    Witness other = ob.witness();
                    if (round > 0) {
                        if (!(other instanceof Witness.GangRounds)) {
                            throw new WitnessCheck.Mismatch(task + " has no chain of rounds");
                        }
                        List<Witness.Gang> rs = ((Witness.GangRounds) other).rounds();
                        for (int e = 0; e < Math.min(round, rs.size()); e++) {
                            out.add(rs.get(e).response());
                        }
                    }
                    return out;
                }

                @Override
                public String why() {
                    return round == 0 ? "first-miss: its deadline"
                            : "round " + round + ": its deadline or a response of its rounds < " + round;
                }
            };
            s.comment("---- round " + n + " (" + w.argument() + ") ----");
            String resp = round(s, g, x, w, true, used, "r" + n + "_");
            some.add(op(">=", r, resp));
            if (n == 0) {
                s.assertTerm("first-miss: round 0 passes, J + w + C <= D", op("<=", resp, num(g.byPriority().get(x)
                        .deadline())));
            }
        }
        s.assertTerm("bound: R >= J + w + C of some round", SmtScript.or(some));
        if (claim.quantity() == WitnessCheck.Claim.Quantity.INVERSION) {
            greedyInversion(s, g, x, chain, bound, claim);
        } else {
            finishClaim(s, g, x, chain.best(), bound, claim, r);
        }
        return new WitnessCheck.Encoding(s.finish(), s.meanings());
    }

    /** The constraints of one wait bound; returns the term {@code J + w + C}. */
    private static String round(SmtScript s, Global g, int x, Witness.Gang w, boolean greedy, UsedBound used,
            String pre) throws WitnessCheck.Mismatch {
        Member me = g.byPriority().get(x);
        List<Member> interfering = new ArrayList<>();
        List<Member> carryOnly = new ArrayList<>();
        for (int y = 0; y < g.byPriority().size(); y++) {
            Member j = g.byPriority().get(y);
            if (y < x || (greedy && y > x && j.width() < me.width())) {
                interfering.add(j);
            } else if (y > x) {
                carryOnly.add(j);
            }
        }
        int head = me.width();
        if (!greedy) {
            for (Member h : interfering) {
                head = Math.max(head, h.width());
            }
        }
        // Wide heads (gang-strict, docs/analysis.md §5d): beta up to m - k_i + 1, paying for the
        // instants at which a higher-priority job wider than m - beta + 1 waits at the head.
        boolean wideHeads = !greedy && w.headWidth() < head;
        if (wideHeads) {
            expect("head width (wide heads)", w.headWidth(), me.width());
            head = me.width();
        }
        long beta = w.beta();
        expect("tpus", w.tpus(), g.tpus());
        expect("width", w.width(), me.width());
        expect("exec", w.exec(), me.exec());
        expect("jitter", w.jitter(), me.jitter());
        CarryInRule rule;
        try {
            rule = CarryInRule.byKeyword(w.carryInRule());
        } catch (IllegalArgumentException unknown) {
            throw new WitnessCheck.Mismatch("unknown carry-in rule " + w.carryInRule());
        }
        if (rule.needsFirstMiss() && !greedy && !"first-overrun".equals(w.argument())) {
            throw new WitnessCheck.Mismatch("carry-in rule " + rule.keyword()
                    + " needs the first-miss or the first-overrun argument");
        }
        // The interference groups, re-derived from the spec in order of first appearance.
        Map<List<Long>, List<Member>> groups = new LinkedHashMap<>();
        for (Member h : interfering) {
            groups.computeIfAbsent(List.of((long) h.width(), h.exec(), h.period()), k -> new ArrayList<>()).add(h);
        }
        if (w.interference().size() != groups.size()) {
            throw new WitnessCheck.Mismatch(w.interference().size() + " interference groups in the witness, "
                    + groups.size() + " kinds of interfering task in the spec");
        }
        List<List<Member>> members = new ArrayList<>(groups.values());
        for (int k = 0; k < members.size(); k++) {
            Witness.InterferenceGroup f = w.interference().get(k);
            Member h = members.get(k).get(0);
            if (!f.firstTask().equals(h.name())) {
                throw new WitnessCheck.Mismatch("group " + k + " starts with " + f.firstTask() + ", expected " + h.name());
            }
            expect("width of group " + h.name(), f.width(), h.width());
            expect("exec of group " + h.name(), f.exec(), h.exec());
            expect("period of group " + h.name(), f.period(), h.period());
            expect("size of group " + h.name(), f.count(), members.get(k).size());
            expect("weight of group " + h.name(), f.weight(), Math.min(h.width(), beta));
        }

        s.comment("Global task set from the spec, by priority; m = " + g.tpus() + " TPUs; exec = wcet + reload");
        s.comment("  analysed task " + me.name() + ": k = " + me.width() + ", C = " + me.exec() + ", T = " + me.period()
                + ", D = " + me.deadline() + ", J = " + me.jitter());
        for (List<Member> grp : members) {
            Member h = grp.get(0);
            s.comment("  may start while it waits: " + grp.size() + " task(s) from " + h.name() + ": k = " + h.width()
                    + ", C = " + h.exec() + ", T = " + h.period());
        }
        s.comment("  carry-in only: " + carryOnly.size() + " task(s); rule " + rule.keyword());
        s.comment("beta = " + beta + " (witness), written as a literal; head width K = " + head + " (from the spec)");
        s.assertTerm("beta: 1 <= beta <= m - K + 1", op("and", op("<=", "1", num(beta)),
                op("<=", num(beta), num(g.tpus() - head + 1))));
        String wait = WitnessCheck.pin(s, pre + "wait_bound", w.waitBound(), "witness: wait bound w");
        String carry = WitnessCheck.pin(s, pre + "carry_in", w.carryIn(), "witness: lower-priority carry-in");
        s.assertTerm("wait: w >= 0", op(">=", wait, "0"));
        GangCarryInEncoding.assertCarryIn(s, pre, rule, g.tpus(), beta, carryOnly, w, carry);

        // Interference: one W(L, C, T, R) per group, L = w + 1.
        List<String> rhs = new ArrayList<>();
        rhs.add(carry);
        String len = op("+", wait, "1");
        for (int k = 0; k < members.size(); k++) {
            List<Member> grp = members.get(k);
            Member h = grp.get(0);
            Witness.InterferenceGroup f = w.interference().get(k);
            String tag = "g" + k + "_" + h.name();
            long need = Long.MIN_VALUE;
            for (Member j : grp) {
                long least = Long.MAX_VALUE;
                for (long lb : used.lowerBounds(j.name())) {
                    least = Math.min(least, lb);
                }
                need = Math.max(need, least);
            }
            String ru = WitnessCheck.pin(s, pre + "response_used_" + tag, f.responseUsed(),
                    "witness: response bound used for the group of " + h.name());
            s.assertTerm("response used for the group of " + h.name() + " >= " + need + ", the largest over its "
                    + grp.size() + " member(s) of the least bound each may use (" + used.why() + ")",
                    op(">=", ru, num(need)));
            // The span is a variable fixed by its equation, so the text names it instead of
            // repeating its term in the brackets and the workload (a third of the text of a group).
            String span = s.declareInt(pre + "span_" + tag);
            s.assertTerm("workload of " + h.name() + ": span S = L + max(R, C) - C", op("=", span,
                    op("-", op("+", len, op("ite", op(">=", ru, num(h.exec())), ru, num(h.exec()))), num(h.exec()))));
            String n = s.floorDiv(pre + "jobs_in_window_" + tag, span, h.period(),
                    "workload of " + h.name() + ": N = floor(S / T)");
            String rest = op("-", span, times(h.period(), n));
            String inner = op("+", times(h.exec(), n), op("ite", op("<=", num(h.exec()), rest), num(h.exec()), rest));
            String wl = WitnessCheck.pin(s, pre + "workload_" + tag, f.workload(),
                    "witness: workload of one task of the group of " + h.name());
            s.assertTerm("workload of the group of " + h.name() + " = min(L, N C + min(C, S - N T))",
                    op("=", wl, op("ite", op("<=", len, inner), len, inner)));
            rhs.add(times(Math.multiplyExact(Math.min(h.width(), beta), (long) grp.size()), wl));
            long deficit = beta + h.width() - g.tpus() - 1;
            long e = f.responseUsed() - h.exec();
            if (wideHeads && deficit > 0 && e > 0) {
                // e is the pinned response used minus C: a literal keeps the term linear.
                String nw = s.floorDiv(pre + "waiting_jobs_" + tag, len, h.period(),
                        "waits of " + h.name() + " at the head: N = floor(L / T)");
                String restW = op("-", len, times(h.period(), nw));
                String innerW = op("+", times(e, nw), op("ite", op("<=", num(e), restW), num(e), restW));
                String waits = s.declareInt(pre + "head_waits_" + tag);
                s.assertTerm("head waits of one task of the group of " + h.name() + " (k = " + h.width()
                        + " > m - beta + 1) = min(L, N e + min(e, L - N T)), e = R - C = " + e,
                        op("=", waits, op("ite", op("<=", len, innerW), len, innerW)));
                rhs.add(times(Math.multiplyExact(deficit, (long) grp.size()), waits));
            }
        }
        s.assertTerm("wait condition: beta (w + 1) > carryIn + sum over groups min(k, beta) count W(w + 1)"
                + (wideHeads ? " + sum over wide groups (beta + k - m - 1) count waits(w + 1)" : ""),
                op(">", times(beta, len), sum(rhs)));
        String resp = op("+", num(me.jitter()), wait, num(me.exec()));
        if (greedy) {
            s.assertTerm("J + w + C <= D (the wait limit of the first-miss argument)",
                    op("<=", resp, num(me.deadline())));
        } else {
            s.assertTerm("induction: J + w + C <= T (earlier jobs of the task do not interfere)",
                    op("<=", resp, num(me.period())));
        }
        return resp;
    }

    /** The property's claim on R, or on the inversion bound. */
    private static void finishClaim(SmtScript s, Global g, int x, Witness.Gang w, TaskBound bound,
            WitnessCheck.Claim claim, String r) throws WitnessCheck.Mismatch {
        if (claim.quantity() == WitnessCheck.Claim.Quantity.INVERSION) {
            long maxRem = 0;
            for (int y = x + 1; y < g.byPriority().size(); y++) {
                maxRem = Math.max(maxRem, g.byPriority().get(y).exec() - 1);
            }
            String wait = s.declareInt("inversion_wait");
            s.assertTerm("inversion: the wait bound w = " + w.waitBound(), op("=", wait, num(w.waitBound())));
            String inv = WitnessCheck.pin(s, "inversion_bound", bound.inversionBound().orElseThrow(
                    () -> new WitnessCheck.Mismatch("no inversion bound")), "result: inversion bound I");
            s.assertTerm("inversion: I >= min(w, max(C_l - 1))",
                    op(">=", inv, op("ite", op("<=", wait, num(maxRem)), wait, num(maxRem))));
            s.assertTerm("claim: I <= " + claim.limit(), op("<=", inv, num(claim.limit())));
        } else {
            s.assertTerm("claim: R <= " + claim.limit(), op("<=", r, num(claim.limit())));
        }
    }

    /**
     * Gang-greedy inversion (docs/analysis.md §6): lower-priority jobs run during {@code [r, s)},
     * at most {@code w} long, only as carry-in of the wide ones (their union from r: the largest
     * {@code C - 1}) or as jobs of the narrow ones, at most {@code W_l(w)} each, with {@code w} the
     * best round's wait and {@code R_l} the bound the last round used for {@code l}'s interference group
     * (that round's constraints check it against {@code D_l} and the responses of the earlier rounds).
     */
    private static void greedyInversion(SmtScript s, Global g, int x, Witness.GangRounds chain, TaskBound bound,
            WitnessCheck.Claim claim) throws WitnessCheck.Mismatch {
        Member me = g.byPriority().get(x);
        Witness.Gang w = chain.rounds().get(chain.rounds().size() - 1);
        long wideRem = 0;
        List<String> work = new ArrayList<>();
        String wait = WitnessCheck.pin(s, "inversion_wait", chain.best().waitBound(),
                "inversion: the best round's wait bound w");
        for (int y = x + 1; y < g.byPriority().size(); y++) {
            Member l = g.byPriority().get(y);
            if (l.width() >= me.width()) {
                wideRem = Math.max(wideRem, l.exec() - 1);
                continue;
            }
            Witness.InterferenceGroup f = w.interference().stream()
                    .filter(i -> i.width() == l.width() && i.exec() == l.exec() && i.period() == l.period()).findFirst()
                    .orElseThrow(() -> new WitnessCheck.Mismatch("narrow lower-priority " + l.name()
                            + " is in no interference group of the last round"));
            String ru = WitnessCheck.pin(s, "inversion_response_used_" + l.name(), f.responseUsed(),
                    "inversion: response bound the last round used for the group of " + l.name());
            String span = op("-", op("+", wait, op("ite", op(">=", ru, num(l.exec())), ru, num(l.exec()))),
                    num(l.exec()));
            String n = s.floorDiv("inversion_jobs_" + l.name(), span, l.period(),
                    "inversion: workload of " + l.name() + ": N = floor((w + max(R, C) - C) / T)");
            String rest = op("-", span, times(l.period(), n));
            String inner = op("+", times(l.exec(), n), op("ite", op("<=", num(l.exec()), rest), num(l.exec()), rest));
            work.add(op("ite", op("<=", wait, inner), wait, inner));
        }
        work.add(num(wideRem));
        String lower = sum(work);
        String inv = WitnessCheck.pin(s, "inversion_bound", bound.inversionBound().orElseThrow(
                () -> new WitnessCheck.Mismatch("no inversion bound")), "result: inversion bound I");
        s.assertTerm("inversion: I >= min(w, max wide C_l - 1 + sum narrow W_l(w))",
                op(">=", inv, op("ite", op("<=", wait, lower), wait, lower)));
        s.assertTerm("claim: I <= " + claim.limit(), op("<=", inv, num(claim.limit())));
    }

    private static Map<String, TaskBound> byName(AnalysisResult result) {
        Memo<AnalysisResult, Map<String, TaskBound>> m = lastBounds;
        if (m.key() != result) {
            Map<String, TaskBound> out = new HashMap<>();
            for (TaskBound t : result.tasks()) {
                out.put(t.task(), t);
            }
            m = new Memo<>(result, Map.copyOf(out));
            lastBounds = m;
        }
        return m.value();
    }

    /** The tasks above {@code task} in priority order (spec order on ties), as gang-strict's induction needs. */
    static List<String> higherPriority(SystemSpec spec, String task) {
        List<String> out = new ArrayList<>();
        for (Task t : spec.tasksByPriority()) {
            if (t.name().equals(task)) {
                return out;
            }
            out.add(t.name());
        }
        return out;
    }

    private static void expect(String what, long witness, long spec) throws WitnessCheck.Mismatch {
        if (witness != spec) {
            throw new WitnessCheck.Mismatch(what + " is " + witness + " in the witness but " + spec + " from the spec");
        }
    }
}
