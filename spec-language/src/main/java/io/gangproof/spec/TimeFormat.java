package io.gangproof.spec;

import io.gangproof.spec.parse.Units;
import java.math.BigInteger;

/**
 * Ticks written for a person, in time units (semantics §12): exactly, as a decimal in the
 * largest unit not above the value ({@code 615} ticks at 10 us is {@code 6.15 ms}), never
 * rounded. Every report, message and chart of every engine writes times with this class, so
 * one instant reads the same whichever engine found it.
 */
public final class TimeFormat {
    private final BigInteger nanosPerTick;

    private TimeFormat(long nanosPerTick) {
        this.nanosPerTick = BigInteger.valueOf(nanosPerTick);
    }

    public static TimeFormat of(Resolution resolution) {
        return new TimeFormat(resolution.nanosPerTick());
    }

    public static TimeFormat of(SystemSpec spec) {
        return of(spec.resolution());
    }

    /** {@code ticks} as a time, e.g. {@code 6.15 ms}; {@code 0 ms} for zero, a leading {@code -} when negative. */
    public String format(long ticks) {
        if (ticks == 0) {
            return "0 ms";
        }
        BigInteger nanos = BigInteger.valueOf(ticks).multiply(nanosPerTick);
        return (nanos.signum() < 0 ? "-" : "") + Units.formatNanosDecimal(nanos.abs());
    }

    /** Equal when the tick length is: a format is a value, and records holding one compare by value. */
    @Override
    public boolean equals(Object o) {
        return o instanceof TimeFormat t && t.nanosPerTick.equals(nanosPerTick);
    }

    @Override
    public int hashCode() {
        return nanosPerTick.hashCode();
    }

    /** The length of one tick, e.g. {@code 10 us}: the {@code resolution} field of JSON reports. */
    public String resolution() {
        return Units.formatNanos(nanosPerTick);
    }

    /** The time unit of {@code ticks}' text ({@code ms} for {@code 6.15 ms}), for chart axes that scale to it. */
    public String unitOf(long ticks) {
        String text = format(Math.max(1, Math.abs(ticks)));
        return text.substring(text.indexOf(' ') + 1);
    }

    /** {@code ticks} as a decimal number of {@code unit} (one of {@code ns, us, ms, s}), exactly. */
    public java.math.BigDecimal in(long ticks, String unit) {
        BigInteger perUnit = Units.nanosPerUnit(unit);
        return new java.math.BigDecimal(BigInteger.valueOf(ticks).multiply(nanosPerTick))
                .divide(new java.math.BigDecimal(perUnit)).stripTrailingZeros();
    }
}
