package io.gangproof.analysis;

import io.gangproof.spec.Binding;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import io.gangproof.spec.TimeBudget;
import io.gangproof.spec.TimeFormat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
public final class PinnedQueueOrderResponseTime implements ResponseTimeAnalysis {
    private final Policy policy;
    private final Protocol protocol;

    public PinnedQueueOrderResponseTime(Policy policy, Protocol protocol) {
        if (policy == Policy.FP || protocol.perTpu()) {
            throw new IllegalArgumentException("for fifo and edf with an all-or-nothing protocol");
        }
        this.policy = policy;
        this.protocol = protocol;
    }

    @Override
    public String name() {
        return "pinned-" + policy.keyword() + "-" + protocol.keyword();
    }

    @Override
    public boolean appliesTo(SystemSpec spec) {
        return view(spec, new ArrayList<>()).isEmpty();
    }

    @Override
    public AnalysisResult analyze(SystemSpec spec) {
        return analyze(spec, TimeBudget.UNLIMITED);
    }

    /** A task with its TPU set. */
    private record Pinned(ChargedTask task, Set<Integer> tpus) {
        boolean meets(Set<Integer> other) {
            return tpus.stream().anyMatch(other::contains);
        }
    }

    private Optional<String> view(SystemSpec spec, List<Pinned> out) {
        if (spec.scheduler().placement() != Placement.PINNED) {
            return Optional.of("placement is " + spec.scheduler().placement().keyword() + ", not pinned");
        }
        if (spec.scheduler().policy() != policy) {
            return Optional.of("policy is " + spec.scheduler().policy().keyword() + ", not " + policy.keyword());
        }
        if (spec.scheduler().protocol() != protocol) {
            return Optional.of("protocol is " + spec.scheduler().protocol().keyword() + ", not " + protocol.keyword()
                    + (spec.scheduler().protocol().perTpu()
                            ? " (per-TPU locking holds TPUs while it waits: no test bounds its chains)" : ""));
        }
        for (Task t : spec.tasksByPriority()) {
            if (!(t.binding() instanceof Binding.Pinned p)) {
                return Optional.of("task " + t.name() + " is not pinned to TPUs");
            }
            if (!t.levelFixed()) {
                return Optional.of("task " + t.name() + " has levels " + t.levels() + " still to choose");
            }
            out.add(new Pinned(new ChargedTask(t.name(), t.priority(), p.tpus().size(),
                    Ticks.add(t.wcet(), t.dnn().reload()), t.period(), t.deadline(), t.jitter(), t.dnn().name(),
                    t.dnn().reload(), TimeFormat.of(spec)), new HashSet<>(p.tpus())));
        }
        return Optional.empty();
    }

    @Override
    public AnalysisResult analyze(SystemSpec spec, TimeBudget budget) {
        List<Pinned> ts = new ArrayList<>();
        Optional<String> na = view(spec, ts);
        if (na.isPresent()) {
            return GlobalView.notApplicable(name(), spec, na.get());
        }
        Map<String, TaskBound> byName = FirstMissBounds.of(ts, p -> p.task().name(),
                me -> FirstMissBounds.unknownOnOverflow(me.task().name(), () -> analyseTask(ts, me)), budget);
        return new AnalysisResult(name(), spec.name(), GlobalView.inSpecOrder(spec, byName));
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
        long limit = i.deadline() - i.jitter() - i.exec();
        Optional<Witness.JobCount> w = limit < 0 ? Optional.empty()
                : JobCountWait.best("first-miss", i, 1, terms, List.of(), limit);
        if (w.isEmpty()) {
            return TaskBound.unknown(i.name(), "the wait bound exceeds D - J - C = " + i.time().format(Math.max(limit, 0)),
                    new Witness.None("wait above limit"));
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
        boolean ok = g.response() <= i.deadline();
        String reason = "R = " + i.time().format(g.response()) + (ok ? " <= D = " : " > D = ")
                + i.time().format(i.deadline());
        long inversion = Math.min(wait, lowerWork);
        return new TaskBound(i.name(), ok ? Outcome.SCHEDULABLE : Outcome.NOT_SCHEDULABLE_BY_TEST, reason,
                Optional.of(g.response()), Optional.of(inversion), Optional.of(inversion), Optional.of(overtakes), g);
    }

    /**
     * Lower jobs of {@code j} (its set meets {@code S_i}) starting in {@code [r, r + w)}, {@code w >= 1}:
     * ahead of J (fifo: a lower-priority job arrived in {@code (r - D_j, a]}; edf: deadline {@code <= d},
     * not lower), or, when {@code behind} (gang-greedy, set not containing {@code S_i}), arrived by
     * {@code r + w - 1}: fifo after {@code r - D_j}, edf with deadline {@code > d}, after {@code a + D_i - D_j}.
     */
    private long lowerStarts(ChargedTask i, ChargedTask j, boolean behind, long w) {
        if (!behind) {
            return policy == Policy.FIFO ? Ticks.ceilDiv(j.deadline(), j.period()) : 0;
        }
        long span = policy == Policy.FIFO ? j.deadline() + w - 1 : j.deadline() - i.deadline() + i.jitter() + w - 1;
        return span <= 0 ? 0 : Ticks.ceilDiv(span, j.period());
    }
}
