package io.gangproof.analysis;

import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.Scheduler;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Soundness (semantics §10 last paragraph): on thousands of small random specs, no response time,
 * inversion or overtake count observed by the brute-force simulator exceeds a reported bound.
 * Each try simulates the synchronous pattern and many random behaviours (offsets, sporadic gaps,
 * jitter, execution times). A counterexample is a soundness bug.
 */
class AnalysisSoundnessTest {
    private static final int SCENARIOS = 16;

    @Property(tries = 1000)
    void partitionedFpBoundsHold(@ForAll long seed) {
        check(seed, new Scheduler(Placement.PARTITIONED, Policy.FP, Protocol.GANG_STRICT), new NpFpResponseTime());
    }

    @Property(tries = 1000)
    void partitionedEdfBoundsHold(@ForAll long seed) {
        check(seed, new Scheduler(Placement.PARTITIONED, Policy.EDF, Protocol.GANG_GREEDY), new NpEdfProcessorDemand());
    }

    @Property(tries = 1000)
    void globalStrictBoundsHold(@ForAll long seed) {
        check(seed, new Scheduler(Placement.GLOBAL, Policy.FP, Protocol.GANG_STRICT), new GlobalGangStrictResponseTime());
    }

    @Property(tries = 300)
    void globalStrictSequentialBoundsHold(@ForAll long seed) {
        check(seed, new Scheduler(Placement.GLOBAL, Policy.FP, Protocol.GANG_STRICT),
                GlobalGangStrictResponseTime.sequentialOnly());
    }

    @Property(tries = 1000)
    void globalGreedyBoundsHold(@ForAll long seed) {
        check(seed, new Scheduler(Placement.GLOBAL, Policy.FP, Protocol.GANG_GREEDY), new GlobalGangGreedyResponseTime());
    }

    /** The carry-in variants (docs/analysis.md §5a) that are not the defaults above. */
    @Property(tries = 300)
    void globalStrictUnboundedCarryInBoundsHold(@ForAll long seed) {
        check(seed, new Scheduler(Placement.GLOBAL, Policy.FP, Protocol.GANG_STRICT),
                GlobalGangStrictResponseTime.unboundedCarryIn());
    }

    @Property(tries = 300)
    void globalGreedyVariantBoundsHold(@ForAll long seed) {
        CarryInRule[] rules = {CarryInRule.UNBOUNDED, CarryInRule.PER_INSTANT, CarryInRule.ONE_PER_TASK_LP};
        check(seed, new Scheduler(Placement.GLOBAL, Policy.FP, Protocol.GANG_GREEDY),
                new GlobalGangGreedyResponseTime(rules[(int) Math.floorMod(seed, 3L)]));
    }

    /** Gang-strict with every step of §5b–§5d together, the study's best test. */
    @Property(tries = 600)
    void globalStrictTightestBoundsHold(@ForAll long seed) {
        check(seed, new Scheduler(Placement.GLOBAL, Policy.FP, Protocol.GANG_STRICT),
                new GlobalGangStrictResponseTime(true, CarryInRule.ONE_PER_TASK_DP_WINDOW, true));
    }

    /** The other steps of §5b and §5c, each on its own. */
    @Property(tries = 300)
    void globalTighterStepBoundsHold(@ForAll long seed) {
        ResponseTimeAnalysis[] steps = {new GlobalGangStrictResponseTime(true, CarryInRule.PER_INSTANT_WINDOW),
            new GlobalGangStrictResponseTime(true, CarryInRule.ONE_PER_TASK_DP),
            new GlobalGangStrictResponseTime(true, CarryInRule.ONE_PER_TASK_DP_WINDOW),
            new GlobalGangStrictResponseTime(true, CarryInRule.PER_INSTANT, true),
            new GlobalGangGreedyResponseTime(CarryInRule.ONE_PER_TASK_DP_WINDOW)};
        int pick = (int) Math.floorMod(seed, 5L);
        check(seed, new Scheduler(Placement.GLOBAL, Policy.FP, pick == 4 ? Protocol.GANG_GREEDY : Protocol.GANG_STRICT),
                steps[pick]);
    }

