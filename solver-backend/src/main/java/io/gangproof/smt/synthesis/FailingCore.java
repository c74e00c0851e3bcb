package io.gangproof.smt.synthesis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Deletion, as the global and pinned syntheses shrink a failing candidate before they block it:
 * drop a task whenever the rest still fails genuinely. The result fails and so does every
 * superset (the checks are monotone in the task set); every intermediate set fails too, so
 * stopping at the deadline stays sound.
 */
final class FailingCore {
    private FailingCore() {
    }

    /** A subset of {@code failing} (task indices) that still {@code fails}, minimal w.r.t. deletion unless the deadline came first. */
    static List<Integer> shrink(List<Integer> failing, long deadlineNanos, Predicate<List<Integer>> fails) {
        List<Integer> core = new ArrayList<>(failing);
        for (int i = 0; i < core.size() && core.size() > 1 && System.nanoTime() < deadlineNanos; ) {
            List<Integer> rest = new ArrayList<>(core);
            rest.remove(i);
            if (fails.test(rest)) {
                core = rest;
            } else {
                i++;
            }
        }
        return core;
    }

    /** The indices {@code 0..n-1}. */
    static List<Integer> all(int n) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        return all;
    }
}
