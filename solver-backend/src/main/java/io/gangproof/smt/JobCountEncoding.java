package io.gangproof.smt;

import io.gangproof.analysis.AnalysisResult;
import io.gangproof.analysis.TaskBound;
import io.gangproof.analysis.Witness;
import io.gangproof.spec.Binding;
import io.gangproof.spec.Policy;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.gangproof.smt.SmtScript.num;
import static io.gangproof.smt.SmtScript.op;
import static io.gangproof.smt.SmtScript.sum;
import static io.gangproof.smt.SmtScript.times;

/**
 * The job-counting wait bounds ({@code Witness.JobCount}; docs/analysis.md §6a–§6c) as QF_LIA:
 * pinned fp (gang-strict by priority induction, gang-greedy by first-miss) and fifo and edf,
 * global or pinned (first-miss). Which tasks count, over which span, which tasks are carry-in only and the
 * largest admissible beta are re-derived here from the spec, written independently of the
 * analysis; the witness only supplies the wait, beta, the carry-in and (priority induction) the
 * bound used for each higher-priority task, which must be at least that task's own bound.
 */
final class JobCountEncoding {
    private JobCountEncoding() {
    }

    /** What the rule of {@code analysis} says about task {@code me}. */
    private record Rule(List<Term> terms, List<Member> carryIn, int betaMax, long limit, String limitName,
            List<Term> lowerWork, List<Member> lowerCarry) {
    }

    /** Jobs of {@code m} arriving in {@code span} (+ w when {@code grows}) ticks. */
    private record Term(Member m, long span, boolean grows) {
    }

    private record Member(String name, int priority, int width, Set<Integer> tpus, long exec, long period,
            long deadline, long jitter) {
        boolean meets(Set<Integer> other) {
            return tpus.stream().anyMatch(other::contains);
        }
    }

    private static List<Member> members(SystemSpec spec) throws WitnessCheck.Mismatch {
        List<Member> out = new ArrayList<>();
        for (Task t : spec.tasksByPriority()) {
            if (!t.levelFixed()) {
                throw new WitnessCheck.Mismatch("task " + t.name() + " has levels still to choose");
            }
            Set<Integer> tpus = new HashSet<>(spec.eligibleTpus(t));
            int width = t.binding() instanceof Binding.Pinned p ? p.tpus().size() : t.level();
            out.add(new Member(t.name(), t.priority(), width, tpus, Math.addExact(t.wcet(), t.dnn().reload()),
                    t.period(), t.deadline(), t.jitter()));
        }
        return out;
    }

    private static Rule rule(SystemSpec spec, String analysis, List<Member> ms, int x) throws WitnessCheck.Mismatch {
        Member me = ms.get(x);
        List<Term> terms = new ArrayList<>();
        List<Member> carry = new ArrayList<>();
        List<Term> lowerWork = new ArrayList<>();
        List<Member> lowerCarry = new ArrayList<>();
        switch (analysis) {
            case "pinned-fp-gang-strict" -> {
                // The scan may stop at any higher-priority job: every TPU of hp tasks and i counts.
                Set<Integer> reach = new HashSet<>(me.tpus());
                for (int y = 0; y < x; y++) {
                    reach.addAll(ms.get(y).tpus());
                    terms.add(new Term(ms.get(y), -1, true));
                }
                for (int y = x + 1; y < ms.size(); y++) {
                    if (ms.get(y).meets(reach)) {
                        carry.add(ms.get(y));
                    }
                    if (ms.get(y).meets(me.tpus())) {
                        lowerCarry.add(ms.get(y));
                    }
                }
                return new Rule(terms, carry, 1, me.period(), "T", List.of(), lowerCarry);
            }
            case "pinned-fp-gang-greedy" -> {
                for (int y = 0; y < ms.size(); y++) {
                    Member o = ms.get(y);
                    if (y == x || !o.meets(me.tpus())) {
                        continue;
                    }
                    if (y > x && o.tpus().containsAll(me.tpus())) {
                        carry.add(o);
                        lowerCarry.add(o);
                    } else {
                        Term t = new Term(o, o.deadline(), true);
                        terms.add(t);
                        if (y > x) {
                            lowerWork.add(t);
                        }
                    }
                }
                return new Rule(terms, carry, 1, me.deadline(), "D", lowerWork, lowerCarry);
            }
            default -> {
                boolean pinned = analysis.startsWith("pinned-");
                String rest = pinned ? analysis.substring("pinned-".length())
                        : analysis.startsWith("global-") ? analysis.substring("global-".length()) : "";
                boolean fifo = rest.startsWith("fifo-");
                boolean edf = rest.startsWith("edf-");
                boolean greedy = rest.endsWith("-gang-greedy");
                if (!(fifo || edf) || !(greedy || rest.endsWith("-gang-strict"))
                        || spec.scheduler().policy() != (fifo ? Policy.FIFO : Policy.EDF)) {
                    throw new IllegalArgumentException("job-count witness of analysis " + analysis + " is not encoded");
                }
                int head = me.width();
                for (int y = 0; y < ms.size(); y++) {
                    Member o = ms.get(y);
                    if (!greedy) {
                        head = Math.max(head, o.width());
                    }
                    if (y == x || pinned && greedy && !o.meets(me.tpus())) {
                        continue;
                    }
                    Term t;
                    if (behind(pinned, greedy, me, o)) {
                        // may start behind J while it waits: arrived in (r - D_j, r + w]
                        t = new Term(o, o.deadline(), true);
                    } else if (fifo) {
                        // ahead (arrived by a <= r) or started before r, still running after r - D_j
                        t = new Term(o, o.deadline(), false);
                    } else {
                        // ahead (deadline by d: arrived by r + D_i - D_j) or started before r
                        t = new Term(o, Math.max(me.deadline() - o.deadline(), -1) + o.deadline(), false);
                    }
                    terms.add(t);
                    if ((edf || o.priority() > me.priority()) && (!pinned || o.meets(me.tpus()))) {
                        lowerWork.add(t);
                    }
                }
                // Pinned: one busy TPU of a set stops a job (sequential form).
                int betaMax = pinned ? 1 : spec.platform().tpus() - head + 1;
                return new Rule(terms, List.of(), betaMax, me.deadline(), "D", lowerWork, List.of());
            }
        }
    }

