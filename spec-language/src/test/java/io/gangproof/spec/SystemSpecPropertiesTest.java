package io.gangproof.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.spec.testing.SpecArbitraries;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The derived quantities of {@link SystemSpec}, {@link Task} and {@link Dnn}, checked against their definitions. */
class SystemSpecPropertiesTest {

    @Property(tries = 300)
    void hyperperiodIsTheLeastCommonMultipleWhenItFits(@ForAll("specs") SystemSpec s) {
        BigInteger lcm = BigInteger.ONE;
        for (Task t : s.tasks()) {
            BigInteger p = BigInteger.valueOf(t.period());
            lcm = lcm.divide(lcm.gcd(p)).multiply(p);
        }
        if (lcm.bitLength() < 64) {
            assertThat(s.hyperperiod()).contains(lcm.longValueExact());
        } else {
            assertThat(s.hyperperiod()).isEmpty();
        }
    }

    @Property(tries = 300)
    void utilisationIsTheSumOfKTimesWcetOverT(@ForAll("specs") SystemSpec s) {
        // sum k * C / T over fixed-level tasks, divided by m, compared as exact cross products.
        BigInteger num = BigInteger.ZERO;
        BigInteger den = BigInteger.ONE;
        for (Task t : s.tasks()) {
            if (t.levelFixed()) {
                BigInteger n = BigInteger.valueOf(t.level()).multiply(BigInteger.valueOf(t.dnn().wcet(t.level())));
                BigInteger d = BigInteger.valueOf(t.period());
                num = num.multiply(d).add(n.multiply(den));
                den = den.multiply(d);
            }
        }
        den = den.multiply(BigInteger.valueOf(s.platform().tpus()));
        Fraction u = s.tpuTimeUtilisation();
        assertThat(u.numerator().multiply(den)).isEqualTo(num.multiply(u.denominator()));
        assertThat(u.numerator().gcd(u.denominator())).isIn(BigInteger.ONE, u.denominator());
    }

    @Property(tries = 300)
    void eligibleTpusFollowTheBinding(@ForAll("specs") SystemSpec s) {
        int m = s.platform().tpus();
        for (Task t : s.tasks()) {
            List<Integer> eligible = s.eligibleTpus(t);
            Binding b = t.binding();
            if (b instanceof Binding.Pinned p) {
                assertThat(eligible).isEqualTo(p.tpus());
            } else if (b instanceof Binding.OnPipeline p) {
                assertThat(eligible).isEqualTo(s.platform().pipeline(p.pipeline()).orElseThrow().tpus());
            } else {
                assertThat(eligible).isEqualTo(IntStream.range(0, m).boxed().toList());
            }
            assertThat(eligible.size()).isGreaterThanOrEqualTo(t.levels().last());
        }
    }

    @Property(tries = 300)
    void lookupsAndPriorityOrder(@ForAll("specs") SystemSpec s) {
        for (Task t : s.tasks()) {
            assertThat(s.task(t.name())).isSameAs(t);
            assertThat(s.dnn(t.dnn().name())).isEqualTo(t.dnn());
        }
        List<Task> byPriority = s.tasksByPriority();
        assertThat(byPriority).containsExactlyInAnyOrderElementsOf(s.tasks());
        for (int i = 1; i < byPriority.size(); i++) {
            assertThat(byPriority.get(i - 1).priority()).isLessThan(byPriority.get(i).priority());
        }
    }

    @Property(tries = 300)
    void aDnnsIntervalIsTheHullOfItsExits(@ForAll("specs") SystemSpec s) {
        for (Dnn d : s.dnns()) {
            for (int k : d.levels()) {
                List<Latency> at = new ArrayList<>();
                d.exits().forEach(e -> at.add(e.table().get(k)));
                assertThat(d.wcet(k)).isEqualTo(at.stream().mapToLong(Latency::wcet).max().orElseThrow());
                assertThat(d.bcet(k)).isEqualTo(at.stream().mapToLong(Latency::bcet).min().orElseThrow());
                assertThat(d.supports(k)).isTrue();
            }
            assertThat(d.supports(0)).isFalse();
        }
    }

    @Property(tries = 200)
    void fractionsAreInLowestTermsAndOrdered(@ForAll("naturals") long a, @ForAll("positives") long b,
            @ForAll("naturals") long c, @ForAll("positives") long d) {
        Fraction x = Fraction.of(a, b);
        Fraction y = Fraction.of(c, d);
        assertThat(x.numerator().gcd(x.denominator())).isIn(BigInteger.ONE, x.denominator());
        assertThat(x.compareTo(y)).isEqualTo(Long.signum(Math.multiplyExact(a, d) - Math.multiplyExact(c, b)));
        assertThat(x.plus(y)).isEqualTo(Fraction.of(a * d + c * b, b * d));
        assertThat(x.times(3).dividedBy(3)).isEqualTo(x);
    }

    @Provide
    Arbitrary<SystemSpec> specs() {
        return Arbitraries.oneOf(SpecArbitraries.specs(), SpecArbitraries.smallSpecs());
    }

    @Provide
    Arbitrary<Long> naturals() {
        return Arbitraries.longs().between(0, 1_000_000);
    }

    @Provide
    Arbitrary<Long> positives() {
        return Arbitraries.longs().between(1, 1_000_000);
    }
}
