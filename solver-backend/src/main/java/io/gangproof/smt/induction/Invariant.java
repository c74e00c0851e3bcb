package io.gangproof.smt.induction;

import static io.gangproof.smt.induction.SmtText.and;
import static io.gangproof.smt.induction.SmtText.eq;
import static io.gangproof.smt.induction.SmtText.implies;
import static io.gangproof.smt.induction.SmtText.not;
import static io.gangproof.smt.induction.SmtText.num;
import static io.gangproof.smt.induction.SmtText.op;
import static io.gangproof.smt.induction.SmtText.or;

import java.util.ArrayList;
import java.util.List;

/**
 * The lemmas that strengthen a safety goal into an inductive invariant (docs/smt.md):
 * well-formedness of the state, and the protocol lemmas of semantics §6a: under an
 * all-or-nothing protocol a job holds TPUs only once it has started; under a per-TPU protocol
 * the TPUs a waiting job holds are exactly the first {@code h} of its lock order.
 */
final class Invariant {
    private Invariant() {
    }

    static List<Lemma> lemmas(ProtocolModel m) {
        List<Lemma> l = new ArrayList<>();
        int n = m.taskCount();
        l.add(new Lemma("counts", "pending counts are never negative", s -> {
            List<String> c = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                c.add(op(">=", s.n(i), "0"));
            }
            return and(c);
        }));
        l.add(new Lemma("owners", "a TPU is free (-1) or held by a task that may use it, and a free TPU runs nothing",
                s -> {
                    List<String> c = new ArrayList<>();
                    for (int p = 0; p < m.tpus(); p++) {
                        List<String> owner = new ArrayList<>();
                        owner.add(s.free(p));
                        for (int i = 0; i < n; i++) {
                            if (m.eligible(i, p)) {
                                owner.add(eq(s.own(p), num(i)));
                            }
                        }
                        c.add(or(owner));
                        c.add(implies(s.free(p), not(s.run(p))));
                    }
                    return and(c);
                }));
        if (!m.perTpu()) {
            l.add(new Lemma("gang-holds-only-started", "all-or-nothing: a job holds TPUs only once it has started "
                    + "(every held TPU runs its holder, no lock is held while waiting)", s -> {
                        List<String> c = new ArrayList<>();
                        for (int i = 0; i < n; i++) {
                            c.add(eq(s.h(i), "0"));
                        }
                        for (int p = 0; p < m.tpus(); p++) {
                            c.add(implies(not(s.free(p)), s.run(p)));
                        }
                        return and(c);
                    }));
            return l;
        }
        l.add(new Lemma("locks-held-by-first-job", "per-TPU: 0 <= h < k locks held by a task's first pending job, "
                + "which exists when h > 0", s -> {
                    List<String> c = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        c.add(op("<=", "0", s.h(i)));
                        c.add(op("<", s.h(i), num(m.level()[i])));
                        c.add(implies(op(">=", s.h(i), "1"), op(">=", s.n(i), "1")));
                    }
                    return and(c);
                }));
        l.add(new Lemma("held-prefix-of-lock-order", "per-TPU: the TPUs a task holds while its job waits are exactly "
                + "the first h of its lock order", s -> {
                    List<String> c = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        int[] order = m.lockOrder()[i];
                        for (int j = 0; j < order.length; j++) {
                            String heldWaiting = and(List.of(eq(s.own(order[j]), num(i)), not(s.run(order[j]))));
                            c.add(eq(op(">", s.h(i), num(j)), heldWaiting));
                        }
                    }
                    return and(c);
                }));
        return l;
    }

    /** The conjunction of {@code lemmas} and {@code goal} at state {@code s}. */
    static String at(List<Lemma> lemmas, State s) {
        List<String> c = new ArrayList<>();
        for (Lemma l : lemmas) {
            c.add(l.formula().apply(s));
        }
        return and(c);
    }
}
