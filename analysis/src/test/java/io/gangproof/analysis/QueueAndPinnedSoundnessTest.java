package io.gangproof.analysis;

import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.Scheduler;
import io.gangproof.spec.SystemSpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

import java.util.Random;

/**
 * Soundness of the pinned, fifo and global edf tests ({@code docs/analysis.md} §6a–§6c), as
 * {@link AnalysisSoundnessTest}: on small random specs no response, inversion or overtake count
 * that the brute-force simulator observes may exceed a reported bound. Smoke size here;
 * {@link SoundnessCampaign} runs thousands more.
 */
class QueueAndPinnedSoundnessTest {
    private static final int TRIES = 400;

    @Property(tries = TRIES)
    void pinnedStrictBoundsHold(@ForAll long seed) {
        check(seed, Placement.PINNED, Policy.FP, Protocol.GANG_STRICT, new PinnedGangResponseTime(Protocol.GANG_STRICT));
    }

    @Property(tries = TRIES)
    void pinnedGreedyBoundsHold(@ForAll long seed) {
        check(seed, Placement.PINNED, Policy.FP, Protocol.GANG_GREEDY, new PinnedGangResponseTime(Protocol.GANG_GREEDY));
    }

    @Property(tries = TRIES)
    void fifoStrictBoundsHold(@ForAll long seed) {
        check(seed, Placement.GLOBAL, Policy.FIFO, Protocol.GANG_STRICT,
                new GlobalQueueOrderResponseTime(Policy.FIFO, Protocol.GANG_STRICT));
    }

    @Property(tries = TRIES)
    void fifoGreedyBoundsHold(@ForAll long seed) {
        check(seed, Placement.GLOBAL, Policy.FIFO, Protocol.GANG_GREEDY,
                new GlobalQueueOrderResponseTime(Policy.FIFO, Protocol.GANG_GREEDY));
    }

    @Property(tries = TRIES)
    void edfStrictBoundsHold(@ForAll long seed) {
        check(seed, Placement.GLOBAL, Policy.EDF, Protocol.GANG_STRICT,
                new GlobalQueueOrderResponseTime(Policy.EDF, Protocol.GANG_STRICT));
    }

    @Property(tries = TRIES)
    void edfGreedyBoundsHold(@ForAll long seed) {
        check(seed, Placement.GLOBAL, Policy.EDF, Protocol.GANG_GREEDY,
                new GlobalQueueOrderResponseTime(Policy.EDF, Protocol.GANG_GREEDY));
    }

    @Property(tries = TRIES)
    void pinnedFifoStrictBoundsHold(@ForAll long seed) {
        check(seed, Placement.PINNED, Policy.FIFO, Protocol.GANG_STRICT,
                new PinnedQueueOrderResponseTime(Policy.FIFO, Protocol.GANG_STRICT));
    }

    @Property(tries = TRIES)
    void pinnedFifoGreedyBoundsHold(@ForAll long seed) {
        check(seed, Placement.PINNED, Policy.FIFO, Protocol.GANG_GREEDY,
                new PinnedQueueOrderResponseTime(Policy.FIFO, Protocol.GANG_GREEDY));
    }

    @Property(tries = TRIES)
    void pinnedEdfStrictBoundsHold(@ForAll long seed) {
        check(seed, Placement.PINNED, Policy.EDF, Protocol.GANG_STRICT,
                new PinnedQueueOrderResponseTime(Policy.EDF, Protocol.GANG_STRICT));
    }

    @Property(tries = TRIES)
    void pinnedEdfGreedyBoundsHold(@ForAll long seed) {
        check(seed, Placement.PINNED, Policy.EDF, Protocol.GANG_GREEDY,
                new PinnedQueueOrderResponseTime(Policy.EDF, Protocol.GANG_GREEDY));
    }

    /**
     * Every fifo/edf test again on specs where every task has release jitter, mostly the largest
     * its deadline leaves ({@link TestSpecs#jittered}): the jitter terms of §6c decide here.
     */
    @Property(tries = TRIES)
    void queueOrderBoundsHoldUnderLargeJitter(@ForAll long seed) {
        Random rnd = new Random(seed);
        Placement placement = rnd.nextBoolean() ? Placement.GLOBAL : Placement.PINNED;
        Policy policy = rnd.nextBoolean() ? Policy.FIFO : Policy.EDF;
        Protocol protocol = rnd.nextBoolean() ? Protocol.GANG_STRICT : Protocol.GANG_GREEDY;
        ResponseTimeAnalysis analysis = placement == Placement.GLOBAL ? new GlobalQueueOrderResponseTime(policy, protocol)
                : new PinnedQueueOrderResponseTime(policy, protocol);
        SystemSpec spec = TestSpecs.jittered(rnd, TestSpecs.random(rnd, new Scheduler(placement, policy, protocol)));
        collect(AnalysisSoundnessTest.check(rnd, spec, analysis, true));
    }

    private static void check(long seed, Placement placement, Policy policy, Protocol protocol,
            ResponseTimeAnalysis analysis) {
        collect(AnalysisSoundnessTest.check(seed, new Scheduler(placement, policy, protocol), analysis, true));
    }

    private static void collect(AnalysisResult result) {
        Statistics.label("some task bounded").collect(result.tasks().stream().anyMatch(b -> b.responseBound().isPresent()));
        Statistics.label("all schedulable").collect(result.allSchedulable());
    }
}
