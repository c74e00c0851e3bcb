package io.gangproof.smt;

/** Plain-Java arithmetic used to build consistent tampered witnesses in tests. */
final class WitnessCheckTestSupport {
    private WitnessCheckTestSupport() {
    }

    /** W(L, C, T, R) of docs/analysis.md §5, capped at L. */
    static long workload(long length, long c, long t, long r) {
        if (length <= 0) {
            return 0;
        }
        long span = length + Math.max(r, c) - c;
        long n = span / t;
        return Math.min(length, n * c + Math.min(c, span - n * t));
    }
}
