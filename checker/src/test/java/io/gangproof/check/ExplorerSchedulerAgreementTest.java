package io.gangproof.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.model.Explorer;
import io.gangproof.model.ExplorerOptions;
import io.gangproof.model.ExplorerResult;
import io.gangproof.model.MaxResponseTime;
import io.gangproof.scheduler.ReferenceScheduler;
import io.gangproof.scheduler.Scenario;
import io.gangproof.scheduler.ScenarioJob;
import io.gangproof.scheduler.check.TraceChecker;
import io.gangproof.scheduler.trace.JobRecord;
import io.gangproof.scheduler.trace.Trace;
import io.gangproof.spec.Arrival;
import io.gangproof.spec.DnnExit;
import io.gangproof.spec.Exploration;
import io.gangproof.spec.Latency;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.Scheduler;
import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import io.gangproof.spec.Verdict;
import io.gangproof.spec.testing.SpecArbitraries;
import io.gangproof.spec.testing.SpecGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;

/**
 * Two independent implementations of semantics §5–§9 must agree exactly: the explorer's
 * search over the generated model, and the reference scheduler run on every scenario of a
 * tiny spec, enumerated here by brute force (every offset, sporadic arrival pattern, release
 * jitter, execution time and exit up to the horizon). Compared: the largest response time
 * of every task, and which of deadlines and deadlock-freedom is violated by the horizon.
 */
class ExplorerSchedulerAgreementTest {
    /** Scenarios enumerated per spec at most; the horizon shrinks until a spec fits. */
    private static final long BUDGET = 5_000;

    @Provide
    Arbitrary<SystemSpec> tinySpecs() {
        return SpecArbitraries.within(new SpecGenerator.Limits(3, 3, 2, 2, 6, 3, 1, 1, true));
    }

    @net.jqwik.api.Property(tries = 40)
    void explorerAndEnumeratedSchedulerAgree(@ForAll("tinySpecs") SystemSpec generated) {
        for (SystemSpec variant : schedulerVariants(generated)) {
            agree(withProperties(variant, List.of(new Property.Deadlines(Optional.empty()),
                    new Property.DeadlockFree())));
        }
    }

    /**
     * Regression: a partitioned gang-strict scan once stopped at a job blocked in another
     * partition, so an overloaded partition delayed a job alone on its own (semantics §6).
     */
    @org.junit.jupiter.api.Test
    void aBlockedPartitionDoesNotStopTheStrictScanOfAnother() {
        SystemSpec spec = io.gangproof.spec.parse.SpecLoader.loadText("p.gang", """
                system p {
                  resolution 1 us
                  platform { tpus 2, pipeline p0 = [0], pipeline p1 = [1] }
                  dnn net { latency { 1: 1 us } }
                  task t0 { runs net, periodic 1 us offset 0 us, priority 1, pipeline p1 }
                  task t1 { runs net, periodic 1 us offset 0 us, priority 2, pipeline p0 }
                  task t2 { runs net, periodic 1 us offset 0 us, priority 3, pipeline p0 }
                  scheduler partitioned edf with gang-strict
                  verify { deadlines(t0) }
                }
                """, java.nio.file.Path.of(".")).orThrow();
        assertThat(Explorer.maxResponseTime(spec, "t0", 4).max()).hasValue(1);
        agree(spec);
    }

    /** The spec under every policy and protocol its placement allows. */
    private static List<SystemSpec> schedulerVariants(SystemSpec s) {
        List<SystemSpec> out = new ArrayList<>();
        for (Policy policy : Policy.values()) {
            for (Protocol protocol : Protocol.values()) {
                if (protocol.perTpu() && s.scheduler().placement() == Placement.GLOBAL) {
                    continue;
                }
                out.add(new SystemSpec(s.name(), s.resolution(), s.platform(), s.dnns(), s.tasks(),
                        new Scheduler(s.scheduler().placement(), policy, protocol), s.properties(), s.exploration()));
            }
        }
        return out;
    }

    private static void agree(SystemSpec spec) {
        long horizon = 9;
        while (horizon > 2 && count(spec, horizon) > BUDGET) {
            horizon--;
        }
        if (count(spec, horizon) > BUDGET) {
            return; // too many scenarios even for 2 ticks: nothing to compare cheaply
        }
        long h = horizon;

        long[] maxResponse = new long[spec.tasks().size()];
        java.util.Arrays.fill(maxResponse, -1);
        boolean[] violated = new boolean[spec.properties().size()];
        enumerate(spec, h, scenario -> {
            Trace trace = ReferenceScheduler.run(spec, scenario, h);
            for (JobRecord j : trace.jobs()) {
                if (j.finish().isPresent() && j.finish().getAsLong() <= h) {
                    int i = spec.tasks().indexOf(spec.task(j.task()));
                    maxResponse[i] = Math.max(maxResponse[i], j.finish().getAsLong() - j.arrival());
                }
            }
            TraceChecker checker = TraceChecker.of(spec, trace);
            for (int p = 0; p < violated.length; p++) {
                violated[p] |= checker.violationsOf(spec.properties().get(p)).stream().anyMatch(v -> v.time() <= h);
            }
        });

        String context = "horizon " + h + ", spec:\n" + io.gangproof.spec.format.SpecWriter.write(spec);
        for (int i = 0; i < spec.tasks().size(); i++) {
            MaxResponseTime m = Explorer.maxResponseTime(spec, spec.tasks().get(i).name(), h);
            assertThat(m.complete()).as(context).isTrue();
            OptionalLong expected = maxResponse[i] < 0 ? OptionalLong.empty() : OptionalLong.of(maxResponse[i]);
            assertThat(m.max()).as("largest response time of " + spec.tasks().get(i).name() + ", " + context)
                    .isEqualTo(expected);
        }
        List<ExplorerResult> results = Explorer.check(spec, ExplorerOptions.DEFAULTS.withHorizon(h));
        for (int p = 0; p < violated.length; p++) {
            // not violated: HOLDS-UP-TO, or PROVED when the states repeat before the horizon (semantics §13 item 7)
            assertThat(results.get(p).verdict()).as(spec.properties().get(p) + ", " + context)
                    .isIn(violated[p] ? List.of(Verdict.VIOLATED) : List.of(Verdict.HOLDS_UP_TO, Verdict.PROVED));
        }
    }

