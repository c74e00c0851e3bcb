package io.gangproof.symbolic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The LU-simulation test and Extra+_LU of docs/symbolic.md §5-§6 against brute force on
 * small zones of three clocks: the integer points of every zone lie in {@code [0, 6]}, so
 * simulation can be decided by enumerating them.
 */
class DbmSimulationTest {
    private static final int CLOCKS = 3;
    private static final int MAX = 6;

    /** One constraint {@code x_i - x_j <= c}. */
    record Constraint(int i, int j, int c) {
    }

    record Case(List<Constraint> z, List<Constraint> other, long[] lower, long[] upper) {
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Constraint> constraint = Combinators.combine(Arbitraries.integers().between(0, CLOCKS),
                Arbitraries.integers().between(0, CLOCKS), Arbitraries.integers().between(-4, MAX))
                .as(Constraint::new).filter(c -> c.i() != c.j());
        Arbitrary<long[]> bounds = Arbitraries.longs().between(-1, MAX - 1).array(long[].class).ofSize(CLOCKS + 1)
                .map(b -> {
                    b[0] = 0;
                    for (int k = 1; k < b.length; k++) {
                        b[k] = b[k] < 0 ? Dbm.NONE : b[k];
                    }
                    return b;
                });
        return Combinators.combine(constraint.list().ofMaxSize(4), constraint.list().ofMaxSize(4), bounds, bounds)
                .as(Case::new);
    }

    @Property(tries = 300)
    void simulatedByAgreesWithEnumeration(@ForAll("cases") Case c) {
        Dbm z = zone(c.z());
        Dbm other = zone(c.other());
        boolean expected = true;
        for (int[] v : points(z)) {
            expected &= points(other).stream().anyMatch(w -> simulates(w, v, c.lower(), c.upper()));
        }
        assertThat(z.simulatedBy(other, c.lower(), c.upper())).as("%s in %s", z, other).isEqualTo(expected);
    }

    @Property(tries = 300)
    void extrapolationOnlyAddsSimulatedPoints(@ForAll("cases") Case c) {
        Dbm z = zone(c.z());
        Dbm extra = z.copy();
        extra.extrapolate(c.lower(), c.upper());
        List<int[]> original = points(z);
        for (int[] v : points(extra, MAX + 3)) {
            assertThat(original.stream().anyMatch(w -> simulates(w, v, c.lower(), c.upper())))
                    .as("%s from %s", java.util.Arrays.toString(v), z).isTrue();
        }
        assertThat(z.simulatedBy(extra, c.lower(), c.upper())).isTrue();
        assertThat(extra.simulatedBy(z, c.lower(), c.upper())).isTrue();
    }

    private static Dbm zone(List<Constraint> cs) {
        Dbm z = Dbm.zero(CLOCKS);
        for (int x = 1; x <= CLOCKS; x++) {
            z.free(x);
            z.atMost(x, MAX);
        }
        for (Constraint c : cs) {
            z.constrain(c.i(), c.j(), c.c());
        }
        return z;
    }

    /** Whether {@code w} simulates {@code v}: per clock smaller only above L, larger only where v is above U. */
    private static boolean simulates(int[] w, int[] v, long[] lower, long[] upper) {
        for (int x = 1; x <= CLOCKS; x++) {
            if (w[x] < v[x] && w[x] <= lower[x]) {
                return false;
            }
            if (w[x] > v[x] && v[x] <= upper[x]) {
                return false;
            }
        }
        return true;
    }

    private static List<int[]> points(Dbm z) {
        return points(z, MAX);
    }

    private static List<int[]> points(Dbm z, int max) {
        List<int[]> out = new java.util.ArrayList<>();
        if (z.isEmpty()) {
            return out;
        }
        int[] v = new int[CLOCKS + 1];
        while (true) {
            if (contains(z, v)) {
                out.add(v.clone());
            }
            int k = 1;
            while (k <= CLOCKS && ++v[k] > max) {
                v[k++] = 0;
            }
            if (k > CLOCKS) {
                return out;
            }
        }
    }

    private static boolean contains(Dbm z, int[] v) {
        for (int i = 0; i <= CLOCKS; i++) {
            for (int j = 0; j <= CLOCKS; j++) {
                long b = z.get(i, j);
                if (b < Dbm.INF && v[i] - v[j] > b) {
                    return false;
                }
            }
        }
        return true;
    }
}
