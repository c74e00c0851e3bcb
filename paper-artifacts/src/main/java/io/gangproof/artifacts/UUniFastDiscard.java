package io.gangproof.artifacts;

import java.util.SplittableRandom;

/**
 * UUniFast (Bini &amp; Buttazzo, "Measuring the performance of schedulability tests",
 * Real-Time Systems 30(1-2), 2005): uniform over the simplex {@code sum u_i = U}. The
 * discard variant (Davis &amp; Burns 2009, for multiprocessors where {@code U > 1}) draws
 * again whenever some {@code u_i > cap}; it stays uniform over the capped region.
 */
public final class UUniFastDiscard implements UtilisationGenerator {
    public static final String ID = "uunifast-discard";
    /** Draws before giving up: reached only when the capped region is a tiny part of the simplex. */
    public static final int MAX_ATTEMPTS = 1_000_000;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public double[] generate(int n, double total, double cap, SplittableRandom random) {
        UtilisationGenerator.checkArguments(n, total, cap);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            double[] u = uunifast(n, total, random);
            boolean ok = true;
            for (double x : u) {
                if (x > cap) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                return u;
            }
        }
        throw new IllegalArgumentException("UUniFast-discard found no vector of " + n + " utilisations <= " + cap
                + " summing to " + total + " in " + MAX_ATTEMPTS + " draws; use randfixedsum near n * cap");
    }

    /**
     * The probability that one UUniFast draw has every element at most {@code cap}: the share of
     * the simplex {@code sum = total} inside the cube, by inclusion-exclusion,
     * {@code sum_j (-1)^j C(n, j) max(0, total - j cap)^(n-1) / total^(n-1)}, computed exactly
     * (the inputs are decimals), rounded to a double at the end. Experiment files are checked with
     * it, so that a sweep never asks discarding for a practically empty region.
     */
    public static double acceptanceProbability(int n, java.math.BigDecimal total, java.math.BigDecimal cap) {
        if (total.signum() == 0 || n == 1) {
            return total.compareTo(cap) <= 0 ? 1.0 : 0.0;
        }
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        java.math.BigInteger binomial = java.math.BigInteger.ONE;
        for (int j = 0; j <= n; j++) {
            java.math.BigDecimal rest = total.subtract(cap.multiply(java.math.BigDecimal.valueOf(j)));
            if (rest.signum() <= 0) {
                break;
            }
            java.math.BigDecimal term = new java.math.BigDecimal(binomial).multiply(rest.pow(n - 1));
            sum = j % 2 == 0 ? sum.add(term) : sum.subtract(term);
            binomial = binomial.multiply(java.math.BigInteger.valueOf(n - j)).divide(java.math.BigInteger.valueOf(j + 1));
        }
        return sum.divide(total.pow(n - 1), java.math.MathContext.DECIMAL64).doubleValue();
    }

    /** Bini and Buttazzo's algorithm, one draw. */
    static double[] uunifast(int n, double total, SplittableRandom random) {
        double[] u = new double[n];
        double sum = total;
        for (int i = 0; i < n - 1; i++) {
            double next = sum * StrictMath.pow(random.nextDouble(), 1.0 / (n - 1 - i));
            u[i] = sum - next;
            sum = next;
        }
        u[n - 1] = sum;
        return u;
    }
}
