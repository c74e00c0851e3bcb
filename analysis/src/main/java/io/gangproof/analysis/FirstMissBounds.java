package io.gangproof.analysis;

import io.gangproof.spec.TimeBudget;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The per-task bounds of a first-miss argument (docs/analysis.md §6b, §6c): each task's bound
 * assumes no earlier deadline was missed, so the bounds hold only if every task passes. When one
 * task fails, every task that passed is reported unknown, naming the first that failed.
 */
final class FirstMissBounds {
    private FirstMissBounds() {
    }

    /**
     * Bounds by task name, analysing {@code ts} in order with {@code analyse} (a bound without a
     * response bound is a failure); checks {@code budget} before each task.
     */
    static <T> Map<String, TaskBound> of(List<T> ts, Function<T, String> name, Function<T, TaskBound> analyse,
            TimeBudget budget) {
        Map<String, TaskBound> passed = new HashMap<>();
        Map<String, TaskBound> byName = new HashMap<>();
        Optional<String> failed = Optional.empty();
        for (int x = 0; x < ts.size(); x++) {
            if (budget.exhausted()) {
                throw new AnalysisStopped(budget, x, ts.size());
            }
            T me = ts.get(x);
            String n = name.apply(me);
            TaskBound b = analyse.apply(me);
            if (b.responseBound().isEmpty()) {
                failed = failed.or(() -> Optional.of(n));
                byName.put(n, b);
            } else {
                passed.put(n, b);
            }
        }
        for (T t : ts) {
            String n = name.apply(t);
            if (failed.isEmpty()) {
                byName.put(n, passed.get(n));
            } else if (!byName.containsKey(n)) {
                byName.put(n, TaskBound.unknown(n, "task " + failed.get() + " fails this test, and the bound of " + n
                        + " holds only if every task passes (first-miss argument)",
                        new Witness.None("depends on every task")));
            }
        }
        return byName;
    }

    /**
     * The wait witness of task {@code i} with at least {@code beta} TPUs busy at every instant of the
     * wait, within the first-miss limit {@code D - J - C}; empty when the wait exceeds it (see
     * {@link #waitAboveLimit}).
     */
    static Optional<Witness.JobCount> wait(ChargedTask i, int beta, List<JobCountWait.Term> terms,
            List<ChargedTask> carry) {
        long limit = limit(i);
        return limit < 0 ? Optional.empty() : JobCountWait.best("first-miss", i, beta, terms, carry, limit);
    }

    /** Task {@code i}'s bound when {@link #wait} is empty. */
    static TaskBound waitAboveLimit(ChargedTask i) {
        return TaskBound.unknown(i.name(), "the wait bound exceeds D - J - C = " + i.time().format(Math.max(limit(i), 0)),
                new Witness.None("wait above limit"));
    }

    private static long limit(ChargedTask i) {
        return i.deadline() - i.jitter() - i.exec();
    }

    /** {@code analyse}'s bound for task {@code name}, or unknown when exact arithmetic overflows. */
    static TaskBound unknownOnOverflow(String name, Supplier<TaskBound> analyse) {
        try {
            return analyse.get();
        } catch (ArithmeticException overflow) {
            return TaskBound.unknown(name, "exact arithmetic overflowed: no bound from this test",
                    new Witness.None("overflow"));
        }
    }
}
