package io.gangproof.smt.induction;

import static io.gangproof.smt.induction.SmtText.and;
import static io.gangproof.smt.induction.SmtText.eq;
import static io.gangproof.smt.induction.SmtText.implies;
import static io.gangproof.smt.induction.SmtText.ite;
import static io.gangproof.smt.induction.SmtText.not;
import static io.gangproof.smt.induction.SmtText.num;
import static io.gangproof.smt.induction.SmtText.op;
import static io.gangproof.smt.induction.SmtText.or;
import static io.gangproof.smt.induction.SmtText.sum;

import io.gangproof.smt.induction.ProtocolModel.Admission;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * One instant of semantics §5-§6 as a relation between two {@link State}s, in the event order
 * of §5: (1) running jobs may finish and free their TPUs, (2) any number of jobs of each task
 * may be released, (3) the dispatcher applies the protocol repeatedly: {@code m} dispatch steps
 * (m = TPUs), each starting one job or taking one lock, or changing nothing once nothing can
 * act. Every action takes a free TPU, so m steps always reach the end of the dispatch.
 *
 * <p>Finishes and releases are free inputs (an over-approximation of every arrival model,
 * execution time and reload: docs/smt.md). The dispatch is exact under {@code fp}; under
 * {@code edf} and {@code fifo}, whose order needs absolute times, any pending job may come
 * first (again an over-approximation).
 */
final class TransitionRelation {
    private final ProtocolModel m;
    /** Task whose overtakes the {@code ov} flag records, if any. */
    private final OptionalInt target;

    TransitionRelation(ProtocolModel model, OptionalInt target) {
        this.m = model;
        this.target = target;
    }

    State state(String prefix) {
        return new State(prefix, m.taskCount(), m.tpus(), target.isPresent());
    }

    /** The state before instant 0: nothing released, every TPU free. */
    String init(State s) {
        List<String> c = new ArrayList<>();
        for (int i = 0; i < m.taskCount(); i++) {
            c.add(eq(s.n(i), "0"));
            c.add(eq(s.h(i), "0"));
        }
        for (int p = 0; p < m.tpus(); p++) {
            c.add(s.free(p));
            c.add(not(s.run(p)));
        }
        if (target.isPresent()) {
            c.add(not(s.ov()));
        }
        return and(c);
    }

    /** Declares the inputs and intermediate states of the instant {@code from -> to} and asserts the step. */
    void step(SmtText t, State from, State to, String c) {
        t.comment("instant " + from.prefix() + " -> " + to.prefix() + ": (1) finishes, (2) releases, (3) "
                + m.tpus() + " dispatch steps (" + m.admission() + (m.priorityOrder() ? ", fp order" : ", any order")
                + ")");
        State d = from.named(c + "_d0");
        d.declare(t);
        for (int p = 0; p < m.tpus(); p++) {
            String fin = t.declareBool(c + "_fin_" + p);
            t.assertTerm("(1) TPU " + p + " is freed if its job finishes now",
                    and(List.of(eq(d.own(p), ite(and(List.of(from.run(p), fin)), "(- 1)", from.own(p))),
                            eq(d.run(p), and(List.of(from.run(p), not(fin)))))));
        }
        for (int i = 0; i < m.taskCount(); i++) {
            String arr = t.declareInt(c + "_arr_" + i);
            t.assertTerm("(2) task " + m.names().get(i) + ": any number of releases now",
                    and(List.of(op(">=", arr, "0"), eq(d.n(i), op("+", from.n(i), arr)), eq(d.h(i), from.h(i)))));
        }
        List<String> started = new ArrayList<>();
        for (int i = 0; i < m.taskCount(); i++) {
            started.add("0");
        }
        for (int k = 0; k < m.tpus(); k++) {
            State next = k == m.tpus() - 1 ? to : from.named(c + "_d" + (k + 1));
            if (next != to) {
                next.declare(t);
            }
            started = dispatchStep(t, d, next, c + "_d" + k, started);
            d = next;
        }
        if (target.isPresent()) {
            int j = target.getAsInt();
            List<String> lower = new ArrayList<>();
            for (int l = 0; l < m.taskCount(); l++) {
                if (l != j && lowerPriorityOverlapping(l, j)) {
                    lower.add(op(">=", started.get(l), "1"));
                }
            }
            t.assertTerm("overtake: a job of " + m.names().get(j) + " still waits after a lower-priority job "
                    + "started on its TPUs now", eq(to.ov(), or(List.of(from.ov(),
                            and(List.of(op(">=", to.n(j), "1"), or(lower)))))));
        }
    }

    /** Whether a job of task {@code l} is lower priority than one of {@code j} and may use one of its TPUs. */
    boolean lowerPriorityOverlapping(int l, int j) {
        if (m.priority()[l] <= m.priority()[j]) {
            return false;
        }
        for (int p : m.eligible(l)) {
            if (m.eligible(j, p)) {
                return true;
            }
        }
        return false;
    }