    private static SystemSpec withProperties(SystemSpec s, List<Property> properties) {
        return new SystemSpec(s.name(), s.resolution(), s.platform(), s.dnns(), s.tasks(), s.scheduler(), properties,
                Exploration.DEFAULTS);
    }

    // ------------------------------------------------------------ brute-force enumeration of scenarios

    /** The number of scenarios up to {@code horizon}, stopping early once above the budget. */
    static long count(SystemSpec spec, long horizon) {
        long[] n = {0};
        try {
            enumerate(spec, horizon, s -> {
                if (++n[0] > BUDGET) {
                    throw new BudgetExceeded();
                }
            });
        } catch (BudgetExceeded e) {
            return BUDGET + 1;
        }
        return n[0];
    }

    private static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded() {
            super(null, null, false, false);
        }
    }

    static void enumerate(SystemSpec spec, long horizon, Consumer<Scenario> each) {
        tasks(spec, horizon, 0, new ArrayList<>(), each);
    }

    /** Every arrival pattern of task {@code i}, then of the next tasks. */
    private static void tasks(SystemSpec spec, long horizon, int i, List<ScenarioJob> jobs, Consumer<Scenario> each) {
        if (i == spec.tasks().size()) {
            each.accept(new Scenario(List.copyOf(jobs)));
            return;
        }
        Task t = spec.tasks().get(i);
        for (List<Long> arrivals : arrivalPatterns(t.arrival(), horizon)) {
            jobsOf(spec, horizon, i, t, arrivals, 0, jobs, each);
        }
    }

    /** For each arrival: every release in [a, a + J] and every execution time (with the first exit allowing it). */
    private static void jobsOf(SystemSpec spec, long horizon, int i, Task t, List<Long> arrivals, int k,
            List<ScenarioJob> jobs, Consumer<Scenario> each) {
        if (k == arrivals.size()) {
            tasks(spec, horizon, i + 1, jobs, each);
            return;
        }
        long a = arrivals.get(k);
        for (long r = a; r <= a + t.jitter(); r++) {
            Latency hull = t.dnn().latency(t.level());
            for (long e = hull.bcet(); e <= hull.wcet(); e++) {
                Optional<String> exit = exitAllowing(t, e);
                if (exit.isEmpty()) {
                    continue;
                }
                jobs.add(new ScenarioJob(t.name(), k, a, r, e, exit.get()));
                jobsOf(spec, horizon, i, t, arrivals, k + 1, jobs, each);
                jobs.remove(jobs.size() - 1);
            }
        }
    }

    private static Optional<String> exitAllowing(Task t, long e) {
        for (DnnExit x : t.dnn().exits()) {
            Latency l = x.table().get(t.level());
            if (l.bcet() <= e && e <= l.wcet()) {
                return Optional.of(x.name());
            }
        }
        return Optional.empty();
    }

    /** Every arrival sequence of the model up to the horizon (semantics §4, §9). */
    static List<List<Long>> arrivalPatterns(Arrival arrival, long horizon) {
        List<List<Long>> out = new ArrayList<>();
        if (arrival instanceof Arrival.Periodic p) {
            out.add(periodic(p.offset(), p.period(), horizon));
        } else if (arrival instanceof Arrival.PeriodicAnyOffset p) {
            for (long o = 0; o < p.period(); o++) {
                out.add(periodic(o, p.period(), horizon));
            }
        } else {
            sporadic(arrival.period(), horizon, 0, new ArrayList<>(), out);
        }
        return out;
    }

    private static List<Long> periodic(long offset, long period, long horizon) {
        List<Long> a = new ArrayList<>();
        for (long t = offset; t <= horizon; t += period) {
            a.add(t);
        }
        return a;
    }

    private static void sporadic(long gap, long horizon, long earliest, List<Long> prefix, List<List<Long>> out) {
        out.add(List.copyOf(prefix));
        for (long t = earliest; t <= horizon; t++) {
            prefix.add(t);
            sporadic(gap, horizon, t + gap, prefix, out);
            prefix.remove(prefix.size() - 1);
        }
    }
}
