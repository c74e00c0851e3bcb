package io.gangproof.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The figures' display: Wilson intervals, one style per method everywhere, 1600 px PNGs. */
class FigureStyleTest {
    @TempDir
    Path tmp;

    @Test
    void wilsonIntervalsMatchPublishedValues() {
        // Reference values computed independently (Python) from the closed form of Wilson (1927).
        assertThat(WilsonInterval.of95(0, 10).low()).isZero();
        assertThat(WilsonInterval.of95(0, 10).high()).isCloseTo(0.2775, within(1e-4));
        assertThat(WilsonInterval.of95(5, 10).low()).isCloseTo(0.2366, within(1e-4));
        assertThat(WilsonInterval.of95(5, 10).high()).isCloseTo(0.7634, within(1e-4));
        assertThat(WilsonInterval.of95(10, 10).low()).isCloseTo(0.7225, within(1e-4));
        assertThat(WilsonInterval.of95(10, 10).high()).isCloseTo(1.0, within(1e-12));
        assertThat(WilsonInterval.of95(81, 263).low()).isCloseTo(0.2553, within(1e-4));
        assertThat(WilsonInterval.of95(81, 263).high()).isCloseTo(0.3662, within(1e-4));
        assertThatThrownBy(() -> WilsonInterval.of95(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMethodLooksTheSameInEveryFigureAndItsExplorerIsHollowAndDashed() {
        for (String m : Methods.ids()) {
            assertThat(MethodStyle.of(m)).isEqualTo(MethodStyle.of(m));
        }
        assertThat(MethodStyle.of("global-strict").colour()).isNotEqualTo(MethodStyle.of("global-greedy").colour());
        assertThat(MethodStyle.of("partitioned-smt").colour())
                .isNotEqualTo(MethodStyle.of("partitioned-heuristic").colour());
        MethodStyle truth = MethodStyle.of("explorer-global-strict");
        assertThat(truth.colour()).isEqualTo(MethodStyle.of("global-strict").colour());
        assertThat(truth.filled()).isFalse();
        assertThat(truth.stroke()).isNotEqualTo(MethodStyle.of("global-strict").stroke());
    }

    @Test
    void csvRowsCarryTheBinCountAndItsWilsonIntervalRoundedOutwards() {
        // Same reference values as above, rounded outwards: low down, high up.
        assertThat(new Csv.Row("0.2", "m", 10, 5, 0).render()).isEqualTo("0.2,m,10,5,0,0.5000,0.2365,0.7635");
        assertThat(new Csv.Row("0.3", "m", 263, 81, 2).render()).isEqualTo("0.3,m,263,81,2,0.3080,0.2552,0.3663");
        assertThat(new Csv.Row("0.4", "m", 3, 0, 0).render()).isEqualTo("0.4,m,3,0,0,0.0000,0.0000,0.5615");
        assertThat(new Csv.Row("0.5", "m", 10, 10, 0).render()).isEqualTo("0.5,m,10,10,0,1.0000,0.7224,1.0000");
        assertThat(new Csv.Row("0.6", "m", 0, 0, 0).render()).isEqualTo("0.6,m,0,0,0,,,");
    }

    @Test
    void thePngIs1600PixelsWide() throws IOException {
        Path csv = tmp.resolve("x.csv");
        Files.writeString(csv, "# experiment=x seed=1 tpus=4 tasks=2..3 samplesPerPoint=10 size=smoke "
                + "definition=0 tool=t format=2\n" + Csv.AXIS_LINE + "\n" + Csv.COLUMNS + "\n"
                + "0.2,global-strict,10,7,0,0.7000,0.3967,0.8923\n0.2,global-greedy,10,5,0,0.5000,0.2365,0.7635\n"
                + "0.4,global-strict,3,0,0,0.0000,0.0000,0.5615\n0.4,global-greedy,0,0,0,,,\n");
        Plotter.plot(csv, tmp, "x");
        BufferedImage png = ImageIO.read(tmp.resolve("x.png").toFile());
        assertThat(png.getWidth()).isEqualTo(1600);
        assertThat(Files.readString(tmp.resolve("x.svg"))).contains("95% Wilson intervals", "3\u201310 sets per bin");
    }
}
