package io.gangproof.analysis;

import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.Scheduler;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

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

    private static void check(long seed, Placement placement, Policy policy, Protocol protocol,
            ResponseTimeAnalysis analysis) {
        AnalysisResult result = AnalysisSoundnessTest.check(seed, new Scheduler(placement, policy, protocol), analysis,
                true);
        Statistics.label("some task bounded").collect(result.tasks().stream().anyMatch(b -> b.responseBound().isPresent()));
        Statistics.label("all schedulable").collect(result.allSchedulable());
    }
}
