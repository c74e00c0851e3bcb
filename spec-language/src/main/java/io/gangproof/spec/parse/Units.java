package io.gangproof.spec.parse;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The units a spec may write (semantics §1): time in nanoseconds, memory in bytes. */
public final class Units {
    static final Map<String, BigInteger> TIME_NANOS = new LinkedHashMap<>();
    static final Map<String, BigInteger> SIZE_BYTES = new LinkedHashMap<>();

    static {
        TIME_NANOS.put("ns", BigInteger.ONE);
        TIME_NANOS.put("us", BigInteger.valueOf(1_000L));
        TIME_NANOS.put("ms", BigInteger.valueOf(1_000_000L));
        TIME_NANOS.put("s", BigInteger.valueOf(1_000_000_000L));
        SIZE_BYTES.put("B", BigInteger.ONE);
        SIZE_BYTES.put("KB", BigInteger.valueOf(1_000L));
        SIZE_BYTES.put("MB", BigInteger.valueOf(1_000_000L));
        SIZE_BYTES.put("GB", BigInteger.valueOf(1_000_000_000L));
        SIZE_BYTES.put("KiB", BigInteger.valueOf(1L << 10));
        SIZE_BYTES.put("MiB", BigInteger.valueOf(1L << 20));
        SIZE_BYTES.put("GiB", BigInteger.valueOf(1L << 30));
    }

    private Units() {
    }

    /** Writes a number of nanoseconds with the largest unit that divides it. */
    public static String formatNanos(BigInteger nanos) {
        String best = "ns";
        for (Map.Entry<String, BigInteger> u : TIME_NANOS.entrySet()) {
            if (nanos.signum() != 0 && nanos.mod(u.getValue()).signum() == 0) {
                best = u.getKey();
            }
        }
        return nanos.signum() == 0 ? "0 ms" : nanos.divide(TIME_NANOS.get(best)) + " " + best;
    }

    /**
     * Writes a number of nanoseconds exactly, as a decimal in the largest unit not above it
     * (6150000 ns is {@code 6.15 ms}); for display, where a spec literal is not needed.
     */
    public static String formatNanosDecimal(BigInteger nanos) {
        String best = "ns";
        for (Map.Entry<String, BigInteger> u : TIME_NANOS.entrySet()) {
            if (nanos.compareTo(u.getValue()) >= 0) {
                best = u.getKey();
            }
        }
        java.math.BigDecimal value = new java.math.BigDecimal(nanos).divide(new java.math.BigDecimal(TIME_NANOS
                .get(best)));
        return value.stripTrailingZeros().toPlainString() + " " + best;
    }

    /** Nanoseconds in one {@code unit} ({@code ns, us, ms, s}). */
    public static BigInteger nanosPerUnit(String unit) {
        BigInteger n = TIME_NANOS.get(unit);
        if (n == null) {
            throw new IllegalArgumentException("not a time unit: " + unit);
        }
        return n;
    }

    /**
     * A memory size for a person, in binary units: {@code 1507 MiB}, {@code 1.47 GiB}
     * (two decimals, rounded: a size shown, not one any verdict depends on).
     */
    public static String formatMemory(long bytes) {
        if (bytes < (1L << 20)) {
            return bytes < (1L << 10) ? bytes + " B" : scaled(bytes, 10, "KiB");
        }
        return bytes < (1L << 30) ? scaled(bytes, 20, "MiB") : scaled(bytes, 30, "GiB");
    }

    private static String scaled(long bytes, int shift, String unit) {
        java.math.BigDecimal v = new java.math.BigDecimal(bytes).divide(new java.math.BigDecimal(1L << shift), 2,
                java.math.RoundingMode.HALF_UP);
        return v.stripTrailingZeros().toPlainString() + " " + unit;
    }

    /** Writes a number of bytes with the largest unit (decimal or binary) that divides it. */
    public static String formatBytes(BigInteger bytes) {
        String best = "B";
        for (Map.Entry<String, BigInteger> u : SIZE_BYTES.entrySet()) {
            if (bytes.signum() != 0 && bytes.mod(u.getValue()).signum() == 0
                    && u.getValue().compareTo(SIZE_BYTES.get(best)) > 0) {
                best = u.getKey();
            }
        }
        return bytes.divide(SIZE_BYTES.get(best)) + " " + best;
    }

    /** The closest known word to {@code word}, if it is close enough to be a likely typo. */
    public static Optional<String> closest(String word, Iterable<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(word.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        int allowed = Math.max(1, word.length() / 3);
        return best != null && bestDistance <= allowed && bestDistance < word.length() ? Optional.of(best) : Optional.empty();
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
