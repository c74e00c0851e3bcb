package io.gangproof.spec.parse;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A period written as a frequency (semantics §1): {@code 25 Hz} is exactly {@code 1/25 s}.
 * Frequencies exist so that a camera's {@code 30 Hz} is not typed as {@code 33.33 ms}, whose
 * hyperperiod with a {@code 200 ms} task is 666.6 s: the frequency is either an exact period
 * or an error naming the nearest exact ones.
 */
final class Frequency {
    static final Map<String, BigInteger> HERTZ = new LinkedHashMap<>();
    private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);

    static {
        HERTZ.put("Hz", BigInteger.ONE);
        HERTZ.put("kHz", BigInteger.valueOf(1_000L));
        HERTZ.put("MHz", BigInteger.valueOf(1_000_000L));
    }

    private Frequency() {
    }

    static boolean isUnit(String unit) {
        return HERTZ.containsKey(unit);
    }

    /**
     * The period {@code 1/f} in ticks as {quotient, remainder} of an exact division; the period
     * is a whole number of ticks exactly when the remainder is zero.
     */
    static BigInteger[] periodTicks(BigDecimal value, String unit, BigInteger nanosPerTick) {
        BigDecimal hertz = value.multiply(new BigDecimal(HERTZ.get(unit))).stripTrailingZeros();
        BigInteger numerator = NANOS_PER_SECOND;
        BigInteger denominator = hertz.unscaledValue().multiply(nanosPerTick);
        if (hertz.scale() > 0) {
            numerator = numerator.multiply(BigInteger.TEN.pow(hertz.scale()));
        } else {
            denominator = denominator.multiply(BigInteger.TEN.pow(-hertz.scale()));
        }
        return numerator.divideAndRemainder(denominator);
    }
}
