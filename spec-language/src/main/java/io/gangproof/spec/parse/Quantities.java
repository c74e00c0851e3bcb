package io.gangproof.spec.parse;

import io.gangproof.spec.Resolution;
import io.gangproof.spec.grammar.GangParser;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import org.antlr.v4.runtime.Token;

/**
 * Units and numbers: converts every literal to exact ticks, nanoseconds, milliseconds or bytes
 * (semantics §1), never rounding and never overflowing, and reports the literals that cannot be.
 */
final class Quantities {
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private final Diagnostics diag;
    private BigInteger nanosPerTick = BigInteger.valueOf(Resolution.DEFAULT.nanosPerTick());
    /** How many time literals converted to ticks use each unit, for the spec's time unit (semantics §12). */
    private final java.util.Map<String, Integer> literalsPerUnit = new java.util.HashMap<>();

    Quantities(Diagnostics diag) {
        this.diag = diag;
    }

    /** Every time literal after the resolution declaration is converted at this resolution. */
    void setResolution(BigInteger nanos) {
        nanosPerTick = nanos;
    }

    private static BigDecimal number(GangParser.NumberContext n) {
        return new BigDecimal(n.getText().replace("_", ""));
    }

    /** A time quantity in nanoseconds, exactly; empty (with an error) for a wrong unit or a fraction of a ns. */
    Optional<BigInteger> nanos(SourceFile f, GangParser.QuantityContext q) {
        return nanos(f, q.number(), q.unit, q.getStart(), q.getStop());
    }

    Optional<BigInteger> nanos(SourceFile f, GangParser.NumberContext num, Token unit, Token from, Token to) {
        BigInteger perUnit = Units.TIME_NANOS.get(unit.getText());
        if (perUnit == null) {
            unitError(f, unit, Units.TIME_NANOS.keySet(), Units.SIZE_BYTES.keySet(), "a time");
            return Optional.empty();
        }
        BigDecimal ns = number(num).multiply(new BigDecimal(perUnit));
        try {
            return Optional.of(ns.toBigIntegerExact());
        } catch (ArithmeticException notWhole) {
            diag.error(f, from, to, num.getText() + " " + unit.getText() + " is not a whole number of nanoseconds",
                    "gangproof's finest resolution is 1 ns");
            return Optional.empty();
        }
    }

    Optional<Long> ticks(SourceFile f, GangParser.QuantityContext q) {
        return ticks(f, q.number(), q.unit, q.getStart(), q.getStop());
    }

    /** A time quantity in ticks: never rounded (semantics §1), never overflowing. */
    Optional<Long> ticks(SourceFile f, GangParser.NumberContext num, Token unit, Token from, Token to) {
        Optional<BigInteger> ns = nanos(f, num, unit, from, to);
        if (ns.isEmpty()) {
            return Optional.empty();
        }
        BigInteger[] qr = ns.get().divideAndRemainder(nanosPerTick);
        if (qr[1].signum() != 0) {
            BigInteger finer = ns.get().gcd(nanosPerTick);
            diag.error(f, from, to, num.getText() + " " + unit.getText() + " is not a whole number of ticks at resolution "
                    + Units.formatNanos(nanosPerTick), "write a multiple of " + Units.formatNanos(nanosPerTick)
                            + ", or declare a finer resolution such as `resolution " + Units.formatNanos(finer) + "`");
            return Optional.empty();
        }
        if (qr[0].compareTo(LONG_MAX) > 0) {
            diag.error(f, from, to, num.getText() + " " + unit.getText() + " is too large: it does not fit in 64-bit ticks",
                    "use a coarser resolution");
            return Optional.empty();
        }
        literalsPerUnit.merge(unit.getText(), 1, Integer::sum);
        return Optional.of(qr[0].longValueExact());
    }

    /**
     * The spec's time unit (semantics §12): the unit of most time literals converted to ticks so
     * far, a tie going to the larger unit; empty when there was none.
     */
    Optional<String> mostUsedTimeUnit() {
        Optional<String> best = Optional.empty();
        int most = 0;
        for (String unit : Units.TIME_NANOS.keySet()) { // smallest to largest, so a tie ends at the larger
            int n = literalsPerUnit.getOrDefault(unit, 0);
            if (n > 0 && n >= most) {
                best = Optional.of(unit);
                most = n;
            }
        }
        return best;
    }

    Optional<Long> positiveTicks(SourceFile f, GangParser.QuantityContext q, String what) {
        Optional<Long> t = ticks(f, q);
        if (t.isPresent() && t.get() < 1) {
            diag.error(f, q, what + " must be positive", null);
            return Optional.empty();
        }
        return t;
    }

