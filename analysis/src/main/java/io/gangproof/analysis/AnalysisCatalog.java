package io.gangproof.analysis;

import io.gangproof.spec.Policy;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.SystemSpec;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The analyses of semantics §10, and which one models a given spec. */
public final class AnalysisCatalog {
    private AnalysisCatalog() {
    }

    /** Every analysis, in a stable order. */
    public static List<ResponseTimeAnalysis> all() {
        return List.of(new NpFpResponseTime(), new NpEdfProcessorDemand(), new GlobalGangStrictResponseTime(),
                GlobalGangStrictResponseTime.sequentialOnly(), new GlobalGangGreedyResponseTime(),
                new PinnedGangResponseTime(Protocol.GANG_STRICT), new PinnedGangResponseTime(Protocol.GANG_GREEDY),
                new GlobalQueueOrderResponseTime(Policy.FIFO, Protocol.GANG_STRICT),
                new GlobalQueueOrderResponseTime(Policy.FIFO, Protocol.GANG_GREEDY),
                new GlobalQueueOrderResponseTime(Policy.EDF, Protocol.GANG_STRICT),
                new GlobalQueueOrderResponseTime(Policy.EDF, Protocol.GANG_GREEDY),
                new PinnedQueueOrderResponseTime(Policy.FIFO, Protocol.GANG_STRICT),
                new PinnedQueueOrderResponseTime(Policy.FIFO, Protocol.GANG_GREEDY),
                new PinnedQueueOrderResponseTime(Policy.EDF, Protocol.GANG_STRICT),
                new PinnedQueueOrderResponseTime(Policy.EDF, Protocol.GANG_GREEDY),
                GlobalGangStrictResponseTime.unboundedCarryIn(),
                new GlobalGangGreedyResponseTime(CarryInRule.UNBOUNDED),
                new GlobalGangGreedyResponseTime(CarryInRule.PER_INSTANT),
                new GlobalGangGreedyResponseTime(CarryInRule.ONE_PER_TASK_LP),
                new GlobalGangStrictResponseTime(true, CarryInRule.PER_INSTANT_WINDOW),
                new GlobalGangStrictResponseTime(true, CarryInRule.ONE_PER_TASK_DP),
                new GlobalGangStrictResponseTime(true, CarryInRule.ONE_PER_TASK_DP_WINDOW),
                new GlobalGangStrictResponseTime(true, CarryInRule.PER_INSTANT, true),
                GlobalGangStrictResponseTime.tightest(),
                new GlobalGangGreedyResponseTime(CarryInRule.ONE_PER_TASK_DP_WINDOW),
                new GlobalSerialResponseTime());
    }

    /**
     * The analysis for the spec's scheduler, if any: the one {@code check}, {@code analyze} and the
     * proofs use. Where several apply it is the tightest (docs/analysis.md §6b, §12): the serialised test
     * where every task is wider than half the platform, else every step of §5b–§5d for gang-strict
     * and the windowed 0/1 carry-in for gang-greedy; the others are for comparison.
     */
    public static Optional<ResponseTimeAnalysis> forSpec(SystemSpec spec) {
        return Stream.concat(Stream.of(new GlobalSerialResponseTime(), GlobalGangStrictResponseTime.tightest(),
                new GlobalGangGreedyResponseTime(CarryInRule.ONE_PER_TASK_DP_WINDOW)), all().stream())
                .filter(a -> a.appliesTo(spec)).findFirst();
    }

    public static Optional<ResponseTimeAnalysis> byName(String name) {
        return all().stream().filter(a -> a.name().equals(name)).findFirst();
    }
}
