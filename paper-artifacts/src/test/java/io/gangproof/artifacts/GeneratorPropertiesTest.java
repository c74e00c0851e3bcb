package io.gangproof.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The utilisation generators: sums, caps, and the same vector for the same seed. */
class GeneratorPropertiesTest {
    private static final double TOLERANCE = 1e-9;

    @Property(tries = 300)
    void uunifastDiscardSumsToTheTargetWithEveryElementAtMostTheCap(@ForAll @IntRange(min = 1, max = 16) int n,
            @ForAll @DoubleRange(min = 0.05, max = 1.0) double cap, @ForAll @DoubleRange(min = 0.0, max = 1.0) double load,
            @ForAll long seed) {
        // Only where discarding keeps a fair share of its draws (experiment files are checked alike).
        double total = load * n * cap;
        Assume.that(UUniFastDiscard.acceptanceProbability(n, new java.math.BigDecimal(total),
                new java.math.BigDecimal(cap)) >= 1e-3);
        double[] u = new UUniFastDiscard().generate(n, total, cap, new SplittableRandom(seed));
        assertThat(u).hasSize(n);
        double sum = 0;
        for (double x : u) {
            assertThat(x).isBetween(0.0, cap);
            sum += x;
        }
        assertThat(sum).isCloseTo(total, within(TOLERANCE * Math.max(1, total)));
    }

    @Property(tries = 300)
    void randFixedSumStaysInsideItsBoundsAndSumsToTheTarget(@ForAll @IntRange(min = 1, max = 16) int n,
            @ForAll @DoubleRange(min = 0.05, max = 1.0) double cap, @ForAll @DoubleRange(min = 0.0, max = 1.0) double load,
            @ForAll long seed) {
        double total = load * n * cap;
        double[] u = new RandFixedSum().generate(n, total, cap, new SplittableRandom(seed));
        assertThat(u).hasSize(n);
        double sum = 0;
        for (double x : u) {
            assertThat(x).isBetween(0.0, cap);
            sum += x;
        }
        assertThat(sum).isCloseTo(total, within(1e-7 * Math.max(1, total)));
    }

    @Property(tries = 100)
    void theSameSeedGivesTheSameVector(@ForAll @IntRange(min = 1, max = 12) int n, @ForAll long seed) {
        for (UtilisationGenerator g : new UtilisationGenerator[] {new UUniFastDiscard(), new RandFixedSum()}) {
            double total = 0.5 * n;
            assertThat(g.generate(n, total, 1.0, new SplittableRandom(seed)))
                    .containsExactly(g.generate(n, total, 1.0, new SplittableRandom(seed)));
        }
    }

    @Property(tries = 50)
    void differentSeedsGiveDifferentVectors(@ForAll @IntRange(min = 2, max = 12) int n, @ForAll long seed) {
        Assume.that(seed != Long.MAX_VALUE);
        for (UtilisationGenerator g : new UtilisationGenerator[] {new UUniFastDiscard(), new RandFixedSum()}) {
            assertThat(g.generate(n, 0.5 * n, 1.0, new SplittableRandom(seed)))
                    .isNotEqualTo(g.generate(n, 0.5 * n, 1.0, new SplittableRandom(seed + 1)));
        }
    }

    @Test
    void randFixedSumIsUniformEnoughThatTheMeanOfEachElementIsTheShare() {
        // Uniform over {sum = 2, 0 <= u_i <= 1} with n = 4 is symmetric: every mean is 0.5.
        SplittableRandom r = new SplittableRandom(7);
        double[] mean = new double[4];
        int draws = 20_000;
        for (int d = 0; d < draws; d++) {
            double[] u = new RandFixedSum().generate(4, 2.0, 1.0, r);
            for (int i = 0; i < 4; i++) {
                mean[i] += u[i] / draws;
            }
        }
        for (double m : mean) {
            assertThat(m).isCloseTo(0.5, within(0.02));
        }
    }

    @Test
    void theDiscardAcceptanceProbabilityIsTheShareOfTheSimplexInsideTheCube() {
        java.math.BigDecimal one = java.math.BigDecimal.ONE;
        // n = 2, sum 1.5: u_1 in [0.5, 1] of [0, 1.5]
        assertThat(UUniFastDiscard.acceptanceProbability(2, new java.math.BigDecimal("1.5"), one))
                .isCloseTo(1.0 / 3, within(1e-12));
        // n = 3, sum 2.7: a triangle of side 0.3 in one of side 2.7
        assertThat(UUniFastDiscard.acceptanceProbability(3, new java.math.BigDecimal("2.7"), one))
                .isCloseTo(0.09 / 7.29, within(1e-12));
        assertThat(UUniFastDiscard.acceptanceProbability(3, new java.math.BigDecimal("0.9"), one)).isEqualTo(1.0);
        assertThat(UUniFastDiscard.acceptanceProbability(4, new java.math.BigDecimal("4"), one)).isZero();
        // and it matches the share of draws UUniFast-discard actually keeps
        SplittableRandom r = new SplittableRandom(3);
        int kept = 0;
        for (int d = 0; d < 20_000; d++) {
            double[] u = UUniFastDiscard.uunifast(4, 2.6, r);
            if (java.util.Arrays.stream(u).allMatch(x -> x <= 1.0)) {
                kept++;
            }
        }
        assertThat(kept / 20_000.0).isCloseTo(
                UUniFastDiscard.acceptanceProbability(4, new java.math.BigDecimal("2.6"), one), within(0.01));
    }

    @Test
    void impossibleTargetsAreRefused() {
        assertThatThrownBy(() -> new UUniFastDiscard().generate(3, 3.5, 1.0, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sum to 3.5");
        assertThatThrownBy(() -> new RandFixedSum().generate(3, -0.1, 1.0, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
