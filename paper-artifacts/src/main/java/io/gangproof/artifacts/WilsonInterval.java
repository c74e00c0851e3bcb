package io.gangproof.artifacts;

/**
 * The Wilson score interval for a binomial proportion (Wilson 1927; recommended over the
 * normal approximation for small counts and ratios near 0 or 1 by Brown, Cai & DasGupta,
 * Statistical Science 2001). For display only: the figures draw it around each bin's ratio,
 * while every count and ratio in the CSV stays exact.
 */
public record WilsonInterval(double low, double high) {
    /** The two-sided 95% normal quantile. */
    static final double Z95 = 1.959963984540054;

    /** The 95% interval of {@code successes} out of {@code trials} (at least one trial). */
    public static WilsonInterval of95(long successes, long trials) {
        if (trials < 1 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("need 0 <= successes <= trials and trials >= 1, got " + successes
                    + "/" + trials);
        }
        double n = trials;
        double p = successes / n;
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z95 / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return new WilsonInterval(Math.max(0.0, centre - half), Math.min(1.0, centre + half));
    }
}
