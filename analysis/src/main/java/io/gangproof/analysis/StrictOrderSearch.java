package io.gangproof.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The exact priority-order search for the gang-strict test itself (docs/analysis.md §8, "the
 * exact search"). A task's bound under gang-strict depends on the bounds of the tasks above it,
 * hence on their order, and on the <em>set</em> below it. So the search goes highest level first:
 * once the tasks above a level are placed their bounds are known, and the candidate's bound at
 * that level is exactly the one the test computes for every order with that prefix. A candidate
 * whose bound exceeds its deadline is cut; the test accepts an order exactly when every level
 * passes (the one-per-task rules' first-overrun run then holds, §5c). A state (the placed set and
 * their bounds) is not searched when the same set failed before with bounds no larger. Candidates are tried in the given
 * priority order, so the given order is the first path. Worst case {@code n!} levels: bounded by a
 * budget of per-level checks.
 */
final class StrictOrderSearch {
    private final GlobalGangStrictResponseTime strict;
    private final int tpus;
    private final List<ChargedTask> tasks;
    /** Per set of placed tasks, the bounds (by task index) with which that set failed. */
    private final Map<BitSet, List<long[]>> failed = new HashMap<>();
    private long checksLeft;
    private static final int RECENT = 8;

    private StrictOrderSearch(GlobalGangStrictResponseTime strict, GlobalView view, long budget) {
        this.strict = strict;
        this.tpus = view.tpus();
        this.tasks = view.byPriority();
        this.checksLeft = budget;
    }

    /** The outcome: an order (highest priority first), none, or a search that ran out of budget. */
    record Result(Optional<List<ChargedTask>> order, boolean stopped) {
    }

    static Result search(GlobalGangStrictResponseTime strict, GlobalView view, long budget) {
        StrictOrderSearch s = new StrictOrderSearch(strict, view, budget);
        List<ChargedTask> prefix = new ArrayList<>();
        boolean found = s.extend(new BitSet(), prefix, new long[s.tasks.size()]);
        return new Result(found ? Optional.of(List.copyOf(prefix)) : Optional.empty(), !found && s.checksLeft < 0);
    }

    /** {@code bounds[x]}: the bound of {@code prefix.get(x)}. */
    private boolean extend(BitSet placed, List<ChargedTask> prefix, long[] bounds) {
        int level = prefix.size();
        if (level == tasks.size()) {
            return true;
        }
        long[] byTask = boundsByTask(prefix, bounds);
        if (dominated(placed, byTask)) {
            return false;
        }
        long[] above = Arrays.copyOf(bounds, level);
        for (int c = placed.nextClearBit(0); c < tasks.size(); c = placed.nextClearBit(c + 1)) {
            if (--checksLeft < 0) {
                return false;
            }
            List<ChargedTask> below = new ArrayList<>();
            for (int l = placed.nextClearBit(0); l < tasks.size(); l = placed.nextClearBit(l + 1)) {
                if (l != c) {
                    below.add(tasks.get(l));
                }
            }
            ChargedTask candidate = tasks.get(c);
            Optional<Long> bound;
            try {
                TaskBound b = strict.levelBound(tpus, candidate, prefix, above, below);
                bound = b.outcome() == Outcome.SCHEDULABLE ? b.responseBound() : Optional.empty();
            } catch (ArithmeticException overflow) {
                bound = Optional.empty();
            }
            if (bound.isEmpty()) {
                continue;
            }
            placed.set(c);
            prefix.add(candidate);
            bounds[level] = bound.get();
            if (extend(placed, prefix, bounds)) {
                return true;
            }
            prefix.remove(level);
            placed.clear(c);
            if (checksLeft < 0) {
                return false;
            }
        }
        failed.computeIfAbsent((BitSet) placed.clone(), k -> new ArrayList<>()).add(byTask);
        return false;
    }

    /**
     * Whether the same set of tasks failed before with bounds no larger than {@code byTask}: the
     * rest cannot pass now either, because every level's bound only grows with the bounds of the
     * tasks above it (the workload of docs/analysis.md §5 grows with {@code R_j}; the head width
     * and the lower-priority sets depend on the sets only).
     */
    private boolean dominated(BitSet placed, long[] byTask) {
        List<long[]> same = failed.getOrDefault(placed, List.of());
        // the most recent few only: a scan of every failure would cost more than it saves
        for (long[] seen : same.subList(Math.max(0, same.size() - RECENT), same.size())) {
            boolean noLarger = true;
            for (int t = placed.nextSetBit(0); t >= 0 && noLarger; t = placed.nextSetBit(t + 1)) {
                noLarger = seen[t] <= byTask[t];
            }
            if (noLarger) {
                return true;
            }
        }
        return false;
    }

    /** The placed tasks' bounds in task-index order: the state key does not depend on their order. */
    private long[] boundsByTask(List<ChargedTask> prefix, long[] bounds) {
        long[] byTask = new long[tasks.size()];
        for (int x = 0; x < prefix.size(); x++) {
            byTask[tasks.indexOf(prefix.get(x))] = bounds[x];
        }
        return byTask;
    }
}
