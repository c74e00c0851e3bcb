package io.gangproof.analysis;

import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Optimal priority assignment for non-preemptive fixed priority per partition.
 *
 * <p>Source: Audsley (1991), "Optimal priority assignment and feasibility of static priority
 * tasks with arbitrary start times", Univ. of York YCS-164; its applicability to non-preemptive
 * fixed priority (CAN) is shown in Davis, Burns, Bril &amp; Lukkien (2007): the test of
 * {@link NpFpResponseTime} depends on the set of higher-priority tasks and on the set of
 * lower-priority tasks, never on their relative order. Lowest priority first: at each level,
 * pick a task that passes when all unassigned tasks are above it; if none passes, no priority
 * order passes this test.
 *
 * <p>Partitions are independent, so each keeps the multiset of priority numbers its tasks had
 * and only their order within the partition changes: priorities stay distinct across the spec.
 */
public final class AudsleyPriorityAssignment {
    private final NpFpResponseTime test = new NpFpResponseTime();

    public AssignmentResult assign(SystemSpec spec) {
        if (spec.scheduler().placement() != Placement.PARTITIONED || spec.scheduler().policy() != Policy.FP) {
            return new AssignmentResult(Optional.empty(), "Audsley's assignment here is for partitioned fp only, not "
                    + spec.scheduler().describe());
        }
        PartitionView.Result parts = PartitionView.of(spec);
        if (parts.notApplicable().isPresent()) {
            return new AssignmentResult(Optional.empty(), parts.notApplicable().get());
        }
        Map<String, Integer> newPriority = new HashMap<>();
        for (PartitionView p : parts.partitions()) {
            Optional<List<ChargedTask>> order = order(p.tasks(), p.oneTimeReload());
            if (order.isEmpty()) {
                return new AssignmentResult(Optional.empty(), "no priority order makes pipeline " + p.pipeline()
                        + " schedulable by " + NpFpResponseTime.NAME);
            }
            List<Integer> numbers = p.tasks().stream().map(ChargedTask::priority).sorted().toList();
            List<ChargedTask> highestFirst = order.get();
            for (int x = 0; x < highestFirst.size(); x++) {
                newPriority.put(highestFirst.get(x).name(), numbers.get(x));
            }
        }
        List<Task> tasks = new ArrayList<>();
        for (Task t : spec.tasks()) {
            tasks.add(new Task(t.name(), t.dnn(), t.arrival(), t.deadline(), t.jitter(), newPriority.get(t.name()),
                    t.levels(), t.binding()));
        }
        return new AssignmentResult(Optional.of(withTasks(spec, tasks)), "Audsley's assignment found a schedulable order");
    }

    /** Highest priority first, or empty when no order passes. Candidates are tried lowest current priority first. */
    Optional<List<ChargedTask>> order(List<ChargedTask> partition, long oneTimeReload) {
        List<ChargedTask> unassigned = new ArrayList<>(partition);
        unassigned.sort(Comparator.comparingInt(ChargedTask::priority).reversed());
        List<ChargedTask> lowestFirst = new ArrayList<>();
        while (!unassigned.isEmpty()) {
            ChargedTask chosen = null;
            for (ChargedTask c : unassigned) {
                List<ChargedTask> hp = new ArrayList<>(unassigned);
                hp.remove(c);
                if (test.analyseTask(c, hp, lowestFirst, oneTimeReload).schedulable()) {
                    chosen = c;
                    break;
                }
            }
            if (chosen == null) {
                return Optional.empty();
            }
            unassigned.remove(chosen);
            lowestFirst.add(chosen);
        }
        List<ChargedTask> highestFirst = new ArrayList<>(lowestFirst);
        java.util.Collections.reverse(highestFirst);
        return Optional.of(highestFirst);
    }

    static SystemSpec withTasks(SystemSpec spec, List<Task> tasks) {
        return new SystemSpec(spec.name(), spec.resolution(), spec.platform(), spec.dnns(), tasks, spec.scheduler(),
                spec.properties(), spec.exploration());
    }
}
