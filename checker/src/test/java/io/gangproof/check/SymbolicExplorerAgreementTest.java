package io.gangproof.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.model.Explorer;
import io.gangproof.model.ExplorerOptions;
import io.gangproof.model.ExplorerResult;
import io.gangproof.model.MaxResponseTime;
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
import io.gangproof.symbolic.SymbolicOutcome;
import io.gangproof.symbolic.SymbolicResult;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * The differential test of docs/symbolic.md: on random tiny specs under every placement (drawn by
 * the generator), policy and protocol (drawn per try), with reloads, jitter, exits, unknown
 * offsets and sporadic tasks, the symbolic engine and the tick explorer give the same verdicts
 * and the same largest response time per task. The tick explorer decides "for all time" only
 * when its reachable states repeat (semantics §13, item 7); otherwise the symbolic verdict must
 * be consistent with its horizon (a violation it finds lies beyond the horizon).
 */
class SymbolicExplorerAgreementTest {
    private static final long HORIZON = 40;
    private static final ExplorerOptions EXPLORER = ExplorerOptions.DEFAULTS.withHorizon(HORIZON)
            .withMaxStates(100_000)
            .withTimeLimitMillis(2_000);
    private static final SymbolicOptions SYMBOLIC = new SymbolicOptions(2_000, 100_000, HORIZON, Map.of());

    @Provide
    Arbitrary<SystemSpec> tinySpecs() {
        return SpecArbitraries.within(new SpecGenerator.Limits(3, 3, 2, 2, 4, 3, 1, 1, true));
    }

    @net.jqwik.api.Property(tries = 15)
    void symbolicAndTickExplorerAgree(@ForAll("tinySpecs") SystemSpec generated, @ForAll Policy policy,
            @ForAll Protocol protocol, @ForAll @IntRange(min = 0, max = 4) int bound) {
        agree(SpecArbitraries.rescheduled(generated, policy, protocol, SmtExplorerAgreementTest.properties(generated,
                bound)));
        Statistics.coverage(c -> c.check("compared in full").percentage(p -> p >= 30));
    }

    static void agree(SystemSpec spec) {
        String context = "horizon " + HORIZON + ", spec:\n" + SpecWriter.write(spec);
        List<ExplorerResult> tick = Explorer.check(spec, EXPLORER);
        SymbolicOutcome sym = SymbolicExplorer.check(spec, SYMBOLIC);
        boolean allViolated = !sym.results().isEmpty()
                && sym.results().stream().allMatch(r -> r instanceof SymbolicResult.Violated);
        if (!sym.closed() && !allViolated) {
            String reason = sym.results().stream().filter(r -> r instanceof SymbolicResult.Unknown)
                    .map(r -> ((SymbolicResult.Unknown) r).reason()).findFirst().orElse("");
            Statistics.collect("the symbolic engine hit its " + (reason.contains("jobs alive") ? "alive-jobs limit"
                    : "time, state or memory limit"));
            return;
        }
        if (tick.stream().anyMatch(r -> r instanceof ExplorerResult.Unknown)) {
            Statistics.collect("the tick explorer hit a limit");
            return;
        }
        boolean tickClosed = tick.stream().anyMatch(r -> r instanceof ExplorerResult.Proved);
        for (int p = 0; p < spec.properties().size(); p++) {
            Property property = spec.properties().get(p);
            ExplorerResult t = tick.get(p);
            SymbolicResult s = sym.results().stream().filter(r -> r.property().equals(property)).findFirst()
                    .orElseThrow();
            String as = property + ": tick explorer " + t.verdict() + ", symbolic " + s + ", " + context;
            if (t instanceof ExplorerResult.Violated) {
                assertThat(s).as(as).isInstanceOf(SymbolicResult.Violated.class);
            } else if (s instanceof SymbolicResult.Violated v) {
                assertThat(tickClosed).as(as).isFalse();
                assertThat(v.instant()).as(as).isGreaterThan(HORIZON);
            } else if (s instanceof SymbolicResult.Unknown u) {
                assertThat(property).as(as).isInstanceOf(Property.Inversion.class);
                assertThat(u.reason()).as(as).contains("stopwatch");
                Statistics.collect("inversion needs a stopwatch");
            }
        }
        if (!sym.closed()) {
            Statistics.collect("every property violated: verdicts compared");
            return;
        }
        for (Task task : spec.tasks()) {
            MaxResponseTime t = Explorer.maxResponseTime(spec, task.name(), EXPLORER);
            Long s = sym.maxResponse().get(task.name());
            String as = "largest response time of " + task.name() + ", " + context;
            if (tickClosed) {
                assertThat(s == null ? null : s.longValue()).as(as)
                        .isEqualTo(t.max().isPresent() ? t.max().getAsLong() : null);
            } else if (t.max().isPresent()) {
                assertThat(s).as(as).isNotNull().isGreaterThanOrEqualTo(t.max().getAsLong());
            }
        }
        Statistics.collect(tickClosed ? "compared in full" : "tick explorer did not repeat: compared up to horizon");
    }
}
