package io.gangproof.artifacts;

import io.gangproof.spec.Binding;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Platform;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.Scheduler;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import java.util.ArrayList;
import java.util.List;

/** The same task set under another scheduler. */
public final class Variants {
    private Variants() {
    }

    /** {@code global fp with protocol}, every task on any TPUs. */
    public static SystemSpec global(SystemSpec s, Protocol protocol) {
        List<Task> tasks = new ArrayList<>();
        for (Task t : s.tasks()) {
            tasks.add(new Task(t.name(), t.dnn(), t.arrival(), t.deadline(), t.jitter(), t.priority(), t.levels(),
                    new Binding.AnyTpus()));
        }
        return new SystemSpec(s.name(), s.resolution(), new Platform(s.platform().tpus(), s.platform().cacheBytes(),
                List.of()), s.dnns(), tasks, new Scheduler(Placement.GLOBAL, Policy.FP, protocol), s.properties(),
                s.exploration());
    }

    /**
     * {@code partitioned fp with gang-strict}, every task's pipeline left to choose, and its level
     * among every level its DNN's table has in {@code 1..m} (only the drawn width, unless the widths
     * came from DNN tables).
     */
    public static SystemSpec partitionedToChoose(SystemSpec s) {
        List<Task> tasks = new ArrayList<>();
        for (Task t : s.tasks()) {
            java.util.SortedSet<Integer> levels = new java.util.TreeSet<>(t.dnn().levels().headSet(s.platform().tpus() + 1));
            tasks.add(new Task(t.name(), t.dnn(), t.arrival(), t.deadline(), t.jitter(), t.priority(), levels,
                    new Binding.ChoosePipeline()));
        }
        return new SystemSpec(s.name(), s.resolution(), new Platform(s.platform().tpus(), s.platform().cacheBytes(),
                List.of()), s.dnns(), tasks, new Scheduler(Placement.PARTITIONED, Policy.FP, Protocol.GANG_STRICT),
                s.properties(), s.exploration());
    }
}
