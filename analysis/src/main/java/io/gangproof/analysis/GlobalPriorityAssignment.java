package io.gangproof.analysis;

import io.gangproof.spec.Protocol;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Priority assignment for {@code global fp} gang specs, with a per-level check that depends only
 * on the set of higher- and the set of lower-priority tasks (Davis &amp; Burns 2011, conditions 1
 * and 2):
 * <ul>
 * <li>gang-greedy: round 0 of {@link GlobalGangGreedyResponseTime} ({@code R_j = D_j} for every
 * other task), which is exactly that test's verdict;</li>
 * <li>gang-strict: the deadline-based form of {@link GlobalGangStrictResponseTime}, the
 * higher-priority workload taken with {@code R_j = min(D_j, T_j)} instead of the bounds found by
 * induction. Once every task passes, each meets its deadline and has {@code R <= T} (induction on
 * priority), and the workload bound only grows with {@code R_j}, so the real test accepts too.</li>
 * </ul>
 * Neither check meets condition 3 (a task moved up can become unschedulable, because an lp task's
 * carry-in may exceed its hp workload; docs/analysis.md §8), so Audsley's greedy choice (Audsley
 * 1991) is not optimal here. The search therefore starts as Audsley's lowest-priority-first pass
 * and backtracks when a level has no passing task, remembering the sets of unassigned tasks that
 * failed: at most {@code 2^n} sets instead of {@code n!} orders, and exact for the check. So it is
 * optimal for gang-greedy. For gang-strict, when the deadline-based check finds no order,
 * {@link StrictOrderSearch} searches the orders of the test itself (highest level first, exact,
 * within a tenth of the budget by default), so the assignment is optimal for gang-strict too unless that
 * search stops. A returned spec has passed the spec's real analysis; when the searches fail but
 * the spec's own priorities pass, the spec is returned unchanged. Tasks keep the multiset of
 * priority numbers.
 */
public final class GlobalPriorityAssignment {
    /** How the explanation of a search that ran out of budget begins (a give-up, not a proof that no order passes). */
    public static final String STOPPED = "the search stopped after ";

    private final long budget;
    /** The gang-strict test whose deadline-based form is the check, and which verifies the result. */
    private final GlobalGangStrictResponseTime strict;
    private final long exactBudget;

    public GlobalPriorityAssignment() {
        this(1_000_000);
    }

    /** {@code budget}: the most per-level checks the search may run before giving up. */
    public GlobalPriorityAssignment(long budget) {
        this(budget, new GlobalGangStrictResponseTime());
    }

    /**
     * For gang-strict, the search checks the deadline-based form of {@code strict} (its carry-in
     * rule and wide heads, docs/analysis.md §5b–§5d: every step depends on the two sets only) and
     * verifies the order with {@code strict} itself. With a one-per-task rule the deadline-based
     * form is sufficient too: once every level passes, the real test's induction gives every task
     * a bound at most its deadline, so its first-overrun run applies (§5c).
     */
    public GlobalPriorityAssignment(long budget, GlobalGangStrictResponseTime strict) {
        this(budget, strict, Math.max(1, budget / 10));
    }

    /**
     * {@code exactBudget}: the most per-level checks of the search over the orders of the
     * gang-strict test itself ({@link StrictOrderSearch}), run when the deadline-based check finds
     * no order; 0 leaves it out, so that "no order" is with respect to the deadline-based check,
     * whose result is monotone in the task set (what {@code GlobalSynthesis} relies on).
     */
    public GlobalPriorityAssignment(long budget, GlobalGangStrictResponseTime strict, long exactBudget) {
        if (!strict.usesTpuTime()) {
            throw new IllegalArgumentException("the assignment searches with every beta, not the sequential bound alone");
        }
        this.budget = budget;
        this.strict = strict;
        this.exactBudget = exactBudget;
    }

