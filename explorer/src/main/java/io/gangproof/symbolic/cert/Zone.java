package io.gangproof.symbolic.cert;

/**
 * The certificate checker's own zone: a difference-bound matrix over integer clocks, written
 * apart from the engine's. Entry {@code b[i][j]} bounds {@code x_i - x_j <= b[i][j]}; clock 0
 * is the constant 0 and {@link #NONE} means no bound. Operations only add constraints or
 * change clocks; {@link #close} (Floyd-Warshall over exact, overflow-checked sums) makes the
 * matrix canonical and finds emptiness. Inclusion is entry-wise on canonical matrices: with
 * integer bounds every canonical bound is reached by an integer point, so this is inclusion
 * of the integer points.
 */
final class Zone {
    static final long NONE = Long.MAX_VALUE;

    final long[][] b;
    private boolean empty;

    Zone(long[][] b) {
        this.b = b;
    }

    int size() {
        return b.length;
    }

    Zone copy() {
        long[][] c = new long[b.length][];
        for (int i = 0; i < b.length; i++) {
            c[i] = b[i].clone();
        }
        Zone z = new Zone(c);
        z.empty = empty;
        return z;
    }

    boolean empty() {
        return empty;
    }

    private static long plus(long x, long y) {
        return x == NONE || y == NONE ? NONE : Math.addExact(x, y);
    }

    /** Shortest paths; a negative cycle means no point satisfies the constraints. */
    Zone close() {
        int n = b.length;
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                if (b[i][k] == NONE) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    long v = plus(b[i][k], b[k][j]);
                    if (v < b[i][j]) {
                        b[i][j] = v;
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (b[i][i] < 0) {
                empty = true;
            }
        }
        return this;
    }

    /** Whether the matrix is already canonical (closing it changes nothing) and not empty. */
    boolean canonical() {
        Zone c = copy().close();
        if (c.empty) {
            return false;
        }
        for (int i = 0; i < b.length; i++) {
            if (b[i][i] != 0 || !java.util.Arrays.equals(b[i], c.b[i])) {
                return false;
            }
        }
        return true;
    }

    /** {@code x_i - x_j <= c}; canonical form is restored by the caller with {@link #close}. */
    void bound(int i, int j, long c) {
        if (c < b[i][j]) {
            b[i][j] = c;
        }
    }

    void atMost(int x, long c) {
        bound(x, 0, c);
    }

    void atLeast(int x, long c) {
        bound(0, x, -c);
    }

    /** Every clock but the reference advances by the same amount (on a canonical zone). */
    void elapse() {
        for (int i = 1; i < b.length; i++) {
            b[i][0] = NONE;
        }
    }

    /** {@code x := 0} (on a canonical zone). */
    void reset(int x) {
        for (int j = 0; j < b.length; j++) {
            b[x][j] = b[0][j];
            b[j][x] = b[j][0];
        }
        b[x][x] = 0;
    }

    /** Forgets {@code x} but {@code x >= 0} (on a canonical zone). */
    void forget(int x) {
        for (int j = 0; j < b.length; j++) {
            b[x][j] = NONE;
            b[j][x] = b[j][0];
        }
        b[x][x] = 0;
        b[0][x] = 0;
    }

    /** Removes clocks {@code from .. from + count - 1} (projection; a canonical zone stays canonical). */
    Zone without(int from, int count) {
        int m = b.length - count;
        long[][] c = new long[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                c[i][j] = b[i < from ? i : i + count][j < from ? j : j + count];
            }
        }
        Zone z = new Zone(c);
        z.empty = empty;
        return z;
    }

    /** Adds {@code count} clocks equal to 0 before clock {@code at} (on a canonical zone). */
    Zone with(int at, int count) {
        int m = b.length + count;
        long[][] c = new long[m][m];
        for (int i = 0; i < m; i++) {
            int si = i < at ? i : i >= at + count ? i - count : 0;
            for (int j = 0; j < m; j++) {
                int sj = j < at ? j : j >= at + count ? j - count : 0;
                c[i][j] = b[si][sj];
            }
        }
        Zone z = new Zone(c);
        z.empty = empty;
        return z;
    }

    /** The largest value of {@code x}, or {@link #NONE}. */
    long max(int x) {
        return b[x][0];
    }

    /** Both canonical, same clocks: every integer point of this one lies in {@code other}. */
    boolean within(Zone other) {
        if (empty) {
            return true;
        }
        if (other.empty || other.b.length != b.length) {
            return false;
        }
        for (int i = 0; i < b.length; i++) {
            for (int j = 0; j < b.length; j++) {
                if (b[i][j] > other.b[i][j]) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Both canonical, same clocks: every integer point of this zone is LU-simulated by some point
     * of {@code other} (docs/symbolic.md §12). A point {@code w} simulates {@code v} when per clock
     * {@code w(x) >= min(v(x), L(x) + 1)} and {@code w(x) <= v(x)} unless {@code v(x) > U(x)}: a box
     * around {@code v}. A box misses the canonical {@code other} exactly when one of its entries
     * {@code x_y - x_x <= other[y][x]} cuts it off, that is {@code min(v(y), L(y) + 1) - v(x) >
     * other[y][x]} with {@code v(x) <= U(x)}. Such a {@code v} exists in this zone exactly when
     * {@code this[y][x] > other[y][x]} and the smallest {@code x} here is at most
     * {@code min(U(x), L(y) + 1 - other[y][x] - 1)}: adding both constraints to a canonical zone
     * empties it only through a cycle with one of them.
     */
    boolean simulatedBy(Zone other, LuBounds lu) {
        if (empty) {
            return true;
        }
        if (other.empty || other.b.length != b.length) {
            return false;
        }
        for (int y = 0; y < b.length; y++) {
            for (int x = 0; x < b.length; x++) {
                if (x == y || other.b[y][x] == NONE || b[y][x] <= other.b[y][x]) {
                    continue;
                }
                if (x != 0 && lu.upper()[x] == LuBounds.ABSENT) {
                    continue;
                }
                long least = -b[0][x];
                long reach = Math.subtractExact(boxFloor(y, lu), Math.addExact(other.b[y][x], 1));
                if (least <= reach && (x == 0 || least <= lu.upper()[x])) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The point {@code v} (clocks not {@code used} are free) is LU-simulated by some point of
     * this canonical zone: no entry of the zone cuts off the box of {@link #simulatedBy}.
     */
    boolean simulates(long[] v, boolean[] used, LuBounds lu) {
        if (empty) {
            return false;
        }
        for (int y = 0; y < b.length; y++) {
            for (int x = 0; x < b.length; x++) {
                if (x == y || !used[x] || !used[y] || b[y][x] == NONE) {
                    continue;
                }
                if (x != 0 && (lu.upper()[x] == LuBounds.ABSENT || v[x] > lu.upper()[x])) {
                    continue;
                }
                long floor = y == 0 ? 0 : Math.min(v[y], boxFloor(y, lu));
                if (Math.subtractExact(floor, v[x]) > b[y][x]) {
                    return false;
                }
            }
        }
        return true;
    }

    /** {@code max(L(y) + 1, 0)}: below it a simulating point may not go; 0 for the reference clock. */
    private static long boxFloor(int y, LuBounds lu) {
        long l = lu.lower()[y];
        return y == 0 || l == LuBounds.ABSENT ? 0 : Math.max(Math.addExact(l, 1), 0);
    }
}
