package io.gangproof.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.spec.parse.Units;
import org.junit.jupiter.api.Test;

/** Times and sizes for people: exact, in the unit that reads best, never rounded (times). */
class TimeFormatTest {
    private final TimeFormat tenMicros = TimeFormat.of(new Resolution(10_000));

    @Test
    void ticksAreWrittenExactlyInTheLargestUnitNotAboveThem() {
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
