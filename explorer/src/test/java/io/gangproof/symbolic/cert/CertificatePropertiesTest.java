package io.gangproof.symbolic.cert;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.scheduler.scenario.RandomScenarios;
import io.gangproof.spec.Bound;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Property;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import io.gangproof.spec.format.SpecWriter;
import io.gangproof.spec.testing.SpecArbitraries;
import io.gangproof.spec.testing.SpecGenerator;
import io.gangproof.symbolic.SymbolicExplorer;
import io.gangproof.symbolic.SymbolicOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/**
 * Every certificate the engine writes is accepted by the independent checker, on random tiny
 * specs under every placement, policy and protocol (with reloads, jitter, exits, unknown
 * offsets and sporadic tasks, and every kind of property), and random runs of the reference
 * scheduler lie in its stored states; and the same spec gives the same bytes.
 */
class CertificatePropertiesTest {
    private static final SymbolicOptions OPTIONS = new SymbolicOptions(1_000, 20_000, 40, Map.of());

    @Provide
    Arbitrary<SystemSpec> tinySpecs() {
        return SpecArbitraries.within(new SpecGenerator.Limits(3, 3, 2, 2, 4, 3, 1, 1, true));
    }

    @net.jqwik.api.Property(tries = 15)
    void everyCertificateTheEngineWritesIsAccepted(@ForAll("tinySpecs") SystemSpec generated, @ForAll Policy policy,
            @ForAll Protocol protocol, @ForAll @IntRange(min = 0, max = 4) int bound) {
        SystemSpec spec = SpecArbitraries.rescheduled(generated, policy, protocol, properties(generated, bound));
        String[] text = new String[1];
        SymbolicExplorer.check(spec, OPTIONS, t -> text[0] = t);
        Statistics.collect(text[0] == null ? "no certificate (not closed or nothing proved)" : "certificate");
        if (text[0] != null) {
            ZoneGraphChecker.Verdict v = ZoneGraphChecker.check(spec, text[0]);
            assertThat(v.outcome()).as("%s\n%s", v.reason(), SpecWriter.write(spec))
                    .isEqualTo(ZoneGraphChecker.Outcome.ACCEPTED);
            TraceCoverage coverage = new TraceCoverage(spec, parse(text[0]));
            for (long seed = 0; seed < 5; seed++) {
                assertThat(coverage.uncovered(spec, RandomScenarios.generate(spec, 40, seed), 40))
                        .as("%s", SpecWriter.write(spec)).isEmpty();
            }
        }
        Statistics.coverage(c -> c.check("certificate").percentage(p -> p >= 20));
    }

    private static ZoneGraphFile parse(String text) {
        try {
            return ZoneGraphFile.parse(text);
        } catch (ZoneGraphFile.Malformed e) {
            throw new AssertionError(e);
        }
    }

    private static List<Property> properties(SystemSpec spec, int bound) {
        List<Property> out = new ArrayList<>();
        out.add(new Property.Deadlines(Optional.empty()));
        out.add(new Property.DeadlockFree());
        for (Task t : spec.tasks()) {
            out.add(new Property.Response(t.name(), new Bound.Value(bound + 1)));
            out.add(new Property.Inversion(t.name(), new Bound.Value(bound)));
            out.add(new Property.Overtakes(t.name(), new Bound.Value(bound / 2)));
        }
        return out;
    }

    @Test
    void theSameSpecGivesTheSameBytes() {
        SystemSpec spec = Certificates.bundled("textbook-buttazzo-ex8-1");
        String first = Certificates.of(spec, 30).orElseThrow();
        String second = Certificates.of(spec, 30).orElseThrow();
        assertThat(second).isEqualTo(first);
        assertThat(first).startsWith(ZoneGraphFile.MAGIC + "\n");
    }
}