    /**
     * Whether jobs of {@code o} may start behind J while it waits (gang-greedy): global, narrower
     * than J; pinned, a set that meets J's without containing it.
     */
    private static boolean behind(boolean pinned, boolean greedy, Member me, Member o) {
        if (!greedy) {
            return false;
        }
        return pinned ? o.meets(me.tpus()) && !o.tpus().containsAll(me.tpus()) : o.width() < me.width();
    }

    static WitnessCheck.Encoding encode(SystemSpec spec, String analysis, TaskBound bound, Witness.JobCount w,
            WitnessCheck.Claim claim, AnalysisResult result) throws WitnessCheck.Mismatch {
        List<Member> ms = members(spec);
        int x = -1;
        for (int y = 0; y < ms.size(); y++) {
            if (ms.get(y).name().equals(bound.task())) {
                x = y;
            }
        }
        if (x < 0) {
            throw new WitnessCheck.Mismatch("no task " + bound.task());
        }
        Member me = ms.get(x);
        Rule rule = rule(spec, analysis, ms, x);
        boolean induction = analysis.equals("pinned-fp-gang-strict");
        if (!w.argument().equals(induction ? "priority-induction" : "first-miss")) {
            throw new WitnessCheck.Mismatch("argument " + w.argument() + " does not fit " + analysis);
        }
        expect("exec", w.exec(), me.exec());
        expect("jitter", w.jitter(), me.jitter());
        if (w.terms().size() != rule.terms().size()) {
            throw new WitnessCheck.Mismatch(w.terms().size() + " counted tasks in the witness, " + rule.terms().size()
                    + " by the rule");
        }
        SmtScript s = WitnessCheck.header(spec, analysis, bound, claim, "JobCount (" + w.argument() + ")");
        if (!induction) {
            s.comment("Valid only together with the certificates of every other task of the spec (first-miss:");
            s.comment("every task passes with R <= D); gangproof checks them all before PROVED.");
        }
        long beta = w.beta();
        s.comment("task " + me.name() + ": k = " + me.width() + ", C = " + me.exec() + " (wcet + reload), D = "
                + me.deadline() + ", T = " + me.period() + ", J = " + me.jitter() + "; beta = " + beta + " (witness)");
        s.assertTerm("beta: 1 <= beta <= " + rule.betaMax() + " (from the spec)",
                op("and", op("<=", "1", num(beta)), op("<=", num(beta), num(rule.betaMax()))));
        String wait = WitnessCheck.pin(s, "wait_bound", w.waitBound(), "witness: wait bound w");
        s.assertTerm("wait: w >= 0", op(">=", wait, "0"));
        String carry = WitnessCheck.pin(s, "carry_in", w.carryIn(), "witness: carry-in");
        s.assertTerm("carry-in: >= 0", op(">=", carry, "0"));
        for (Member l : rule.carryIn()) {
            s.assertTerm("carry-in: >= C - 1 of " + l.name() + " (started before the release)",
                    op(">=", carry, num(l.exec() - 1)));
        }
        List<String> rhs = new ArrayList<>();
        rhs.add(carry);
        List<String> workOf = new ArrayList<>();
        for (int k = 0; k < rule.terms().size(); k++) {
            Term t = rule.terms().get(k);
            Witness.CountedTask f = w.terms().get(k);
            if (!f.task().equals(t.m().name())) {
                throw new WitnessCheck.Mismatch("counted task " + k + " is " + f.task() + ", expected " + t.m().name());
            }
            String span;
            if (t.span() < 0) {
                span = WitnessCheck.pin(s, "span_" + t.m().name(), f.span(), "witness: response bound used for "
                        + t.m().name());
                TaskBound hb = result.task(t.m().name()).orElseThrow(() -> new WitnessCheck.Mismatch("no task"));
                long own = hb.responseBound().orElseThrow(() -> new WitnessCheck.Mismatch("higher-priority "
                        + t.m().name() + " has no response bound"));
                s.assertTerm("induction: bound used for " + t.m().name() + " >= its own (separately checked) bound "
                        + own, op(">=", span, num(own)));
            } else {
                span = num(t.span());
            }
            String len = t.grows() ? op("+", span, wait) : span;
            String jobs = s.ceilDiv("jobs_" + t.m().name(), len, t.m().period(), "jobs of " + t.m().name()
                    + " in the window" + (t.grows() ? " (grows with w)" : ""));
            // Each job finishes within F of its arrival: its deadline before the first miss, or
            // (priority induction) the response bound used for it.
            long within = t.span() < 0 ? f.span() : t.m().deadline();
            String work = work(s, t.m(), jobs, wait, within);
            workOf.add(work);
            rhs.add(times(Math.min(t.m().width(), beta), work));
        }
        s.assertTerm("wait condition: beta (w + 1) > carryIn + sum min(k, beta) work",
                op(">", times(beta, op("+", wait, "1")), sum(rhs)));
        String resp = op("+", num(me.jitter()), wait, num(me.exec()));
        s.assertTerm("J + w + C <= " + rule.limitName() + " (" + (induction ? "earlier jobs of the task do not interfere"
                : "the wait limit of the first-miss argument") + ")", op("<=", resp, num(rule.limit())));
        String r = WitnessCheck.pin(s, "response_bound", bound.responseBound().orElseThrow(
                () -> new WitnessCheck.Mismatch("no response bound")), "result: response bound R");
        s.assertTerm("bound: R >= J + w + C", op(">=", r, resp));
        if (claim.quantity() == WitnessCheck.Claim.Quantity.INVERSION) {
            // Lower jobs run on J's TPUs only inside [r, s), at most w long: carry-in of lower tasks
            // (their union from r: the largest C - 1) plus the lower jobs counted in the window.
            long lowerCarry = 0;
            for (Member l : rule.lowerCarry()) {
                lowerCarry = Math.max(lowerCarry, l.exec() - 1);
            }
            List<String> work = new ArrayList<>();
            work.add(num(lowerCarry));
            for (Term t : rule.lowerWork()) {
                work.add(workOf.get(rule.terms().indexOf(t)));
            }
            String inv = WitnessCheck.pin(s, "inversion_bound", bound.inversionBound().orElseThrow(
                    () -> new WitnessCheck.Mismatch("no inversion bound")), "result: inversion bound I");
            String lower = sum(work);
            s.assertTerm("inversion: I >= min(w, lower carry-in + lower work)",
                    op(">=", inv, op("ite", op("<=", wait, lower), wait, lower)));
            s.assertTerm("claim: I <= " + claim.limit(), op("<=", inv, num(claim.limit())));
        } else if (claim.quantity() == WitnessCheck.Claim.Quantity.OVERTAKES) {
            overtakes(s, analysis, ms, x, wait, bound, claim);
        } else {
            s.assertTerm("claim: R <= " + claim.limit(), op("<=", r, num(claim.limit())));
        }
        return new WitnessCheck.Encoding(s.finish(), s.meanings());
    }

