package io.gangproof.smt.induction;

/**
 * The symbols of one abstract scheduler state (docs/smt.md, "state"). Per task {@code i}:
 * {@code n_i}, the released jobs not yet started (an unbounded Int), and {@code h_i}, the
 * locks held by its first such job (per-TPU protocols; 0 otherwise). Per TPU {@code p}:
 * {@code own_p}, the task holding it or -1 when free, and {@code run_p}, whether the holder
 * executes there (false while a per-TPU job holds the lock and waits). {@code ov} is set once a
 * job of the property's task has been overtaken (only with an {@code overtakes} goal).
 * No absolute time is kept: the relation does not need it (docs/smt.md, "abstraction").
 */
record State(String prefix, int tasks, int tpus, boolean flag) {
    String n(int i) {
        return prefix + "_n_" + i;
    }

    String h(int i) {
        return prefix + "_h_" + i;
    }

    String own(int p) {
        return prefix + "_own_" + p;
    }

    String run(int p) {
        return prefix + "_run_" + p;
    }

    String ov() {
        return prefix + "_ov";
    }

    String free(int p) {
        return SmtText.eq(own(p), "(- 1)");
    }

    void declare(SmtText s) {
        s.comment("state " + prefix);
        for (int i = 0; i < tasks; i++) {
            s.declareInt(n(i));
            s.declareInt(h(i));
        }
        for (int p = 0; p < tpus; p++) {
            s.declareInt(own(p));
            s.declareBool(run(p));
        }
        if (flag) {
            s.declareBool(ov());
        }
    }

    /** A state of the same shape named {@code prefix}. */
    State named(String other) {
        return new State(other, tasks, tpus, flag);
    }
}