    private List<String> dispatchStep(SmtText t, State d, State e, String c, List<String> startedBefore) {
        int n = m.taskCount();
        List<String> pend = new ArrayList<>();
        List<String> fits = new ArrayList<>();
        List<String> cand = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pend.add(op(">=", d.n(i), "1"));
            fits.add(fits(d, i));
            cand.add(and(List.of(pend.get(i), fits.get(i))));
        }
        List<String> act = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            act.add(t.declareBool(c + "_act_" + i));
        }
        if (m.priorityOrder()) {
            for (int i = 0; i < n; i++) {
                List<String> ahead = new ArrayList<>();
                List<String> blockedAhead = new ArrayList<>();
                for (int j = 0; j < n; j++) {
                    if (m.before(j, i)) {
                        ahead.add(not(m.admission() == Admission.HEAD_ONLY ? pend.get(j) : cand.get(j)));
                        blockedAhead.add(ite(and(List.of(pend.get(j), not(fits.get(j)))), "1", "0"));
                    }
                }
                String rule = and(List.of(cand.get(i), and(ahead)));
                if (m.admission() == Admission.MUTANT_PASS_ONE_BLOCKED) {
                    rule = and(List.of(rule, op("<=", sum(blockedAhead), "1")));
                }
                t.assertTerm("dispatch " + c + ": task " + m.names().get(i) + " acts iff it is the first in fp "
                        + "order that may (" + m.admission() + ")", eq(act.get(i), rule));
            }
        } else {
            for (int i = 0; i < n; i++) {
                t.assertTerm("dispatch " + c + ": only a pending job that can act acts", implies(act.get(i),
                        cand.get(i)));
                for (int j = i + 1; j < n; j++) {
                    t.assertTerm("dispatch " + c + ": one job acts per step", not(and(List.of(act.get(i),
                            act.get(j)))));
                }
            }
            List<String> mustAct = new ArrayList<>(cand);
            if (m.admission() == Admission.HEAD_ONLY) {
                // The first pending job, whichever it is, fits when every pending job fits.
                List<String> allFit = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    allFit.add(implies(pend.get(i), fits.get(i)));
                }
                mustAct = List.of(and(List.of(or(pend), and(allFit))));
            }
            t.assertTerm("dispatch " + c + ": the dispatch goes on while the protocol lets a job act",
                    implies(or(mustAct), or(act)));
        }
        List<String> started = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String begins = m.perTpu() ? and(List.of(act.get(i), eq(d.h(i), num(m.level()[i] - 1)))) : act.get(i);
            t.assertTerm("dispatch " + c + ": task " + m.names().get(i) + " pending jobs and held locks",
                    and(List.of(eq(e.n(i), ite(begins, op("-", d.n(i), "1"), d.n(i))), eq(e.h(i),
                            m.perTpu() ? ite(act.get(i), ite(begins, "0", op("+", d.h(i), "1")), d.h(i)) : d.h(i)))));
            String st = t.declareInt(c + "_st_" + i);
            t.assertTerm("dispatch " + c + ": jobs of task " + m.names().get(i) + " started so far this instant",
                    eq(st, ite(begins, op("+", startedBefore.get(i), "1"), startedBefore.get(i))));
            started.add(st);
        }
        for (int p = 0; p < m.tpus(); p++) {
            String own = d.own(p);
            String run = d.run(p);
            for (int i = n - 1; i >= 0; i--) {
                String takes = and(List.of(act.get(i), takes(d, i, p)));
                own = ite(takes, num(i), own);
                String runs = m.perTpu() ? (m.eligible(i, p) ? and(List.of(act.get(i), eq(d.h(i),
                        num(m.level()[i] - 1)))) : "false") : takes;
                run = ite(runs, "true", run);
            }
            t.assertTerm("dispatch " + c + ": TPU " + p, and(List.of(eq(e.own(p), own), eq(e.run(p), run))));
        }
        return started;
    }

    /** Whether task {@code i}'s first pending job could act now: its TPUs free, or its next lock free. */
    private String fits(State d, int i) {
        if (m.perTpu()) {
            List<String> c = new ArrayList<>();
            int[] order = m.lockOrder()[i];
            for (int j = 0; j < order.length; j++) {
                c.add(and(List.of(eq(d.h(i), num(j)), d.free(order[j]))));
            }
            return or(c);
        }
        if (m.global()) {
            return op(">=", freeCount(d, m.tpus()), num(m.level()[i]));
        }
        List<String> c = new ArrayList<>();
        for (int p : m.bound()[i]) {
            c.add(d.free(p));
        }
        return and(c);
    }

    /** Whether task {@code i}, acting now, takes TPU {@code p}: global placement takes the lowest free ones. */
    private String takes(State d, int i, int p) {
        if (m.perTpu()) {
            List<String> c = new ArrayList<>();
            int[] order = m.lockOrder()[i];
            for (int j = 0; j < order.length; j++) {
                if (order[j] == p) {
                    c.add(eq(d.h(i), num(j)));
                }
            }
            return or(c);
        }
        if (m.global()) {
            return and(List.of(d.free(p), op("<", freeCount(d, p), num(m.level()[i]))));
        }
        return m.eligible(i, p) ? "true" : "false";
    }

    /** The number of free TPUs among {@code 0..below-1}. */
    private static String freeCount(State d, int below) {
        List<String> c = new ArrayList<>();
        for (int q = 0; q < below; q++) {
            c.add(ite(d.free(q), "1", "0"));
        }
        return sum(c);
    }
}
