package io.gangproof.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The long-arithmetic {@link TimeFormat#format} writes exactly the text of its BigDecimal reference. */
class TimeFormatFastPathTest {
    @Property(tries = 3000)
    void longArithmeticWritesWhatBigDecimalWrites(@ForAll("tickLengths") long nanosPerTick,
            @ForAll("units") Optional<String> unit, @ForAll("ticks") long ticks) {
        TimeFormat f = TimeFormat.of(new Resolution(nanosPerTick, unit));
        assertThat(f.format(ticks)).isEqualTo(f.formatByBigDecimal(ticks));
        assertThat(f.appendTo(new StringBuilder("R = "), ticks).toString()).isEqualTo("R = " + f.formatByBigDecimal(ticks));
    }

    @Provide
    Arbitrary<Long> tickLengths() {
        return Arbitraries.oneOf(Arbitraries.of(1L, 10L, 1_000L, 10_000L, 1_000_000L, 1_000_000_000L),
                Arbitraries.longs().between(1, 5_000_000_000L), Arbitraries.longs().between(1, Long.MAX_VALUE));
    }

    @Provide
    Arbitrary<Optional<String>> units() {
        return Arbitraries.of("ns", "us", "ms", "s").optional();
    }

    @Provide
    Arbitrary<Long> ticks() {
        return Arbitraries.oneOf(Arbitraries.longs().between(-2_000_000, 2_000_000), Arbitraries.longs(),
                Arbitraries.of(0L, 1L, -1L, 999L, 1000L, 1001L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1));
    }
}
