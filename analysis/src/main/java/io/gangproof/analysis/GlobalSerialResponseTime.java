package io.gangproof.analysis;

import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.SystemSpec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Response-time bound for {@code global fp} ({@code gang-strict} or {@code gang-greedy}) when the
 * task set is serialised: every task is wider than half the platform ({@code 2 k > m}), so no two
 * jobs, not even two of one task, can ever run at once (docs/analysis.md §5e).
 *
 * <p>Then a job starts exactly when the platform is idle and it is the highest-priority pending
 * job, under both protocols: the schedule is that of one non-preemptive fixed-priority
 * processor, the schedule of a single partition of {@code m} TPUs. The bound is the revised
 * uniprocessor analysis of Davis, Burns, Bril &amp; Lukkien (2007), Real-Time Systems 35(3), in
 * discrete time ({@link NpFpResponseTime}), on the {@link GlobalView} task set, where every job
 * is charged its reload, so no one-time reload term is added.
 */
public final class GlobalSerialResponseTime implements ResponseTimeAnalysis {
    public static final String NAME = "global-fp-serial";

    private final NpFpResponseTime uniprocessor = new NpFpResponseTime();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean appliesTo(SystemSpec spec) {
        return serialView(spec).view().isPresent();
    }

    /** Global fp under a gang protocol: serialised or not, the test answers (not applicable) for every set. */
    @Override
    public boolean appliesToScheduler(SystemSpec spec) {
        return spec.scheduler().placement() == Placement.GLOBAL && spec.scheduler().policy() == Policy.FP
                && (spec.scheduler().protocol() == Protocol.GANG_STRICT
                        || spec.scheduler().protocol() == Protocol.GANG_GREEDY);
    }

    @Override
    public AnalysisResult analyze(SystemSpec spec) {
        GlobalView.Result gv = serialView(spec);
        if (gv.view().isEmpty()) {
            return GlobalView.notApplicable(NAME, spec, gv.notApplicable());
        }
        List<ChargedTask> ts = gv.view().get().byPriority();
        Map<String, TaskBound> byName = new HashMap<>();
        for (int x = 0; x < ts.size(); x++) {
            byName.put(ts.get(x).name(), uniprocessor.analyseTask(ts.get(x), ts.subList(0, x),
                    ts.subList(x + 1, ts.size()), 0));
        }
        return new AnalysisResult(NAME, spec.name(), GlobalView.inSpecOrder(spec, byName));
    }

    /**
     * The global view of a serialised spec, or empty with the reason: not global fp under a gang
     * protocol, or some task at most half as wide as the platform (two of its jobs, or it and
     * another narrow task, could run in parallel).
     */
    static GlobalView.Result serialView(SystemSpec spec) {
        Protocol protocol = spec.scheduler().protocol() == Protocol.GANG_GREEDY ? Protocol.GANG_GREEDY
                : Protocol.GANG_STRICT;
        GlobalView.Result gv = GlobalView.of(spec, protocol);
        if (gv.view().isEmpty()) {
            return gv;
        }
        int m = gv.view().get().tpus();
        for (ChargedTask t : gv.view().get().byPriority()) {
            if (2L * t.width() <= m) {
                return new GlobalView.Result(Optional.empty(), "task " + t.name() + " needs " + t.width() + " of "
                        + m + " TPUs, at most half: two of its jobs, or it and another narrow task, may run at once");
            }
        }
        return gv;
    }
}
