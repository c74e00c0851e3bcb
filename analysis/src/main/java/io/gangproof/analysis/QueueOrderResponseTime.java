package io.gangproof.analysis;

import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.TimeBudget;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the {@code fifo} and {@code edf} tests of global and pinned placement share
 * (docs/analysis.md §6b, §6c): an all-or-nothing protocol, a spec read into tasks of type
 * {@code T}, and a first-miss argument over them ({@link FirstMissBounds}), so a bound holds only
 * if every task passes.
 */
abstract sealed class QueueOrderResponseTime<T> implements ResponseTimeAnalysis
        permits GlobalQueueOrderResponseTime, PinnedQueueOrderResponseTime {
    final Policy policy;
    final Protocol protocol;
    private final Placement placement;

    QueueOrderResponseTime(Placement placement, Policy policy, Protocol protocol) {
        if (policy == Policy.FP || protocol.perTpu()) {
            throw new IllegalArgumentException("for fifo and edf with an all-or-nothing protocol");
        }
        this.placement = placement;
        this.policy = policy;
        this.protocol = protocol;
    }

    /** Why the test does not apply to {@code spec}, or empty when it does; fills {@code out} by priority. */
    abstract Optional<String> read(SystemSpec spec, List<T> out);

    /** The task {@code t} stands for. */
    abstract ChargedTask charged(T t);

    /** The bound of each task of {@code ts}, read from {@code spec}. */
    abstract Function<T, TaskBound> analyser(SystemSpec spec, List<T> ts);

    @Override
    public String name() {
        return placement.keyword() + "-" + policy.keyword() + "-" + protocol.keyword();
    }

    @Override
    public boolean appliesTo(SystemSpec spec) {
        return read(spec, new ArrayList<>()).isEmpty();
    }

    @Override
    public AnalysisResult analyze(SystemSpec spec) {
        return analyze(spec, TimeBudget.UNLIMITED);
    }

    @Override
    public AnalysisResult analyze(SystemSpec spec, TimeBudget budget) {
        List<T> ts = new ArrayList<>();
        Optional<String> na = read(spec, ts);
        if (na.isPresent()) {
            return GlobalView.notApplicable(name(), spec, na.get());
        }
        Function<T, TaskBound> analyse = analyser(spec, ts);
        Map<String, TaskBound> byName = FirstMissBounds.of(ts, t -> charged(t).name(),
                t -> FirstMissBounds.unknownOnOverflow(charged(t).name(), () -> analyse.apply(t)), budget);
        return new AnalysisResult(name(), spec.name(), GlobalView.inSpecOrder(spec, byName));
    }

    /**
     * Lower jobs of {@code j} starting in {@code [r, r + w)}, {@code w >= 1}, for a task whose jobs
     * can be lower than J's: ahead of J (fifo: arrived in {@code (r - D_j, a]}; edf: deadline
     * {@code <= d}, not lower), or, when {@code behind} (under gang-greedy it may start behind J while
     * J waits), arrived by {@code r + w - 1}: fifo after {@code r - D_j}, so in
     * {@code (r - D_j, r + w - 1]}; edf with deadline {@code > d}, so in
     * {@code (a + D_i - D_j, a + J_i + w - 1]}, which already lies after {@code r - D_j} as
     * {@code D_i > J_i}.
     */
    long lowerStarts(ChargedTask i, ChargedTask j, boolean behind, long w) {
        if (!behind) {
            return policy == Policy.FIFO ? Ticks.ceilDiv(j.deadline(), j.period()) : 0;
        }
        long span = policy == Policy.FIFO ? j.deadline() + w - 1 : j.deadline() - i.deadline() + i.jitter() + w - 1;
        return span <= 0 ? 0 : Ticks.ceilDiv(span, j.period());
    }
}
