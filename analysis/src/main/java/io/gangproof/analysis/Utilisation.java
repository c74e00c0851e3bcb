package io.gangproof.analysis;

import io.gangproof.spec.Fraction;

/**
 * An exact running sum of {@code C / T} that stays in {@code long} arithmetic while it fits and
 * moves to {@link Fraction} (BigInteger) when it would overflow: the overload checks run once per
 * task, and BigInteger on every one of them made the fast path several times slower.
 */
final class Utilisation {
    private long num;
    private long den = 1;
    private Fraction big;

    Utilisation copy() {
        Utilisation u = new Utilisation();
        u.num = num;
        u.den = den;
        u.big = big;
        return u;
    }

    Utilisation add(long c, long t) {
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
        if (big != null) {
            return big.compareTo(Fraction.of(1, 1));
        }
        return Long.compare(num, den);
    }

    @Override
    public String toString() {
        return big != null ? big.toString() : Fraction.of(num, den).toString();
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
