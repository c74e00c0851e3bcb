package io.gangproof.analysis;

import io.gangproof.spec.Fraction;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Utilisation} against a plain {@link Fraction} sum after every term: its shortcut (terms
 * left unreduced while an upper bound stays below 1) must give the same comparison with 1 and,
 * when read, the same reduced text, also past 1, at exactly 1, and past 64 bits.
 */
class UtilisationTest {

    @Test
    void matchesFractionSumsAfterEveryTerm() {
        Random rnd = new Random(16);
        for (int run = 0; run < 2_000; run++) {
            Utilisation u = new Utilisation();
            Fraction exact = Fraction.ZERO;
            int terms = 1 + rnd.nextInt(12);
            boolean huge = run % 7 == 0;
            for (int x = 0; x < terms; x++) {
                long t = huge ? 1 + (rnd.nextLong() >>> 2) : 1 + rnd.nextInt(run % 3 == 0 ? 12 : 100_000);
                long c = huge ? (rnd.nextLong() >>> 3) % t : rnd.nextInt((int) Math.min(t, 30_000) + 1) / (1 + rnd.nextInt(4));
                u.add(c, t);
                exact = exact.plus(Fraction.of(c, t));
                assertThat(Integer.signum(u.compareToOne())).isEqualTo(Integer.signum(exact.compareTo(Fraction.of(1, 1))));
                if (rnd.nextInt(4) == 0) {
                    assertThat(u.toString()).isEqualTo(exact.toString());
                    assertThat(u.copy().toString()).isEqualTo(exact.toString());
                }
            }
            assertThat(u.toString()).isEqualTo(exact.toString());
        }
    }

    @Test
    void exactlyOneIsOne() {
        Utilisation u = new Utilisation().add(1, 3).add(1, 3);
        assertThat(u.compareToOne()).isNegative();
        u.add(1, 3);
        assertThat(u.compareToOne()).isZero();
        assertThat(u.toString()).isEqualTo(Fraction.of(1, 1).toString());
    }
}
