package io.gangproof.analysis;

/**
 * Exact tick arithmetic for bounds. Every operation throws {@link ArithmeticException} on
 * overflow; analyses turn that into "not schedulable by this test", never into a wrong bound.
 */
final class Ticks {
    private Ticks() {
    }

    /** {@code ceil(a / b)} for {@code a >= 0}, {@code b >= 1}. */
    static long ceilDiv(long a, long b) {
        if (a < 0 || b < 1) {
            throw new IllegalArgumentException("ceilDiv needs a >= 0 and b >= 1, got " + a + ", " + b);
        }
        return a / b + (a % b == 0 ? 0 : 1);
    }

    static long add(long a, long b) {
        return Math.addExact(a, b);
    }

    static long mul(long a, long b) {
        return Math.multiplyExact(a, b);
    }

    /**
     * Bertogna &amp; Cirinei (2007, RTSS) workload bound {@code W_k(L)}: the most execution that jobs of a
     * task with execution time {@code c}, minimum inter-arrival {@code t} and response-time bound
     * {@code r <= t} perform inside any window of {@code length} ticks, capped at {@code length}
     * because with {@code r <= t} the task's jobs never overlap in time.
     */
    static long workload(long length, long c, long t, long r) {
        if (length <= 0) {
            return 0;
        }
        // No job responds in less than its execution time; a smaller r only comes from a
        // deadline assumption that fails anyway, and must not make the bound negative.
        long span = add(length, Math.max(r, c) - c);
        long n = span / t;
        long w = add(mul(n, c), Math.min(c, span - mul(n, t)));
        return Math.min(w, length);
    }
}
