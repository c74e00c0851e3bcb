package io.gangproof.analysis;

import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.Scheduler;
import io.gangproof.spec.SystemSpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Soundness of the pinned, fifo and global edf tests ({@code docs/analysis.md} §6a–§6c), as
 * {@link AnalysisSoundnessTest}: on small random specs no response, inversion or overtake count
 * that the brute-force simulator observes may exceed a reported bound. Smoke size here;
 * {@link SoundnessCampaign} runs thousands more.
 */
class QueueAndPinnedSoundnessTest {
    private static final int TRIES = 400;

    /** A test with the scheduler of the specs it is checked on. */
    record Kind(Scheduler scheduler, ResponseTimeAnalysis analysis) {
    }

    /** The pinned fp tests, then the fifo and edf tests of global and pinned placement, each protocol. */
    static final List<Kind> KINDS = kinds();

    private static List<Kind> kinds() {
        List<Kind> out = new ArrayList<>();
        for (Protocol protocol : List.of(Protocol.GANG_STRICT, Protocol.GANG_GREEDY)) {
            out.add(new Kind(new Scheduler(Placement.PINNED, Policy.FP, protocol), new PinnedGangResponseTime(protocol)));
        }
        for (Placement placement : List.of(Placement.GLOBAL, Placement.PINNED)) {
            for (Policy policy : List.of(Policy.FIFO, Policy.EDF)) {
                for (Protocol protocol : List.of(Protocol.GANG_STRICT, Protocol.GANG_GREEDY)) {
                    out.add(new Kind(new Scheduler(placement, policy, protocol), queueOrder(placement, policy, protocol)));
                }
            }
        }
        return List.copyOf(out);
    }

    private static ResponseTimeAnalysis queueOrder(Placement placement, Policy policy, Protocol protocol) {
        return placement == Placement.GLOBAL ? new GlobalQueueOrderResponseTime(policy, protocol)
                : new PinnedQueueOrderResponseTime(policy, protocol);
    }

    /** Every kind on a spec of its scheduler drawn from {@code seed}: {@value #TRIES} specs per test. */
    @Property(tries = TRIES)
    void boundsHold(@ForAll long seed) {
        for (Kind k : KINDS) {
            try {
                collect(k.analysis().name(), AnalysisSoundnessTest.check(seed, k.scheduler(), k.analysis(), true));
            } catch (AssertionError e) {
                throw new AssertionError(k.analysis().name() + ": " + e.getMessage(), e);
            }
        }
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
        ResponseTimeAnalysis analysis = queueOrder(placement, policy, protocol);
        SystemSpec spec = TestSpecs.jittered(rnd, TestSpecs.random(rnd, new Scheduler(placement, policy, protocol)));
        collect("queue order", AnalysisSoundnessTest.check(rnd, spec, analysis, true));
    }

    private static void collect(String analysis, AnalysisResult result) {
        Statistics.label(analysis + ": some task bounded")
                .collect(result.tasks().stream().anyMatch(b -> b.responseBound().isPresent()));
        Statistics.label(analysis + ": all schedulable").collect(result.allSchedulable());
    }
}
