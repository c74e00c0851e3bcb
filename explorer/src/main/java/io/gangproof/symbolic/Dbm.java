package io.gangproof.symbolic;

import java.util.Arrays;

/**
 * A difference-bound matrix over integer clocks (docs/symbolic.md §2): entry {@code (i, j)}
 * bounds {@code x_i - x_j <= d}; clock 0 is the constant 0. Every bound is an integer and
 * non-strict, so the integer points of the zone are exactly what the operations track.
 * Kept canonical (shortest paths) after every public operation; {@link #isEmpty} tells
 * whether the constraints have become unsatisfiable.
 */
final class Dbm {
    static final long INF = Long.MAX_VALUE / 4;

    private int n;
    private long[] d;
    private boolean empty;

    private Dbm(int n, long[] d) {
        this.n = n;
        this.d = d;
    }

    /** {@code clocks} clocks (plus the reference clock), all equal to 0. */
    static Dbm zero(int clocks) {
        int size = clocks + 1;
        return new Dbm(size, new long[size * size]);
    }

    Dbm copy() {
        Dbm c = new Dbm(n, d.clone());
        c.empty = empty;
        return c;
    }

    int dimension() {
        return n;
    }

    boolean isEmpty() {
        return empty;
    }

    long get(int i, int j) {
        return d[i * n + j];
    }

    /** The largest value clock {@code x} takes in the zone, or {@link #INF}. */
    long upper(int x) {
        return d[x * n];
    }

    /** The smallest value clock {@code x} takes in the zone. */
    long lower(int x) {
        return -d[x];
    }

    private static long add(long a, long b) {
        return a >= INF || b >= INF ? INF : Math.addExact(a, b);
    }

    /** Adds {@code x_i - x_j <= c} and restores canonical form in O(n^2). */
    void constrain(int i, int j, long c) {
        if (empty || c >= d[i * n + j]) {
            return;
        }
        if (add(c, d[j * n + i]) < 0) {
            empty = true;
            return;
        }
        d[i * n + j] = c;
        for (int k = 0; k < n; k++) {
            long ki = d[k * n + i];
            if (ki >= INF) {
                continue;
            }
            long via = add(ki, c);
            for (int l = 0; l < n; l++) {
                long v = add(via, d[j * n + l]);
                if (v < d[k * n + l]) {
                    d[k * n + l] = v;
                }
            }
        }
    }

    /** {@code x <= c}. */
    void atMost(int x, long c) {
        constrain(x, 0, c);
    }

    /** {@code x >= c}. */
    void atLeast(int x, long c) {
        constrain(0, x, -c);
    }

    /** {@code x == c}. */
    void equal(int x, long c) {
        atMost(x, c);
        atLeast(x, c);
    }

    /** Lets any number of ticks pass (canonical form is kept: only upper bounds disappear). */
    void up() {
        for (int i = 1; i < n; i++) {
            d[i * n] = INF;
        }
    }

    /** {@code x := 0}. */
    void reset(int x) {
        for (int j = 0; j < n; j++) {
            d[x * n + j] = d[j];
            d[j * n + x] = d[j * n];
        }
        d[x * n + x] = 0;
    }

    /** Forgets everything about {@code x} but {@code x >= 0}. */
    void free(int x) {
        for (int j = 0; j < n; j++) {
            d[x * n + j] = INF;
            d[j * n + x] = d[j * n];
        }
        d[x * n + x] = 0;
        d[x] = 0;
    }

    /** Inserts {@code count} clocks equal to 0 before clock {@code at}. */
    void insert(int at, int count) {
        int m = n + count;
        long[] e = new long[m * m];
        for (int i = 0; i < m; i++) {
            int si = i < at ? i : i >= at + count ? i - count : 0;
            for (int j = 0; j < m; j++) {
                int sj = j < at ? j : j >= at + count ? j - count : 0;
                e[i * m + j] = d[si * n + sj];
            }
        }
        n = m;
        d = e;
        for (int x = at; x < at + count; x++) {
            reset(x);
        }
    }

    /** Removes clocks {@code at .. at + count - 1} (the projection of the zone onto the others). */
    void remove(int at, int count) {
        int m = n - count;
        long[] e = new long[m * m];
        for (int i = 0; i < m; i++) {
            int si = i < at ? i : i + count;
            for (int j = 0; j < m; j++) {
                int sj = j < at ? j : j + count;
                e[i * m + j] = d[si * n + sj];
            }
        }
        n = m;
        d = e;
    }

    /**
     * The maximal-bound abstraction Extra_M in integer form (docs/symbolic.md §6):
     * {@code x_i - x_j <= c} with {@code c > M(x_i)} is dropped, and with {@code -c > M(x_j)}
     * weakened to {@code <= -(M(x_j) + 1)}. {@code bound[0]} must be 0.
     */
    void extrapolate(long[] bound) {
        if (empty) {
            return;
        }
        boolean changed = false;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    continue;
                }
                long c = d[i * n + j];
                if (c >= INF) {
                    continue;
                }
                if (c > bound[i]) {
                    d[i * n + j] = INF;
                    changed = true;
                } else if (-c > bound[j]) {
                    d[i * n + j] = -(bound[j] + 1);
                    changed = true;
                }
            }
        }
        if (changed) {
            close();
        }
    }

    /** Floyd-Warshall. */
    private void close() {
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                long ik = d[i * n + k];
                if (ik >= INF) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    long v = add(ik, d[k * n + j]);
                    if (v < d[i * n + j]) {
                        d[i * n + j] = v;
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (d[i * n + i] < 0) {
                empty = true;
                return;
            }
        }
    }

    /** Whether every point of this zone is a point of {@code other} (same clocks). */
    boolean includedIn(Dbm other) {
        if (empty) {
            return true;
        }
        long[] o = other.d;
        for (int k = 0; k < d.length; k++) {
            if (d[k] > o[k]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return empty ? "empty" : n + "x" + n + Arrays.toString(d);
    }
}
