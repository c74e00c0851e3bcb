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
