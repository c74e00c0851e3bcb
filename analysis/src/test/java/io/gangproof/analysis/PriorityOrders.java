package io.gangproof.analysis;

import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Brute force over every priority order of a spec (small n only), for checking assignments. */
final class PriorityOrders {
    private PriorityOrders() {
    }

    /** Whether some permutation of the spec's priority numbers makes {@code test} accept it. */
    static boolean anyPasses(SystemSpec s, ResponseTimeAnalysis test) {
        List<Integer> prios = new ArrayList<>();
        for (Task t : s.tasks()) {
            prios.add(t.priority());
        }
        return permute(s, test, prios, 0);
    }

    private static boolean permute(SystemSpec s, ResponseTimeAnalysis test, List<Integer> p, int from) {
        if (from == p.size()) {
            List<Task> ts = new ArrayList<>();
            for (int x = 0; x < p.size(); x++) {
                Task t = s.tasks().get(x);
                ts.add(new Task(t.name(), t.dnn(), t.arrival(), t.deadline(), t.jitter(), p.get(x), t.levels(),
                        t.binding()));
            }
            return test.analyze(AudsleyPriorityAssignment.withTasks(s, ts)).allSchedulable();
        }
        for (int x = from; x < p.size(); x++) {
            Collections.swap(p, from, x);
            boolean ok = permute(s, test, p, from + 1);
            Collections.swap(p, from, x);
            if (ok) {
                return true;
            }
        }
        return false;
    }
}
