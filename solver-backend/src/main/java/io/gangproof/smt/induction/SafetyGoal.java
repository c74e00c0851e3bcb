package io.gangproof.smt.induction;

import static io.gangproof.smt.induction.SmtText.and;
import static io.gangproof.smt.induction.SmtText.eq;
import static io.gangproof.smt.induction.SmtText.implies;
import static io.gangproof.smt.induction.SmtText.not;
import static io.gangproof.smt.induction.SmtText.num;
import static io.gangproof.smt.induction.SmtText.or;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * A property of semantics §7 as a set of bad abstract states: a reachable state outside it is
 * what the induction must exclude. {@code deadlock-free}: some non-empty set of tasks whose
 * first jobs each hold a TPU while waiting, each for a TPU held the same way by another of the
 * set (semantics §7, with the wait made precise per protocol). {@code overtakes(i) <= 0}: the
 * flag {@code ov} the relation sets when a lower-priority job starts on an eligible TPU of a
 * waiting job of {@code i} (semantics §7, §9).
 */
record SafetyGoal(String describe, OptionalInt target) {

    static SafetyGoal deadlockFree() {
        return new SafetyGoal("deadlock-free", OptionalInt.empty());
    }

    static SafetyGoal notOvertaken(int task, String name) {
        return new SafetyGoal("overtakes(" + name + ") <= 0", OptionalInt.of(task));
    }

    /** The goal's own conjunct of the invariant, if it is a state formula. */
    List<Lemma> lemmas() {
        if (target.isEmpty()) {
            return List.of();
        }
        return List.of(new Lemma("never-overtaken", "no job of the task has been overtaken", s -> not(s.ov())));
    }

    /** The bad states at {@code s}; declares the witness set of a deadlock, named after {@code s}. */
    String bad(SmtText t, ProtocolModel m, State s) {
        if (target.isPresent()) {
            return s.ov();
        }
        int n = m.taskCount();
        List<String> in = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            in.add(t.declareBool(s.prefix() + "_inCycle_" + i));
        }
        List<String> c = new ArrayList<>();
        c.add(or(in));
        for (int i = 0; i < n; i++) {
            List<String> holdsWaiting = new ArrayList<>();
            for (int p : m.eligible(i)) {
                holdsWaiting.add(heldWaitingBy(s, p, i));
            }
            c.add(implies(in.get(i), and(List.of(or(holdsWaiting), waitsOnSet(m, s, i, in)))));
        }
        return and(c);
    }

    /** Task {@code i}'s waiting job wants a TPU held, while waiting, by another task of the set. */
    private static String waitsOnSet(ProtocolModel m, State s, int i, List<String> in) {
        List<String> c = new ArrayList<>();
        if (m.perTpu()) {
            // Per-TPU: it waits for exactly its next lock, lockOrder[h].
            int[] order = m.lockOrder()[i];
            for (int j = 0; j < order.length; j++) {
                c.add(and(List.of(eq(s.h(i), num(j)), heldByAnother(m, s, order[j], i, in))));
            }
        } else {
            // All-or-nothing: any TPU it may use (a superset of the TPUs it waits for).
            for (int p : m.eligible(i)) {
                c.add(heldByAnother(m, s, p, i, in));
            }
        }
        return or(c);
    }

    private static String heldByAnother(ProtocolModel m, State s, int p, int i, List<String> in) {
        List<String> c = new ArrayList<>();
        for (int l = 0; l < m.taskCount(); l++) {
            if (l != i && m.eligible(l, p)) {
                c.add(and(List.of(in.get(l), heldWaitingBy(s, p, l))));
            }
        }
        return or(c);
    }

    private static String heldWaitingBy(State s, int p, int i) {
        return and(List.of(eq(s.own(p), num(i)), not(s.run(p))));
    }
}
