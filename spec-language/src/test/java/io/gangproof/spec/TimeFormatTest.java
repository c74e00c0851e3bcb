package io.gangproof.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.spec.parse.Units;
import org.junit.jupiter.api.Test;

/** Times and sizes for people: exact, in the spec's unit (or the one that reads best), never rounded (times). */
class TimeFormatTest {
    private final TimeFormat tenMicros = TimeFormat.of(new Resolution(10_000));
    private final TimeFormat tenMicrosInMs = TimeFormat.of(new Resolution(10_000, java.util.Optional.of("ms")));

    @Test
    void ticksAreWrittenExactlyInTheSpecsUnit() {
        assertThat(tenMicrosInMs.format(615)).isEqualTo("6.15 ms");
        assertThat(tenMicrosInMs.format(50)).isEqualTo("0.5 ms");
        assertThat(tenMicrosInMs.format(1)).isEqualTo("0.01 ms");
        assertThat(tenMicrosInMs.format(150_000)).isEqualTo("1500 ms");
        assertThat(tenMicrosInMs.format(123_456_789)).isEqualTo("1234567.89 ms");
        assertThat(tenMicrosInMs.format(0)).isEqualTo("0 ms");
        assertThat(tenMicrosInMs.format(-165)).isEqualTo("-1.65 ms");
        TimeFormat inSeconds = TimeFormat.of(new Resolution(1, java.util.Optional.of("s")));
        assertThat(inSeconds.format(3)).isEqualTo("0.000000003 s");
        assertThat(inSeconds.format(0)).isEqualTo("0 s");
        assertThat(inSeconds.unitOf(3)).isEqualTo("s");
        TimeFormat inMicros = TimeFormat.of(new Resolution(10_000, java.util.Optional.of("us")));
        assertThat(inMicros.format(615)).isEqualTo("6150 us");
        assertThat(inMicros.unitOf(600_000)).isEqualTo("us");
    }

    @Test
    void theUnitIsHowATimeIsShownNotWhatItMeans() {
        Resolution inMs = new Resolution(10_000, java.util.Optional.of("ms"));
        assertThat(inMs).isEqualTo(new Resolution(10_000)).hasSameHashCodeAs(new Resolution(10_000));
        assertThat(tenMicrosInMs).isNotEqualTo(tenMicros);
    }

    @Test
    void withoutAUnitOfItsOwnTicksAreWrittenExactlyInTheLargestUnitNotAboveThem() {
        assertThat(tenMicros.format(615)).isEqualTo("6.15 ms");
        assertThat(tenMicros.format(2419)).isEqualTo("24.19 ms");
        assertThat(tenMicros.format(3333)).isEqualTo("33.33 ms");
        assertThat(tenMicros.format(50)).isEqualTo("500 us");
        assertThat(tenMicros.format(123_456_789)).isEqualTo("1234.56789 s");
        assertThat(tenMicros.format(0)).isEqualTo("0 ms");
        assertThat(tenMicros.format(-165)).isEqualTo("-1.65 ms");
        assertThat(TimeFormat.of(new Resolution(100_000)).format(300)).isEqualTo("30 ms");
    }

    @Test
    void theResolutionIsOneTickInItsLargestExactUnit() {
        assertThat(tenMicros.resolution()).isEqualTo("10 us");
        assertThat(TimeFormat.of(Resolution.DEFAULT).resolution()).isEqualTo("1 us");
    }

    @Test
    void axesScaleToOneUnit() {
        assertThat(tenMicros.unitOf(6000)).isEqualTo("ms");
        assertThat(tenMicros.in(615, "ms").toPlainString()).isEqualTo("6.15");
        assertThat(tenMicros.in(615, "us").toPlainString()).isEqualTo("6150");
    }

    @Test
    void memoryIsWrittenInBinaryUnits() {
        assertThat(Units.formatMemory(1_580_204_032L)).isEqualTo("1.47 GiB");
        assertThat(Units.formatMemory(1507L << 20)).isEqualTo("1.47 GiB");
        assertThat(Units.formatMemory(512L << 20)).isEqualTo("512 MiB");
        assertThat(Units.formatMemory(3L << 19)).isEqualTo("1.5 MiB");
        assertThat(Units.formatMemory(900)).isEqualTo("900 B");
    }
}
