package io.gangproof.symbolic;

import java.util.Arrays;

/**
 * A symbolic state: the discrete part and a zone (docs/symbolic.md §1). Clock layout of
 * the zone: 0 the reference, 1 {@code z}, then one clock per task, then {@code extras}
 * clocks used only when a path is replayed (never during the search), then two per job in
 * pending order: its age and its phase clock {@code p}.
 */
final class SymbolicState {
    static final int Z = 1;

    final boolean[] arrived;
    final Job[] jobs;
    /** Per TPU the DNN it last ran (-1: none); empty when no DNN has a reload time. */
    final int[] lastDnn;
    final boolean settled;
    /** The key of the last event taken at the current instant (§4); -1 when settled. */
    final int lastKey;
    final Dbm zone;
    final int extras;

    SymbolicState(boolean[] arrived, Job[] jobs, int[] lastDnn, boolean settled, int lastKey, Dbm zone, int extras) {
        this.arrived = arrived;
        this.jobs = jobs;
        this.lastDnn = lastDnn;
        this.settled = settled;
        this.lastKey = lastKey;
        this.zone = zone;
        this.extras = extras;
    }

    static int taskClock(int task) {
        return 2 + task;
    }

    int jobBase(int tasks) {
        return 2 + tasks + extras;
    }

    int age(int tasks, int pos) {
        return jobBase(tasks) + 2 * pos;
    }

    int phase(int tasks, int pos) {
        return jobBase(tasks) + 2 * pos + 1;
    }

    long busy() {
        long b = 0;
        for (Job j : jobs) {
            b |= j.held();
        }
        return b;
    }

    /** The discrete part, for hashing and equality of the passed list. */
    Key key() {
        int[] k = new int[4 + arrived.length + lastDnn.length + 10 * jobs.length];
        int i = 0;
        k[i++] = settled ? 1 : 0;
        k[i++] = lastKey;
        k[i++] = jobs.length;
        k[i++] = extras;
        for (boolean a : arrived) {
            k[i++] = a ? 1 : 0;
        }
        for (int d : lastDnn) {
            k[i++] = d;
        }
        for (Job j : jobs) {
            k[i++] = j.task();
            k[i++] = j.status().ordinal();
            k[i++] = (int) j.held();
            k[i++] = (int) (j.held() >>> 32);
            k[i++] = Math.toIntExact(j.lo());
            k[i++] = Math.toIntExact(j.hi());
            k[i++] = Math.toIntExact(j.reload());
            k[i++] = j.inverting() ? 1 : 0;
            k[i++] = j.overtakes();
            k[i++] = j.tie() ? 1 : 0;
        }
        return new Key(k);
    }

    /** The discrete part as an array with value equality. */
    record Key(int[] value) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(value, k.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }
    }
}
