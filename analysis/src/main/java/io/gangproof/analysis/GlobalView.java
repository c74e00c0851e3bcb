package io.gangproof.analysis;

import io.gangproof.spec.TimeFormat;
import io.gangproof.spec.Binding;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code global} spec as the gang analyses see it: tasks in priority order with charged
 * execution {@code wcet(k) + reload}. Under global placement a job may land on TPUs that last
 * ran another DNN (or none, at start), and proving otherwise would need the whole schedule, so
 * every job is charged its reload (semantics §10).
 */
record GlobalView(int tpus, List<ChargedTask> byPriority) {

    static Result of(SystemSpec spec, Protocol protocol) {
        return of(spec, Policy.FP, protocol);
    }

    /** The view of a {@code global} spec under {@code policy} and {@code protocol}, or why it is not one. */
    static Result of(SystemSpec spec, Policy policy, Protocol protocol) {
        if (spec.scheduler().placement() != Placement.GLOBAL) {
            return new Result(Optional.empty(), "placement is " + spec.scheduler().placement().keyword()
                    + ", not global");
        }
        if (spec.scheduler().policy() != policy) {
            return new Result(Optional.empty(), "policy is " + spec.scheduler().policy().keyword() + ", not "
                    + policy.keyword());
        }
        if (spec.scheduler().protocol() != protocol) {
            return new Result(Optional.empty(), "protocol is " + spec.scheduler().protocol().keyword() + ", not "
                    + protocol.keyword());
        }
        int m = spec.platform().tpus();
        List<ChargedTask> out = new ArrayList<>();
        for (Task t : spec.tasksByPriority()) {
            if (!(t.binding() instanceof Binding.AnyTpus)) {
                return new Result(Optional.empty(), "task " + t.name() + " is not bound to any TPUs");
            }
            if (!t.levelFixed()) {
                return new Result(Optional.empty(), "task " + t.name() + " has levels " + t.levels()
                        + " still to choose");
            }
            if (t.level() < 1 || t.level() > m) {
                return new Result(Optional.empty(), "task " + t.name() + " needs " + t.level() + " of " + m + " TPUs");
            }
            out.add(new ChargedTask(t.name(), t.priority(), t.level(), Ticks.add(t.wcet(), t.dnn().reload()),
                    t.period(), t.deadline(), t.jitter(), t.dnn().name(), t.dnn().reload(), TimeFormat.of(spec)));
        }
        return new Result(Optional.of(new GlobalView(m, List.copyOf(out))), "");
    }

    record Result(Optional<GlobalView> view, String notApplicable) {
    }

    static AnalysisResult notApplicable(String analysis, SystemSpec spec, String reason) {
        List<TaskBound> out = new ArrayList<>();
        for (Task t : spec.tasks()) {
            out.add(TaskBound.notApplicable(t.name(), reason));
        }
        return new AnalysisResult(analysis, spec.name(), out);
    }

    static List<TaskBound> inSpecOrder(SystemSpec spec, java.util.Map<String, TaskBound> byName) {
        List<TaskBound> out = new ArrayList<>();
        for (Task t : spec.tasks()) {
            out.add(byName.get(t.name()));
        }
        return out;
    }
}
