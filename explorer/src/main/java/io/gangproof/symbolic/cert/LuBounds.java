package io.gangproof.symbolic.cert;

import io.gangproof.spec.Policy;
import io.gangproof.symbolic.cert.ZoneGraphFile.Job;
import io.gangproof.symbolic.cert.ZoneGraphFile.Status;
import java.util.Arrays;
import java.util.List;

/**
 * The checker's own lower and upper bounds of the LU-simulation (docs/symbolic.md §12), derived
 * from the spec and the checker's one-step relation ({@link OneStep}, {@link Dispatch},
 * {@link Violations}), never read from the certificate. Per discrete part, {@code lower[x]} is at
 * least every {@code c} of a guard or violation check {@code x >= c} (equivalently {@code x > c - 1})
 * that clock {@code x} can meet before its next reset, {@code upper[x]} at least every {@code c} of a
 * guard or invariant {@code x <= c}; {@link #ABSENT} when there is none. Along every step that does
 * not reset a clock its bounds never grow, so the bounds of the state a step leaves cover the
 * guards of every later state until the reset.
 */
record LuBounds(long[] lower, long[] upper) {
    /** No guard of that kind compares the clock. */
    static final long ABSENT = Long.MIN_VALUE;

    static LuBounds of(CheckedModel m, List<ZoneGraphFile.Prop> props, boolean[] arrived, List<Job> jobs) {
        int n = 2 + m.tasks + 2 * jobs.size();
        long[] lo = new long[n];
        long[] up = new long[n];
        Arrays.fill(lo, ABSENT);
        Arrays.fill(up, ABSENT);
        lo[0] = 0;
        up[0] = 0;
        // z: only "z >= 1" (every event after a dispatch); the dispatch resets it.
        lo[m.z()] = 1;
        for (int i = 0; i < m.tasks; i++) {
            int c = m.taskClock(i);
            if (arrived[i]) {
                // Next arrival "c >= T"; periodic invariant "c <= T" (dispatch guard "c <= T - 1").
                lo[c] = m.period[i];
                up[c] = m.sporadic[i] ? ABSENT : m.period[i];
            } else if (m.known[i]) {
                // First arrival "c >= O", invariant "c <= O".
                lo[c] = m.offset[i];
                up[c] = m.offset[i];
            } else if (!m.sporadic[i]) {
                // Unknown offset: invariant "c <= T - 1", no lower guard.
                up[c] = m.period[i] - 1;
            }
        }
        long ageLower = ageLower(m, props);
        for (int q = 0; q < jobs.size(); q++) {
            Job j = jobs.get(q);
            int age = m.age(q);
            lo[age] = ageLower;
            up[age] = orderUpper(m, j.task());
            if (j.status() == Status.ARRIVED) {
                // Release invariant "age <= J" (dispatch guard "age <= J - 1").
                up[age] = Math.max(up[age], m.jitter[j.task()]);
            }
            int p = m.phase(q);
            if (j.status() == Status.RUNNING) {
                // Completion "p >= lo", invariant "p <= hi"; a start resets p.
                lo[p] = j.lo();
                up[p] = j.hi();
            } else if (j.inverting()) {
                // The inversion check "p > B"; the job's start or the end of its inversion resets or frees p.
                lo[p] = Math.addExact(inversionBound(props, j.task()), 1);
            }
        }
        return new LuBounds(lo, up);
    }

    /**
     * One constant for every age clock: the deadline check "age > D" of every task, every
     * response check "age > R", and the pending-order guards at an arrival (FIFO "age >= 1",
     * EDF "age >= D_k - D_i + 1"). An age is reset by nothing, so its bound must not depend on state.
     */
    private static long ageLower(CheckedModel m, List<ZoneGraphFile.Prop> props) {
        long b = 1;
        for (int k = 0; k < m.tasks; k++) {
            b = Math.max(b, Math.addExact(m.deadline[k], 1));
        }
        for (ZoneGraphFile.Prop p : props) {
            if (p.check() == ZoneGraphFile.Check.RESPONSE) {
                b = Math.max(b, Math.addExact(p.bound(), 1));
            }
        }
        return b;
    }

    /** The pending-order guards "age <= c" at a later arrival: FIFO 0, EDF the largest {@code D_k - D_i}, FP none. */
    private static long orderUpper(CheckedModel m, int k) {
        if (m.policy == Policy.FIFO) {
            return 0;
        }
        if (m.policy != Policy.EDF) {
            return ABSENT;
        }
        long b = ABSENT;
        for (int i = 0; i < m.tasks; i++) {
            b = Math.max(b, Math.subtractExact(m.deadline[k], m.deadline[i]));
        }
        return b;
    }

    private static long inversionBound(List<ZoneGraphFile.Prop> props, int task) {
        long b = 0;
        for (ZoneGraphFile.Prop p : props) {
            if (p.check() == ZoneGraphFile.Check.INVERSION && p.task() == task) {
                b = Math.max(b, p.bound());
            }
        }
        return b;
    }
}
