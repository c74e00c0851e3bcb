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

    /** The bound of a clock that no guard or invariant compares in that direction. */
    static final long NONE = -INF;

    /**
     * The lower/upper-bound abstraction Extra+_LU in integer form (docs/symbolic.md §6;
     * Behrmann, Bouyer, Larsen, Pelanek 2006): {@code lower[x]} is the largest constant of a
     * guard {@code x >= c}, {@code upper[x]} the largest of a guard or invariant {@code x <= c}
     * ({@link #NONE} when there is none). Entry {@code x_i - x_j <= c} is dropped when
     * {@code c > lower[i]}, when {@code x_i} surely exceeds {@code lower[i]}, or (for
     * {@code i != 0}) when {@code x_j} surely exceeds {@code upper[j]}; in that last case the
     * lower bound of {@code x_j} becomes {@code upper[j] + 1}. Index 0 must have bounds 0.
     */
    void extrapolate(long[] lower, long[] upper) {
        if (empty) {
            return;
        }
        long[] e = d.clone();
        for (int i = 0; i < n; i++) {
            long li = lower[i];
            boolean above = -d[i] > li;
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    continue;
                }
                long c = d[i * n + j];
                if (c >= INF) {
                    continue;
                }
                boolean jAbove = -d[j] > upper[j];
                if (i != 0 && (c > li || above || jAbove)) {
                    e[i * n + j] = INF;
                } else if (i == 0 && jAbove) {
                    e[j] = upper[j] < 0 ? 0 : -(upper[j] + 1);
                }
            }
        }
        if (!Arrays.equals(d, e)) {
            d = e;
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

    /**
     * Whether every point of this zone is simulated by a point of {@code other} (same clocks)
     * under the LU-simulation of docs/symbolic.md §5: {@code Z ⊆ a_LU(Z')} (Herbreteau,
     * Srivathsan, Walukiewicz 2012). A point {@code v} is simulated by {@code v'} when, per
     * clock, {@code v'} is smaller only above {@code lower} and larger only where {@code v}
     * is above {@code upper}; the points simulating {@code v} form a box, and a box misses the
     * canonical zone {@code Z'} exactly when one constraint {@code y - x <= Z'[y][x]} of
     * {@code Z'} cuts it off. Such a {@code v} exists in this zone exactly when
     * {@code Z[y][x] > Z'[y][x]} and the smallest {@code x} of this zone is at most
     * {@code min(upper[x], max(lower[y] + 1, 0) - Z'[y][x] - 1)}.
     */
    boolean simulatedBy(Dbm other, long[] lower, long[] upper) {
        if (empty) {
            return true;
        }
        if (other.empty) {
            return false;
        }
        long[] o = other.d;
        for (int x = 0; x < n; x++) {
            long minX = -d[x];
            if (minX > upper[x]) {
                continue;
            }
            for (int y = 0; y < n; y++) {
                long bound = o[y * n + x];
                if (y == x || bound >= INF || d[y * n + x] <= bound) {
                    continue;
                }
                long floorY = Math.max(lower[y] + 1, 0);
                if (minX <= floorY - bound - 1) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return empty ? "empty" : n + "x" + n + Arrays.toString(d);
    }
}