    public AssignmentResult assign(SystemSpec spec) {
        Protocol protocol = spec.scheduler().protocol();
        GlobalView.Result gv = GlobalView.of(spec, protocol);
        if (gv.view().isEmpty() || (protocol != Protocol.GANG_STRICT && protocol != Protocol.GANG_GREEDY)) {
            return new AssignmentResult(Optional.empty(), "global priority assignment is for global fp gang-strict "
                    + "or gang-greedy with fixed levels: " + (gv.view().isEmpty() ? gv.notApplicable()
                    : "protocol is " + protocol.keyword()));
        }
        GlobalView view = gv.view().get();
        ResponseTimeAnalysis real = protocol == Protocol.GANG_STRICT ? strict : new GlobalGangGreedyResponseTime();
        boolean[] exhausted = {false};
        Optional<List<ChargedTask>> order = order(view, protocol, budget, exhausted, strict);
        boolean exactStopped = false;
        boolean byExactSearch = false;
        if (order.isEmpty() && protocol == Protocol.GANG_STRICT && !exhausted[0] && exactBudget > 0) {
            // The deadline-based check is weaker than the test: search the orders of the test itself.
            StrictOrderSearch.Result exact = StrictOrderSearch.search(strict, view, exactBudget);
            order = exact.order();
            exactStopped = exact.stopped();
            byExactSearch = order.isPresent();
        }
        if (order.isEmpty() && real.analyze(spec).allSchedulable()) {
            // The deadline-based check (gang-strict) is weaker than the test: never do worse than the given order.
            return new AssignmentResult(Optional.of(spec), "the search found no order, but " + real.name()
                    + " accepts the spec's own priorities; kept");
        }
        if (order.isEmpty()) {
            return new AssignmentResult(Optional.empty(), exhausted[0]
                    ? STOPPED + budget + " per-level checks without an order"
                    : exactStopped
                            ? STOPPED + exactBudget + " per-level checks over the orders of " + strict.name()
                                    + " without an order (none passes its deadline-based form)"
                            : protocol == Protocol.GANG_STRICT && exactBudget == 0
                                    ? "no priority order passes the deadline-based form of " + strict.name()
                                            + " (the test itself might still accept some order)"
                                    : "no priority order makes the spec schedulable by " + real.name());
        }
        List<Integer> numbers = view.byPriority().stream().map(ChargedTask::priority).sorted().toList();
        Map<String, Integer> newPriority = new HashMap<>();
        for (int x = 0; x < numbers.size(); x++) {
            newPriority.put(order.get().get(x).name(), numbers.get(x));
        }
        List<Task> tasks = new ArrayList<>();
        for (Task t : spec.tasks()) {
            tasks.add(new Task(t.name(), t.dnn(), t.arrival(), t.deadline(), t.jitter(), newPriority.get(t.name()),
                    t.levels(), t.binding()));
        }
        SystemSpec out = AudsleyPriorityAssignment.withTasks(spec, tasks);
        if (!real.analyze(out).allSchedulable()) {
            // Cannot happen by the argument above; refusing keeps a wrong PROVED impossible.
            return new AssignmentResult(Optional.empty(), "internal: " + real.name() + " rejects the order found");
        }
        return new AssignmentResult(Optional.of(out), (byExactSearch
                ? "the search over the orders of the test found an order accepted by "
                : "Audsley's search found an order accepted by ") + real.name());
    }

