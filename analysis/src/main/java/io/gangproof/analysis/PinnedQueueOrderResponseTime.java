package io.gangproof.analysis;

import io.gangproof.analysis.PinnedView.Pinned;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.SystemSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Response-time bound for {@code pinned fifo} and {@code pinned edf} with {@code gang-strict} or
 * {@code gang-greedy} (proof in {@code docs/analysis.md} §6b). The first-miss argument of the
 * global fifo/edf test ({@link GlobalQueueOrderResponseTime}, §6c) with the TPU sets of pinned
 * placement, sequential ({@code beta = 1}): one busy TPU of a set stops a job.
 * <ul>
 * <li><b>gang-strict</b>: the one scan stops at the first job that cannot start, ahead of J or J,
 * on any TPUs (the indirect effect), so some TPU is busy at every instant of the wait, held by a
 * job that is ahead of J or started before its release: every other task counts, with the
 * ahead span of §6c.</li>
 * <li><b>gang-greedy</b>: J is skipped only while a TPU of {@code S_i} is busy; tasks not meeting
 * {@code S_i} never hold one; a task whose set contains {@code S_i} cannot start behind J (it
 * would need the busy TPU) and counts with the ahead span; one that meets {@code S_i} without
 * containing it may start behind J while it waits: arrivals in {@code (r - D_j, r + w]}.</li>
 * </ul>
 * Valid only if every task passes. Every job is charged {@code wcet + reload}.
 */
public final class PinnedQueueOrderResponseTime extends QueueOrderResponseTime<Pinned> {

    public PinnedQueueOrderResponseTime(Policy policy, Protocol protocol) {
        super(Placement.PINNED, policy, protocol);
    }

    @Override
    Optional<String> read(SystemSpec spec, List<Pinned> out) {
        return PinnedView.read(spec, policy, protocol, out);
    }

    @Override
    ChargedTask charged(Pinned t) {
        return t.task();
    }

    @Override
    Function<Pinned, TaskBound> analyser(SystemSpec spec, List<Pinned> ts) {
        return me -> analyseTask(ts, me);
    }

    private TaskBound analyseTask(List<Pinned> ts, Pinned me) {
        ChargedTask i = me.task();
        boolean greedy = protocol == Protocol.GANG_GREEDY;
        List<JobCountWait.Term> terms = new ArrayList<>();
        List<Pinned> counted = new ArrayList<>();
        for (Pinned o : ts) {
            if (o == me || greedy && !o.meets(me.tpus())) {
                continue;
            }
            ChargedTask j = o.task();
            boolean behind = greedy && !o.tpus().containsAll(me.tpus());
            terms.add(behind ? new JobCountWait.Term(j, j.deadline(), true, j.deadline())
                    : new JobCountWait.Term(j, GlobalQueueOrderResponseTime.aheadSpan(policy, i, j), false, j.deadline()));
            counted.add(o);
        }
        Optional<Witness.JobCount> w = FirstMissBounds.wait(i, 1, terms, List.of());
        if (w.isEmpty()) {
            return FirstMissBounds.waitAboveLimit(i);
        }
        Witness.JobCount g = w.get();
        long wait = g.waitBound();
        long lowerWork = 0;
        long overtakes = 0;
        for (int k = 0; k < terms.size(); k++) {
            Pinned o = counted.get(k);
            ChargedTask j = o.task();
            boolean canBeLower = policy == Policy.EDF || j.priority() > i.priority();
            if (!canBeLower || !o.meets(me.tpus())) {
                continue;
            }
            lowerWork = Ticks.add(lowerWork, terms.get(k).work(wait));
            overtakes = Ticks.add(overtakes, wait == 0 ? 0 : lowerStarts(i, j, terms.get(k).grows(), wait));
        }
        return PinnedGangResponseTime.bound(i, g, Math.min(wait, lowerWork), overtakes);
    }
}
