package io.gangproof.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.model.Explorer;
import io.gangproof.model.ExplorerOptions;
import io.gangproof.model.ExplorerResult;
import io.gangproof.model.MaxResponseTime;
import io.gangproof.smt.search.ViolationSearch;
import io.gangproof.spec.Bound;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Property;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import io.gangproof.spec.Verdict;
import io.gangproof.spec.format.SpecWriter;
import io.gangproof.spec.testing.SpecArbitraries;
import io.gangproof.spec.testing.SpecGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;

/**
 * Two independent searches over the behaviours of semantics §9 must agree exactly: the SMT
 * violation search (constraints over job-level variables, solved by Z3) and the explorer
 * (breadth-first search of the generated model). On tiny random specs, under every policy and
 * protocol the placement allows (drawn per try), they must give the same verdict for every property, and the
 * optimiser's largest response time of every task must equal the explorer's.
 */
class SmtExplorerAgreementTest {
    private static final long HORIZON = 10;
    /** A rare dense spec (1-tick periods, sporadic) has millions of states: such a search ends UNKNOWN, not compared. */
    private static final ExplorerOptions EXPLORER = ExplorerOptions.DEFAULTS.withHorizon(HORIZON)
            .withMaxStates(1_000_000);
    /** Most queries take milliseconds; a dense spec can keep Z3 busy for minutes. */
    private static final ViolationSearch.Limits SOLVER = ViolationSearch.Limits.DEFAULTS
            .withTimeout(java.time.Duration.ofSeconds(10));

    @Provide
    Arbitrary<SystemSpec> tinySpecs() {
        return SpecArbitraries.within(new SpecGenerator.Limits(4, 3, 2, 2, 6, 3, 1, 1, true));
    }

    /** Each try draws a spec, a policy and a protocol (one the placement allows) and small bounds. */
    @net.jqwik.api.Property(tries = 15)
    void smtSearchAndExplorerAgree(@ForAll("tinySpecs") SystemSpec generated, @ForAll Policy policy,
            @ForAll Protocol protocol, @ForAll @IntRange(min = 0, max = 4) int bound) {
        agree(SpecArbitraries.rescheduled(generated, policy, protocol, properties(generated, bound)));
        // Most specs must be compared in full, or the test would quietly compare nothing.
        Statistics.coverage(c -> c.check("compared in full").percentage(p -> p >= 50));
    }

    private static void agree(SystemSpec spec) {
        String context = "horizon " + HORIZON + ", spec:\n" + SpecWriter.write(spec);
        List<ExplorerResult> explored = Explorer.check(spec, EXPLORER);
        try (ViolationSearch.Session session = new ViolationSearch.Session(spec, HORIZON, SOLVER)) {
            agree(spec, explored, session, context);
        }
    }

    /**
     * Compares every answer both engines give. A limit on either side (the explorer's states, Z3's
     * time) leaves nothing to compare; after a Z3 timeout the rest of the spec is skipped (it is one
     * of the rare dense specs, e.g. three sporadic tasks of 1-tick period), and jqwik's statistics
     * report how often that happens.
     */
    private static void agree(SystemSpec spec, List<ExplorerResult> explored, ViolationSearch.Session session,
            String context) {
        for (int p = 0; p < spec.properties().size(); p++) {
            Property property = spec.properties().get(p);
            long bound = property.declaredBound().map(b -> ((Bound.Value) b).value()).orElse(0L);
            Verdict expected = explored.get(p).verdict();
            if (expected == Verdict.UNKNOWN) {
                continue; // the explorer hit a limit: nothing to compare
            }
            ViolationSearch.Outcome smt = session.search(property, bound);
            if (smt instanceof ViolationSearch.Unknown) {
                Statistics.collect("Z3 timeout: rest of the spec skipped");
                return;
            }
            assertThat(smt).as(property + ", explorer says " + expected + ", " + context)
                    .isInstanceOf(expected == Verdict.VIOLATED ? ViolationSearch.Violated.class
                            : ViolationSearch.HoldsUpTo.class);
        }
        for (Task t : spec.tasks()) {
            MaxResponseTime explorer = Explorer.maxResponseTime(spec, t.name(), EXPLORER);
            if (!explorer.complete()) {
                continue;
            }
            ViolationSearch.MaxResponse smt = session.maxResponse(t.name());
            if (!smt.complete()) {
                Statistics.collect("Z3 timeout: rest of the spec skipped");
                return;
            }
            assertThat(smt.max()).as("largest response time of " + t.name() + ", " + context)
                    .isEqualTo(explorer.max());
        }
        Statistics.collect("compared in full");
    }

    /** Deadlines, deadlock freedom, and per task response, inversion and overtakes with small bounds (also used by {@code SmtSearchBench}). */
    static List<Property> properties(SystemSpec spec, int bound) {
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
}
