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

    /** The parts of an instant, in the order of semantics §5; each is a relation of its own. */
    enum Phase {
        /** (1) Running jobs may finish and free their TPUs. */
        FINISH,
        /** (2) Any number of jobs of each task may be released. */
        RELEASE,
        /** (3) One dispatch step: one job starts or takes a lock, or nothing changes once nothing can act. */
        DISPATCH
    }

    /** Declares the inputs and intermediate states of the instant {@code from -> to} and asserts the step. */
    void step(SmtText t, State from, State to, String c) {
        t.comment("instant " + from.prefix() + " -> " + to.prefix() + ": (1) finishes, (2) releases, (3) "
                + m.tpus() + " dispatch steps (" + m.admission() + (m.priorityOrder() ? ", fp order" : ", any order")
                + ")");
        State f = from.named(c + "_f");
        f.declare(t);
        phase(Phase.FINISH, t, from, f, c);
        State d = from.named(c + "_d0");
        d.declare(t);
        phase(Phase.RELEASE, t, f, d, c);
        for (int k = 0; k < m.tpus(); k++) {
            State next = k == m.tpus() - 1 ? to : from.named(c + "_d" + (k + 1));
            if (next != to) {
                next.declare(t);
            }
            phase(Phase.DISPATCH, t, d, next, c + "_d" + k);
            d = next;
        }
    }

    /** Asserts one phase {@code from -> to}, declaring its inputs with prefix {@code c}. */
    void phase(Phase phase, SmtText t, State from, State to, String c) {
        switch (phase) {
            case FINISH -> finish(t, from, to, c);
            case RELEASE -> release(t, from, to, c);
            case DISPATCH -> dispatchStep(t, from, to, c);
            default -> throw new AssertionError(phase);
        }
    }

    private void finish(SmtText t, State from, State to, String c) {
        for (int p = 0; p < m.tpus(); p++) {
            String fin = t.declareBool(c + "_fin_" + p);
            t.assertTerm("(1) TPU " + p + " is freed if its job finishes now",
                    and(List.of(eq(to.own(p), ite(and(List.of(from.run(p), fin)), "(- 1)", from.own(p))),
                            eq(to.run(p), and(List.of(from.run(p), not(fin)))))));
        }
        for (int i = 0; i < m.taskCount(); i++) {
            t.assertTerm("(1) task " + m.names().get(i) + ": finishes change no pending job",
                    and(List.of(eq(to.n(i), from.n(i)), eq(to.h(i), from.h(i)))));
        }
        keepFlag(t, from, to);
    }

    private void release(SmtText t, State from, State to, String c) {
        for (int i = 0; i < m.taskCount(); i++) {
            String arr = t.declareInt(c + "_arr_" + i);
            t.assertTerm("(2) task " + m.names().get(i) + ": any number of releases now",
                    and(List.of(op(">=", arr, "0"), eq(to.n(i), op("+", from.n(i), arr)), eq(to.h(i), from.h(i)))));
        }
        for (int p = 0; p < m.tpus(); p++) {
            t.assertTerm("(2) TPU " + p + ": releases take no TPU", and(List.of(eq(to.own(p), from.own(p)),
                    eq(to.run(p), from.run(p)))));
        }
        keepFlag(t, from, to);
    }

    private void keepFlag(SmtText t, State from, State to) {
        if (target.isPresent()) {
            t.assertTerm("no start, no overtake", eq(to.ov(), from.ov()));
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

    private void dispatchStep(SmtText t, State d, State e, String c) {
        int n = m.taskCount();
        List<String> freeBelow = new ArrayList<>();
        if (m.global()) {
            // Prefix counts of free TPUs, named once per step: the lowest-index rule reads them all.
            freeBelow.add("0");
            for (int p = 0; p < m.tpus(); p++) {
                String fb = t.declareInt(c + "_freeBelow_" + (p + 1));
                t.assertTerm("dispatch " + c + ": free TPUs among 0.." + p, eq(fb, op("+", freeBelow.get(p),
                        ite(d.free(p), "1", "0"))));
                freeBelow.add(fb);
            }
        }
        List<String> pend = new ArrayList<>();
        List<String> fits = new ArrayList<>();
        List<String> cand = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pend.add(op(">=", d.n(i), "1"));
            fits.add(fits(d, i, freeBelow));
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
            started.add(begins);
        }
        for (int p = 0; p < m.tpus(); p++) {
            String own = d.own(p);
            String run = d.run(p);
            for (int i = n - 1; i >= 0; i--) {
                String takes = and(List.of(act.get(i), takes(d, i, p, freeBelow)));
                own = ite(takes, num(i), own);
                String runs = m.perTpu() ? (m.eligible(i, p) ? and(List.of(act.get(i), eq(d.h(i),
                        num(m.level()[i] - 1)))) : "false") : takes;
                run = ite(runs, "true", run);
            }
            t.assertTerm("dispatch " + c + ": TPU " + p, and(List.of(eq(e.own(p), own), eq(e.run(p), run))));
        }
        if (target.isPresent()) {
            // Pending counts only fall during a dispatch, so a job of the target still waiting at the end
            // of the instant waits after this step too: the flag includes every overtake (docs/smt.md).
            int j = target.getAsInt();
            List<String> lower = new ArrayList<>();
            for (int l = 0; l < n; l++) {
                if (l != j && lowerPriorityOverlapping(l, j)) {
                    lower.add(started.get(l));
                }
            }
            t.assertTerm("dispatch " + c + ": overtake, a lower-priority job starts on the TPUs of a waiting job of "
                    + m.names().get(j), eq(e.ov(), or(List.of(d.ov(), and(List.of(op(">=", e.n(j), "1"),
                            or(lower)))))));
        }
    }

    /** Whether task {@code i}'s first pending job could act now: its TPUs free, or its next lock free. */
    private String fits(State d, int i, List<String> freeBelow) {
        if (m.perTpu()) {
            List<String> c = new ArrayList<>();
            int[] order = m.lockOrder()[i];
            for (int j = 0; j < order.length; j++) {
                c.add(and(List.of(eq(d.h(i), num(j)), d.free(order[j]))));
            }
            return or(c);
        }
        if (m.global()) {
            return op(">=", freeBelow.get(m.tpus()), num(m.level()[i]));
        }
        List<String> c = new ArrayList<>();
        for (int p : m.bound()[i]) {
            c.add(d.free(p));
        }
        return and(c);
    }

    /** Whether task {@code i}, acting now, takes TPU {@code p}: global placement takes the lowest free ones. */
    private String takes(State d, int i, int p, List<String> freeBelow) {
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
            return and(List.of(d.free(p), op("<", freeBelow.get(p), num(m.level()[i]))));
        }
        return m.eligible(i, p) ? "true" : "false";
    }
}