    private static void check(long seed, Scheduler scheduler, ResponseTimeAnalysis analysis) {
        AnalysisResult result = check(seed, scheduler, analysis, true);
        Statistics.label("some task bounded").collect(result.tasks().stream().anyMatch(b -> b.responseBound().isPresent()));
        Statistics.label("all schedulable").collect(result.allSchedulable());
    }

    /** The check itself, usable outside jqwik ({@link SoundnessCampaign}); returns the analysis result. */
    static AnalysisResult check(long seed, Scheduler scheduler, ResponseTimeAnalysis analysis, boolean simulate) {
        return check(seed, scheduler, analysis, simulate, 0);
    }

    /** {@code size}: 0 for the default small specs, else up to {@code size} TPUs and tasks. */
    static AnalysisResult check(long seed, Scheduler scheduler, ResponseTimeAnalysis analysis, boolean simulate,
            int size) {
        Random rnd = new Random(seed);
        SystemSpec spec = size == 0 ? TestSpecs.random(rnd, scheduler) : TestSpecs.random(rnd, scheduler, size, size);
        return check(rnd, spec, analysis, simulate);
    }

    /** The check on a given spec, with behaviours drawn from {@code rnd}. */
    static AnalysisResult check(Random rnd, SystemSpec spec, ResponseTimeAnalysis analysis, boolean simulate) {
        AnalysisResult result = analysis.analyze(spec);
        assertThat(result.applicable()).as("applicable to %s", describe(spec)).isTrue();
        boolean anyBound = result.tasks().stream().anyMatch(b -> b.responseBound().isPresent());
        if (!simulate || (!anyBound && result.tasks().stream().allMatch(b -> b.inversionBound().isEmpty()))) {
            return result;
        }
        long maxPeriod = spec.tasks().stream().mapToLong(Task::period).max().orElse(1);
        long horizon = Math.min(200, 5 * maxPeriod + 20);
        for (int s = 0; s < SCENARIOS; s++) {
            List<BruteForceGangSimulator.PlannedJob> plan = BruteForceGangSimulator.randomPlan(spec, rnd, horizon, s == 0);
            BruteForceGangSimulator.Observed obs = BruteForceGangSimulator.run(spec, plan, horizon);
            for (TaskBound b : result.tasks()) {
                String why = b.task() + " in " + describe(spec) + "\nresult " + b + "\nplan " + plan;
                long seen = obs.response().getOrDefault(b.task(), 0L);
                if (b.responseBound().isPresent()) {
                    assertThat(seen).as("response of %s", why).isLessThanOrEqualTo(b.responseBound().get());
                }
                if (b.inversionBound().isPresent()) {
                    assertThat(obs.inversion().getOrDefault(b.task(), 0L)).as("inversion of %s", why)
                            .isLessThanOrEqualTo(b.inversionBound().get());
                }
                if (b.overtakesBound().isPresent()) {
                    assertThat(obs.overtakes().getOrDefault(b.task(), 0L)).as("overtakes of %s", why)
                            .isLessThanOrEqualTo(b.overtakesBound().get());
                }
            }
        }
        return result;
    }

    static String describe(SystemSpec spec) {
        StringBuilder sb = new StringBuilder();
        sb.append(spec.scheduler().describe()).append(", m = ").append(spec.platform().tpus())
                .append(", pipelines ").append(spec.platform().pipelines());
        for (Task t : spec.tasks()) {
            int k = BruteForceGangSimulator.level(spec, t);
            sb.append("\n  ").append(t.name()).append(": prio ").append(t.priority()).append(", k ").append(k)
                    .append(", C [").append(t.dnn().bcet(k)).append(", ").append(t.dnn().wcet(k)).append("], dnn ")
                    .append(t.dnn().name()).append(" reload ").append(t.dnn().reload()).append(", ")
                    .append(t.arrival()).append(", D ").append(t.deadline()).append(", J ").append(t.jitter())
                    .append(", ").append(t.binding());
        }
        return sb.toString();
    }
}
