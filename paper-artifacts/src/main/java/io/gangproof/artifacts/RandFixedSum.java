package io.gangproof.artifacts;

import java.util.SplittableRandom;

/**
 * RandFixedSum: vectors uniformly distributed over {@code {u : sum u_i = U, 0 <= u_i <= cap}},
 * by Roger Stafford's algorithm (MATLAB Central, 2006) as used for task sets by Emberson,
 * Stafford &amp; Davis, "Techniques for the synthesis of multiprocessor tasksets", WATERS 2010.
 * Unlike UUniFast-discard it never rejects, so it stays fast when {@code U} is close to
 * {@code n * cap}. A literal translation of Stafford's {@code randfixedsum(n, 1, s, 0, cap)},
 * with 1-based arrays to keep the correspondence visible.
 */
public final class RandFixedSum implements UtilisationGenerator {
    public static final String ID = "randfixedsum";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public double[] generate(int n, double total, double cap, SplittableRandom random) {
        UtilisationGenerator.checkArguments(n, total, cap);
        if (n == 1) {
            return new double[] {Math.min(total, cap)};
        }
        // Rescale to the unit cube: 0 <= x_i <= 1, sum x_i = s.
        double s = total / cap;
        int k = (int) Math.max(Math.min(Math.floor(s), n - 1), 0);
        s = Math.max(Math.min(s, k + 1), k);
        double[] s1 = new double[n + 1];
        double[] s2 = new double[n + 1];
        for (int j = 1; j <= n; j++) {
            s1[j] = s - (k - j + 1);
            s2[j] = (k + n - j + 1) - s;
        }
        // Transition probability table t, built with w scaled to the full double range.
        double[][] w = new double[n + 1][n + 2];
        double[][] t = new double[n][n + 1];
        w[1][2] = Double.MAX_VALUE;
        double tiny = Double.MIN_VALUE;
        for (int i = 2; i <= n; i++) {
            for (int c = 1; c <= i; c++) {
                double tmp1 = w[i - 1][c + 1] * s1[c] / i;
                double tmp2 = w[i - 1][c] * s2[n - i + c] / i;
                w[i][c + 1] = tmp1 + tmp2;
                double tmp3 = w[i][c + 1] + tiny;
                boolean tmp4 = s2[n - i + c] > s1[c];
                t[i - 1][c] = tmp4 ? tmp2 / tmp3 : 1 - tmp1 / tmp3;
            }
        }
        double[] x = new double[n + 1];
        double sm = 0;
        double pr = 1;
        int j = k + 1;
        for (int i = n - 1; i >= 1; i--) {
            double rt = random.nextDouble();
            double rs = random.nextDouble();
            int e = rt <= t[i][j] ? 1 : 0;
            double sx = StrictMath.pow(rs, 1.0 / i);
            sm = sm + (1 - sx) * pr * s / (i + 1);
            pr = sx * pr;
            x[n - i] = sm + pr * e;
            s = s - e;
            j = j - e;
        }
        x[n] = sm + pr * s;
        // Random order (Fisher-Yates), then back to [0, cap].
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = x[i + 1];
        }
        for (int i = n - 1; i > 0; i--) {
            int r = random.nextInt(i + 1);
            double tmp = out[i];
            out[i] = out[r];
            out[r] = tmp;
        }
        for (int i = 0; i < n; i++) {
            out[i] = Math.min(cap, Math.max(0, out[i] * cap));
        }
        return out;
    }
}