    /**
     * Highest priority first, or empty when no order passes every level's check (or the search
     * budget ran out: {@code exhausted[0]} is then set). Depth first from the lowest level: the
     * first branch tried is Audsley's choice, and because a level's check depends only on which
     * tasks are still unassigned, a set of unassigned tasks that failed once is never tried again.
     */
    static Optional<List<ChargedTask>> order(GlobalView view, Protocol protocol, long budget, boolean[] exhausted,
            GlobalGangStrictResponseTime strict) {
        List<ChargedTask> byLowest = new ArrayList<>(view.byPriority());
        byLowest.sort(Comparator.comparingInt(ChargedTask::priority).reversed());
        BitSet all = new BitSet();
        all.set(0, byLowest.size());
        List<ChargedTask> lowestFirst = new ArrayList<>();
        long[] checks = {budget};
        if (!search(view.tpus(), protocol, strict, byLowest, all, lowestFirst, new HashSet<>(), checks)) {
            exhausted[0] = checks[0] < 0;
            return Optional.empty();
        }
        List<ChargedTask> highestFirst = new ArrayList<>(lowestFirst);
        Collections.reverse(highestFirst);
        return Optional.of(highestFirst);
    }

    private static boolean search(int tpus, Protocol protocol, GlobalGangStrictResponseTime strict,
            List<ChargedTask> tasks, BitSet unassigned, List<ChargedTask> lowestFirst, Set<BitSet> failed,
            long[] checks) {
        if (unassigned.isEmpty()) {
            return true;
        }
        if (failed.contains(unassigned)) {
            return false;
        }
        for (int c = unassigned.nextSetBit(0); c >= 0; c = unassigned.nextSetBit(c + 1)) {
            if (--checks[0] < 0) {
                return false;
            }
            List<ChargedTask> hp = new ArrayList<>();
            for (int h = unassigned.nextSetBit(0); h >= 0; h = unassigned.nextSetBit(h + 1)) {
                if (h != c) {
                    hp.add(tasks.get(h));
                }
            }
            if (!passes(tpus, protocol, strict, tasks.get(c), hp, lowestFirst)) {
                continue;
            }
            BitSet rest = (BitSet) unassigned.clone();
            rest.clear(c);
            lowestFirst.add(tasks.get(c));
            if (search(tpus, protocol, strict, tasks, rest, lowestFirst, failed, checks)) {
                return true;
            }
            lowestFirst.remove(lowestFirst.size() - 1);
            if (checks[0] < 0) {
                return false;
            }
        }
        failed.add((BitSet) unassigned.clone());
        return false;
    }

    /** The per-level check: a function of the two sets only. */
    static boolean passes(int tpus, Protocol protocol, ChargedTask i, List<ChargedTask> higher,
            List<ChargedTask> lower) {
        return passes(tpus, protocol, new GlobalGangStrictResponseTime(), i, higher, lower);
    }

    static boolean passes(int tpus, Protocol protocol, GlobalGangStrictResponseTime strict, ChargedTask i,
            List<ChargedTask> higher, List<ChargedTask> lower) {
        try {
            if (protocol == Protocol.GANG_GREEDY) {
                return GlobalGangGreedyResponseTime.wait("first-miss", tpus, i, atDeadline(higher), atDeadline(lower))
                        .isPresent();
            }
            long waitLimit = i.period() - i.jitter() - i.exec();
            if (waitLimit < 0) {
                return false;
            }
            int headWidth = i.width();
            List<GangWaitBound.Interferer> hp = new ArrayList<>();
            for (ChargedTask j : higher) {
                headWidth = Math.max(headWidth, j.width());
                hp.add(new GangWaitBound.Interferer(j, Math.min(j.deadline(), j.period())));
            }
            Optional<Witness.Gang> w = GangWaitBound.best("deadline-based", strict.carryIn(), tpus, i, headWidth, 1,
                    tpus, GangWaitBound.Grouping.of(hp), CarryInBound.bestRemainingByWidth(tpus, lower), lower,
                    waitLimit, strict.wideHeads());
            return w.isPresent() && w.get().response() <= i.deadline();
        } catch (ArithmeticException overflow) {
            return false;
        }
    }

    private static List<GangWaitBound.Interferer> atDeadline(List<ChargedTask> ts) {
        List<GangWaitBound.Interferer> out = new ArrayList<>();
        for (ChargedTask t : ts) {
            out.add(new GangWaitBound.Interferer(t, t.deadline()));
        }
        return out;
    }
}
