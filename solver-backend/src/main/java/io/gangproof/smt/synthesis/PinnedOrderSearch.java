package io.gangproof.smt.synthesis;

import io.gangproof.analysis.AnalysisResult;
import io.gangproof.analysis.PinnedGangResponseTime;
import io.gangproof.analysis.TaskBound;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The priority order with the largest smallest slack under {@link PinnedGangResponseTime}, for a
 * pinned spec whose TPU lists and levels are all fixed (docs/smt.md §7.8). Exact with respect to
 * the test: it searches every order, depth first from the highest priority, within a budget of
 * analyses. Under gang-strict the test is a priority induction, so a task's bound depends only on
 * the order of the tasks above it and on the set below it: once an order's first task with slack
 * at most the target sits at position {@code x}, every order with the same first {@code x + 1}
 * tasks is skipped. Under gang-greedy a task's bound depends only on the set of tasks above it, but
 * it is reported only when every task passes (first-miss): the same skip applies when the test
 * accepted every task and only a slack was too small, and nothing is skipped after a failure.
 * The threshold rises with every order found
 * (branch and bound), so the answer is the best order, not the first.
 */
final class PinnedOrderSearch {
    /** What the search found: an order (as a spec) above the threshold, none, or its budget ran out. */
    sealed interface Outcome {
        /** {@code complete}: the search ended inside its budget, so no order has a larger smallest slack. */
        record Pass(SystemSpec spec, long slack, boolean complete) implements Outcome {
        }

        record Fail() implements Outcome {
        }

        record GaveUp() implements Outcome {
        }
    }

    private final PinnedGangResponseTime test;
    private final boolean prefixPruning;
    private final SystemSpec spec;
    private final long deadlineNanos;
    private final int n;
    private final int[] order;
    private final boolean[] placed;
    private long analysesLeft;
    private long threshold;
    private SystemSpec best;
    private boolean stopped;

    private PinnedOrderSearch(SystemSpec spec, long threshold, long budget, long deadlineNanos) {
        Protocol protocol = spec.scheduler().protocol();
        this.test = new PinnedGangResponseTime(protocol);
        this.prefixPruning = protocol == Protocol.GANG_STRICT;
        this.spec = spec;
        this.threshold = threshold;
        this.analysesLeft = budget;
        this.deadlineNanos = deadlineNanos;
        this.n = spec.tasks().size();
        this.order = new int[n];
        this.placed = new boolean[n];
    }

    /**
     * The best order of {@code spec}'s tasks whose smallest slack {@code min (D - R)} exceeds
     * {@code threshold}; at most {@code budget} analyses, and none after {@code deadlineNanos}.
     */
    static Outcome search(SystemSpec spec, long threshold, long budget, long deadlineNanos) {
        PinnedOrderSearch s = new PinnedOrderSearch(spec, threshold, budget, deadlineNanos);
        s.dfs(0);
        if (s.best != null) {
            return new Outcome.Pass(s.best, s.threshold, !s.stopped);
        }
        return s.stopped ? new Outcome.GaveUp() : new Outcome.Fail();
    }

    /** Positions {@code 0..d-1} are placed; returns a position whose prefix is known to fail, or {@code n}. */
    private int dfs(int d) {
        if (d == n) {
            return evaluate();
        }
        for (int c = 0; c < n && !stopped; c++) {
            if (placed[c]) {
                continue;
            }
            placed[c] = true;
            order[d] = c;
            int x = dfs(d + 1);
            placed[c] = false;
            if (x < d) {
                return x;
            }
        }
        return n;
    }

    /** Analyses the current order; the first position with slack at most the threshold (strict), else {@code n}. */
    private int evaluate() {
        if (analysesLeft-- <= 0 || System.nanoTime() >= deadlineNanos) {
            stopped = true;
            return n;
        }
        SystemSpec candidate = withOrder();
        AnalysisResult r = test.analyze(candidate);
        long smallest = Long.MAX_VALUE;
        int firstLow = n;
        for (int x = 0; x < n; x++) {
            Task t = spec.tasks().get(order[x]);
            Optional<TaskBound> b = r.tasks().stream().filter(tb -> tb.task().equals(t.name())).findFirst();
            long slack = b.filter(TaskBound::schedulable).flatMap(TaskBound::responseBound)
                    .map(resp -> t.deadline() - resp).orElse(Long.MIN_VALUE);
            smallest = Math.min(smallest, slack);
            if (slack <= threshold && firstLow == n) {
                firstLow = x;
            }
        }
        if (firstLow == n) {
            best = candidate;
            threshold = smallest;
            return n;
        }
        // Gang-greedy: a task's bound depends only on which tasks are above it, but it is reported only
        // when every task passes; so a prefix is known to fail only when the test accepted every task.
        return prefixPruning || r.allSchedulable() ? firstLow : n;
    }

    /** The spec with priority {@code x + 1} for the task at position {@code x}. */
    private SystemSpec withOrder() {
        int[] priority = new int[n];
        for (int x = 0; x < n; x++) {
            priority[order[x]] = x + 1;
        }
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Task t = spec.tasks().get(i);
            tasks.add(new Task(t.name(), t.dnn(), t.arrival(), t.deadline(), t.jitter(), priority[i], t.levels(),
                    t.binding()));
        }
        return new SystemSpec(spec.name(), spec.resolution(), spec.platform(), spec.dnns(), tasks, spec.scheduler(),
                spec.properties(), spec.exploration());
    }
}
