package io.gangproof.smt.synthesis;

import io.gangproof.analysis.AnalysisResult;
import io.gangproof.analysis.TaskBound;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** The brute force of the global and pinned synthesis tests: every priority order of a spec, and its smallest slack. */
final class PriorityOrders {
    private PriorityOrders() {
    }

    /** Every permutation of the priorities {@code 1..n}. */
    static List<List<Integer>> permutations(int n) {
        List<List<Integer>> out = new ArrayList<>();
        permute(new ArrayList<>(), n, out);
        return out;
    }

    private static void permute(List<Integer> prefix, int n, List<List<Integer>> out) {
        if (prefix.size() == n) {
            out.add(List.copyOf(prefix));
            return;
        }
        for (int p = 1; p <= n; p++) {
            if (!prefix.contains(p)) {
                prefix.add(p);
                permute(prefix, n, out);
                prefix.remove(prefix.size() - 1);
            }
        }
    }

    /** {@code s} with task {@code i} at priority {@code priorities.get(i)}. */
    static SystemSpec withOrder(SystemSpec s, List<Integer> priorities) {
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < s.tasks().size(); i++) {
            Task t = s.tasks().get(i);
            tasks.add(new Task(t.name(), t.dnn(), t.arrival(), t.deadline(), t.jitter(), priorities.get(i),
                    new TreeSet<>(t.levels()), t.binding()));
        }
        return new SystemSpec(s.name(), s.resolution(), s.platform(), s.dnns(), tasks, s.scheduler(), s.properties(),
                s.exploration());
    }

    /** The smallest slack of {@code s} in {@code r}, its analysis, when it accepts every task. */
    static Optional<Long> smallestSlack(SystemSpec s, AnalysisResult r) {
        if (!r.allSchedulable()) {
            return Optional.empty();
        }
        long min = Long.MAX_VALUE;
        for (TaskBound b : r.tasks()) {
            min = Math.min(min, s.task(b.task()).deadline() - b.responseBound().orElseThrow());
        }
        return Optional.of(min);
    }
}
