package io.gangproof.spec;

import io.gangproof.spec.parse.Units;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Ticks written for a person, in time units (semantics §12): exactly, as a decimal in the
 * spec's time unit ({@code 615} ticks at 10 us is {@code 6.15 ms} in a spec written in ms),
 * never rounded; without a unit of its own (a system built in code), in the largest unit not
 * above the value. Every report, message and chart of every engine writes times with this
 * class, so one instant reads the same whichever engine found it.
 */
public final class TimeFormat {
    /** The time units of {@link Units}, smallest first, and their lengths in nanoseconds (all powers of 10). */
    private static final String[] UNITS = {"ns", "us", "ms", "s"};
    private static final long[] UNIT_NANOS = {1L, 1_000L, 1_000_000L, 1_000_000_000L};

    private final BigInteger nanosPerTick;
    private final long nanosPerTickLong;
    private final Optional<String> unit;
    /** Nanoseconds in {@code unit} (0 without one). */
    private final long unitNanos;

    private TimeFormat(long nanosPerTick, Optional<String> unit) {
        this.nanosPerTick = BigInteger.valueOf(nanosPerTick);
        this.nanosPerTickLong = nanosPerTick;
        this.unit = unit;
        this.unitNanos = unit.isPresent() ? Units.nanosPerUnit(unit.get()).longValueExact() : 0;
    }

    public static TimeFormat of(Resolution resolution) {
        return new TimeFormat(resolution.nanosPerTick(), resolution.unit());
    }

    public static TimeFormat of(SystemSpec spec) {
        return of(spec.resolution());
    }

    /**
     * {@code ticks} as a time, e.g. {@code 6.15 ms}; a leading {@code -} when negative; zero is
     * {@code 0} in the spec's unit ({@code 0 ms} without one).
     */
    public String format(long ticks) {
        return appendTo(new StringBuilder(24), ticks).toString();
    }

    /** {@link #format} written onto {@code out} (for messages built piece by piece); returns {@code out}. */
    public StringBuilder appendTo(StringBuilder out, long ticks) {
        // Every analysis writes a few times into the reason of every task, so this runs in long
        // arithmetic; only a product beyond 64 bits takes the BigDecimal way (same text, tested).
        if (ticks == 0 && unit.isEmpty()) {
            return out.append("0 ms");
        }
        long nanos;
        try {
            nanos = Math.multiplyExact(ticks, nanosPerTickLong);
        } catch (ArithmeticException overflow) {
            return out.append(formatByBigDecimal(ticks));
        }
        if (nanos == Long.MIN_VALUE) {
            return out.append(formatByBigDecimal(ticks));
        }
        long abs = Math.abs(nanos);
        String u;
        long per;
        if (unit.isPresent()) {
            u = unit.get();
            per = unitNanos;
        } else {
            int best = 0;
            for (int x = 1; x < UNITS.length; x++) {
                if (abs >= UNIT_NANOS[x]) {
                    best = x;
                }
            }
            u = UNITS[best];
            per = UNIT_NANOS[best];
        }
        if (nanos < 0) {
            out.append('-');
        }
        out.append(abs / per);
        long rest = abs % per;
        if (rest != 0) {
            // per is 10^k: the k digits of rest, without trailing zeros.
            String digits = Long.toString(per + rest).substring(1);
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            out.append('.').append(digits, 0, end);
        }
        return out.append(' ').append(u);
    }

    /** {@link #format} in BigDecimal arithmetic, for any product of ticks and tick length. */
    String formatByBigDecimal(long ticks) {
        if (unit.isPresent()) {
            return in(ticks, unit.get()).toPlainString() + " " + unit.get();
        }
        if (ticks == 0) {
            return "0 ms";
        }
        BigInteger nanos = BigInteger.valueOf(ticks).multiply(nanosPerTick);
        return (nanos.signum() < 0 ? "-" : "") + Units.formatNanosDecimal(nanos.abs());
    }

    /** Equal when the tick length and the unit are: a format is a value, and records holding one compare by value. */
    @Override
    public boolean equals(Object o) {
        return o instanceof TimeFormat t && t.nanosPerTick.equals(nanosPerTick) && t.unit.equals(unit);
    }

    @Override
    public int hashCode() {
        return nanosPerTick.hashCode() * 31 + unit.hashCode();
    }

    /** The length of one tick, e.g. {@code 10 us}: the {@code resolution} field of JSON reports. */
    public String resolution() {
        return Units.formatNanos(nanosPerTick);
    }

    /** The spec's time unit, if it has one: the {@code time_unit} field of JSON reports. */
    public Optional<String> unit() {
        return unit;
    }

    /** The time unit of {@code ticks}' text ({@code ms} for {@code 6.15 ms}), for chart axes that scale to it. */
    public String unitOf(long ticks) {
        if (unit.isPresent()) {
            return unit.get();
        }
        String text = format(Math.max(1, Math.abs(ticks)));
        return text.substring(text.indexOf(' ') + 1);
    }

    /** {@code ticks} as a decimal number of {@code unit} (one of {@code ns, us, ms, s}), exactly. */
    public java.math.BigDecimal in(long ticks, String unit) {
        BigInteger perUnit = Units.nanosPerUnit(unit);
        java.math.BigDecimal value = new java.math.BigDecimal(BigInteger.valueOf(ticks).multiply(nanosPerTick))
                .divide(new java.math.BigDecimal(perUnit));
        // Without trailing zeros, but never with a negative scale (1000, not 1E+3, in toString too).
        java.math.BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