    /** A period in ticks, written as a time or as a frequency whose period is a whole number of ticks. */
    Optional<Long> periodTicks(SourceFile f, GangParser.QuantityContext q, String what) {
        if (!Frequency.isUnit(q.unit.getText())) {
            return positiveTicks(f, q, what);
        }
        if (number(q.number()).signum() <= 0) {
            diag.error(f, q, what + " must be positive", null);
            return Optional.empty();
        }
        BigInteger[] qr = Frequency.periodTicks(number(q.number()), q.unit.getText(), nanosPerTick);
        String written = q.number().getText() + " " + q.unit.getText();
        if (qr[1].signum() != 0) {
            String nearest = (qr[0].signum() > 0 ? Units.formatNanos(qr[0].multiply(nanosPerTick)) + " or " : "")
                    + Units.formatNanos(qr[0].add(BigInteger.ONE).multiply(nanosPerTick));
            diag.error(f, q, "the period of " + written + " is not a whole number of ticks at resolution "
                    + Units.formatNanos(nanosPerTick), "write the period as a time, e.g. " + nearest
                            + ", or a frequency whose period is a whole number of ticks");
            return Optional.empty();
        }
        if (qr[0].compareTo(LONG_MAX) > 0) {
            diag.error(f, q, written + " is too low: its period does not fit in 64-bit ticks", "use a coarser resolution");
            return Optional.empty();
        }
        return Optional.of(qr[0].longValueExact());
    }

    Optional<Long> millis(SourceFile f, GangParser.QuantityContext q) {
        Optional<BigInteger> ns = nanos(f, q);
        if (ns.isEmpty()) {
            return Optional.empty();
        }
        BigInteger[] qr = ns.get().divideAndRemainder(BigInteger.valueOf(1_000_000L));
        if (qr[1].signum() != 0 || qr[0].signum() <= 0 || qr[0].compareTo(LONG_MAX) > 0) {
            diag.error(f, q, "a time limit is a positive whole number of milliseconds", "write for example `limit time "
                    + "60 s`");
            return Optional.empty();
        }
        return Optional.of(qr[0].longValueExact());
    }

    Optional<Long> bytes(SourceFile f, GangParser.QuantityContext q) {
        BigInteger perUnit = Units.SIZE_BYTES.get(q.unit.getText());
        if (perUnit == null) {
            unitError(f, q.unit, Units.SIZE_BYTES.keySet(), Units.TIME_NANOS.keySet(), "a size");
            return Optional.empty();
        }
        BigDecimal b = number(q.number()).multiply(new BigDecimal(perUnit));
        BigInteger whole;
        try {
            whole = b.toBigIntegerExact();
        } catch (ArithmeticException notWhole) {
            diag.error(f, q, q.getText().replace(q.unit.getText(), " " + q.unit.getText()) + " is not a whole number of "
                    + "bytes", null);
            return Optional.empty();
        }
        if (whole.compareTo(LONG_MAX) > 0) {
            diag.error(f, q, "the size is too large", null);
            return Optional.empty();
        }
        return Optional.of(whole.longValueExact());
    }

    private void unitError(SourceFile f, Token unit, java.util.Set<String> wanted, java.util.Set<String> other,
            String kind) {
        String list = String.join(", ", wanted);
        if (Frequency.isUnit(unit.getText())) {
            diag.error(f, unit, "a frequency is accepted only as a period", "write " + kind + " in " + list
                    + " here; `periodic 25 Hz` and `sporadic 25 Hz` take a frequency");
        } else if (other.contains(unit.getText())) {
            diag.error(f, unit, "expected " + kind + " unit (" + list + "), got '" + unit.getText() + "'", null);
        } else {
            diag.error(f, unit, "unknown unit '" + unit.getText() + "'", Units.closest(unit.getText(), wanted)
                    .map(n -> "did you mean '" + n + "'? ").orElse("") + kind + " takes " + list);
        }
    }

    /** A whole number in {@code [min, max]}; underscores are digit separators. */
    Optional<Long> wholeNumber(SourceFile f, Token t, String what, long min, long max) {
        BigInteger v = new BigInteger(t.getText().replace("_", ""));
        boolean tooSmall = v.compareTo(BigInteger.valueOf(min)) < 0;
        if (tooSmall || v.compareTo(BigInteger.valueOf(max)) > 0) {
            boolean bounded = max != Long.MAX_VALUE && max != Integer.MAX_VALUE;
            String range = bounded ? "from " + min + " to " + max : tooSmall ? "at least " + min : "at most " + max;
            if (v.compareTo(LONG_MAX) > 0) {
                diag.error(f, t, "the number " + t.getText() + " is too large", what + " is " + range);
            } else {
                diag.error(f, t, what + " must be " + range + ", got " + t.getText(), null);
            }
            return Optional.empty();
        }
        return Optional.of(v.longValueExact());
    }

    String formatTicks(long ticks) {
        return Units.formatNanos(BigInteger.valueOf(ticks).multiply(nanosPerTick));
    }
}
