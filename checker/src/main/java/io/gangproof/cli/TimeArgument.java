package io.gangproof.cli;

import io.gangproof.spec.SystemSpec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * A time on the command line: {@code 40ms}, {@code 40 ms}, {@code 2.5s}, or a plain number of
 * ticks. Converted per spec, exactly: a time that is not a whole number of the spec's ticks
 * is refused, never rounded (semantics §1).
 */
record TimeArgument(String text, BigInteger nanos, boolean ticks) {
    private static final Pattern FORM = Pattern.compile("\\s*([0-9][0-9_]*(?:\\.[0-9]+)?)\\s*([a-z]*)\\s*");
    private static final Map<String, BigInteger> UNITS = Map.of("ns", BigInteger.ONE, "us",
            BigInteger.valueOf(1_000), "ms", BigInteger.valueOf(1_000_000), "s", BigInteger.valueOf(1_000_000_000));

    /** The time in ticks of {@code spec}; throws {@link IllegalArgumentException} naming the problem. */
    long ticksOf(SystemSpec spec) {
        BigInteger value = nanos;
        if (!ticks) {
            BigInteger[] qr = nanos.divideAndRemainder(BigInteger.valueOf(spec.resolution().nanosPerTick()));
            if (qr[1].signum() != 0) {
                throw new IllegalArgumentException(text + " is not a whole number of ticks of spec " + spec.name()
                        + " (resolution " + io.gangproof.spec.TimeFormat.of(spec).resolution() + ")");
            }
            value = qr[0];
        }
        if (value.signum() <= 0 || value.bitLength() > 62) {
            throw new IllegalArgumentException(text + " must be a positive time that fits in 64 bits");
        }
        return value.longValueExact();
    }

    /** The time itself, when it was given with a unit; empty for a number of ticks or beyond 64 bits. */
    Optional<Duration> duration() {
        return ticks || nanos.bitLength() > 62 ? Optional.empty() : Optional.of(Duration.ofNanos(nanos.longValue()));
    }

    /** picocli's converter: {@code --horizon 40ms}. */
    static final class Converter implements CommandLine.ITypeConverter<TimeArgument> {
        @Override
        public TimeArgument convert(String value) {
            Matcher m = FORM.matcher(value.toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a time: write e.g. 40ms, "
                        + "2.5 s, or a number of ticks");
            }
            BigDecimal number = new BigDecimal(m.group(1).replace("_", ""));
            if (m.group(2).isEmpty()) {
                try {
                    return new TimeArgument(value, number.toBigIntegerExact(), true);
                } catch (ArithmeticException e) {
                    throw new CommandLine.TypeConversionException("a number of ticks is whole: '" + value + "'");
                }
            }
            BigInteger unit = UNITS.get(m.group(2));
            if (unit == null) {
                throw new CommandLine.TypeConversionException("unknown unit '" + m.group(2) + "' in '" + value
                        + "': use ns, us, ms or s");
            }
            try {
                return new TimeArgument(value, number.multiply(new BigDecimal(unit)).toBigIntegerExact(), false);
            } catch (ArithmeticException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a whole number of nanoseconds");
            }
        }
    }
}