    /**
     * What the jobs of {@code m} execute in the window {@code [r, r + w]}: at most {@code C} per
     * counted job and, when {@code C <= F <= T}, at most the Bertogna-Cirinei workload of jobs that
     * finish within {@code F} of their arrival, {@code N C + min(C, w + 1 + F - C - N T)} with
     * {@code N = floor((w + 1 + F - C) / T)} (docs/analysis.md §6a).
     */
    private static String work(SmtScript s, Member m, String jobs, String wait, long within) {
        String count = times(m.exec(), jobs);
        if (m.exec() > within || within > m.period()) {
            return count;
        }
        String x = op("+", wait, num(1 + within - m.exec()));
        String n = s.floorDiv("bc_jobs_" + m.name(), x, m.period(), "whole jobs of " + m.name() + " in its workload");
        String rem = op("-", x, times(m.period(), n));
        String bc = op("+", times(m.exec(), n), op("ite", op("<=", rem, num(m.exec())), rem, num(m.exec())));
        return op("ite", op("<=", count, bc), count, bc);
    }

    /**
     * Lower jobs that can start on J's TPUs in {@code [r, r + w)} (docs/analysis.md §6b, §6c),
     * none when {@code w = 0}: per task, the arrivals in an interval of {@code span} ticks. Pinned
     * gang-strict and edf gang-strict report 0 by the protocol argument alone (nothing behind J
     * starts; under edf what starts is not later), with no arithmetic to check: not encoded.
     */
    private static void overtakes(SmtScript s, String analysis, List<Member> ms, int x, String wait, TaskBound bound,
            WitnessCheck.Claim claim) throws WitnessCheck.Mismatch {
        if (analysis.equals("pinned-fp-gang-strict") || analysis.equals("global-edf-gang-strict")
                || analysis.equals("pinned-edf-gang-strict")) {
            throw new IllegalArgumentException("overtakes 0 under " + analysis + " follows from the protocol alone");
        }
        Member me = ms.get(x);
        boolean greedy = analysis.endsWith("-gang-greedy");
        boolean pinnedQueue = analysis.startsWith("pinned-fifo-") || analysis.startsWith("pinned-edf-");
        boolean fifo = analysis.startsWith("global-fifo-") || analysis.startsWith("pinned-fifo-");
        List<String> starts = new ArrayList<>();
        for (int y = 0; y < ms.size(); y++) {
            // Lower: a lower task priority (fp, fifo); under edf any other task may have a later deadline.
            if (y == x || (y < x && !analysis.contains("-edf-"))) {
                continue;
            }
            Member o = ms.get(y);
            String len;
            if (analysis.equals("pinned-fp-gang-greedy")) {
                if (!o.meets(me.tpus()) || o.tpus().containsAll(me.tpus())) {
                    continue;
                }
                len = op("+", num(o.deadline() - 1), wait);
            } else if (pinnedQueue && !o.meets(me.tpus())) {
                continue;
            } else if (behind(pinnedQueue, greedy, me, o)) {
                // fifo: arrived in (r - D_j, r + w - 1]; edf, deadline > d: (a + D_i - D_j, a + J_i + w - 1]
                long fixed = fifo ? o.deadline() - 1 : o.deadline() - me.deadline() + me.jitter() - 1;
                len = op("+", num(fixed), wait);
            } else if (fifo) {
                // ahead of J: arrived in (r - D_j, a]
                len = num(o.deadline());
            } else {
                continue;
            }
            String n = s.declareInt("overtakers_" + o.name());
            String pos = op("ite", op(">", len, "0"), len, "0");
            s.assertTerm("overtakers of " + o.name() + ": n = ceil(max(0, span) / T), upper bracket",
                    op(">=", times(o.period(), n), pos));
            s.assertTerm("overtakers of " + o.name() + ": n = ceil(max(0, span) / T), lower bracket",
                    op("<", times(o.period(), op("-", n, "1")), pos));
            starts.add(n);
        }
        String o = WitnessCheck.pin(s, "overtakes_bound", bound.overtakesBound().orElseThrow(
                () -> new WitnessCheck.Mismatch("no overtakes bound")), "result: overtakes bound O");
        String total = starts.isEmpty() ? "0" : sum(starts);
        s.assertTerm("overtakes: O >= (w = 0 ? 0 : sum of lower starts)",
                op(">=", o, op("ite", op("=", wait, "0"), "0", total)));
        s.assertTerm("claim: O <= " + claim.limit(), op("<=", o, num(claim.limit())));
    }

    private static void expect(String what, long witness, long spec) throws WitnessCheck.Mismatch {
        if (witness != spec) {
            throw new WitnessCheck.Mismatch(what + " is " + witness + " in the witness but " + spec + " from the spec");
        }
    }
}
