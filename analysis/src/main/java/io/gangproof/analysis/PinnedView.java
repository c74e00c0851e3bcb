package io.gangproof.analysis;

import io.gangproof.spec.Binding;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import io.gangproof.spec.TimeFormat;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code pinned} spec as the pinned analyses see it: every task with its TPU set, charged
 * {@code wcet + reload} (pessimistic when a TPU runs one DNN only), in priority order.
 */
final class PinnedView {
    private PinnedView() {
    }

    /** A task with its TPU set. */
    record Pinned(ChargedTask task, Set<Integer> tpus) {
        boolean meets(Set<Integer> other) {
            for (int x : tpus) {
                if (other.contains(x)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Why a pinned test for {@code policy} and {@code protocol} does not apply to {@code spec}, or
     * empty when it does; fills {@code out} by priority.
     */
    static Optional<String> read(SystemSpec spec, Policy policy, Protocol protocol, List<Pinned> out) {
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
}
