package io.gangproof.analysis;

import io.gangproof.spec.Fraction;

/**
 * An exact running sum of {@code C / T} that stays in {@code long} arithmetic while it fits and
 * moves to {@link Fraction} (BigInteger) when it would overflow: the overload checks run once per
 * task, and BigInteger on every one of them made the fast path several times slower. Below 1 it
 * is not even reduced: terms wait in {@code pending} while {@code upper}, the sum of
 * {@code ceil(C 2^32 / T)}, an upper bound of {@code 2^32} times the sum, stays below {@code 2^32}
 * (the sum is then below 1, whatever its exact value); a gcd per term was a twentieth of
 * partitioned fp.
 */
final class Utilisation {
    private static final long ONE = 1L << 32;
    private long num;
    private long den = 1;
    private Fraction big;
    /** Terms {@code C, T} not yet in {@code num / den}, as pairs. */
    private long[] pending = new long[8];
    private int pendingLength;
    /** {@code sum ceil(C 2^32 / T)} over the pending terms, or {@code ONE} (no proof) once that bound fails. */
    private long upper;

    Utilisation copy() {
        Utilisation u = new Utilisation();
        u.num = num;
        u.den = den;
        u.big = big;
        u.pending = pending.clone();
        u.pendingLength = pendingLength;
        u.upper = upper;
        return u;
    }

    Utilisation add(long c, long t) {
        if (upper < ONE) {
            long term = c >= 0 && c < (1L << 31) && t > 0 ? ceilDiv(c << 32, t) : ONE;
            upper = term >= ONE ? ONE : Math.min(ONE, upper + term);
        }
        if (upper < ONE) {
            if (pendingLength == pending.length) {
                pending = java.util.Arrays.copyOf(pending, pendingLength * 2);
            }
            pending[pendingLength++] = c;
            pending[pendingLength++] = t;
            return this;
        }
        fold();
        return exactly(c, t);
    }

    /** Adds the pending terms to the exact sum. */
    private void fold() {
        for (int x = 0; x < pendingLength; x += 2) {
            exactly(pending[x], pending[x + 1]);
        }
        pendingLength = 0;
    }

    private Utilisation exactly(long c, long t) {
        if (big == null) {
            try {
                long g = gcd(den, t);
                long newDen = Math.multiplyExact(den / g, t);
                long newNum = Math.addExact(Math.multiplyExact(num, t / g), Math.multiplyExact(c, den / g));
                long r = gcd(newNum, newDen);
                num = newNum / r;
                den = newDen / r;
                return this;
            } catch (ArithmeticException overflow) {
                big = Fraction.of(num, den);
            }
        }
        big = big.plus(Fraction.of(c, t));
        return this;
    }

    /** Negative, zero or positive as the sum is below, equal to or above 1. */
    int compareToOne() {
        if (upper < ONE) {
            return -1;
        }
        if (big != null) {
            return big.compareTo(Fraction.of(1, 1));
        }
        return Long.compare(num, den);
    }

    @Override
    public String toString() {
        fold();
        return big != null ? big.toString() : Fraction.of(num, den).toString();
    }

    /** {@code ceil(a / b)} for {@code a >= 0}, {@code b >= 1}. */
    private static long ceilDiv(long a, long b) {
        return a / b + (a % b == 0 ? 0 : 1);
    }

    /** Binary gcd of {@code a, b >= 0} (shifts instead of divisions), 1 for {@code gcd(0, 0)}. */
    private static long gcd(long a, long b) {
        if (a == 0 || b == 0) {
            return a + b == 0 ? 1 : a + b;
        }
        int shift = Long.numberOfTrailingZeros(a | b);
        a >>= Long.numberOfTrailingZeros(a);
        while (b != 0) {
            b >>= Long.numberOfTrailingZeros(b);
            if (a > b) {
                long x = a;
                a = b;
                b = x;
            }
            b -= a;
        }
        return a << shift;
    }
}
