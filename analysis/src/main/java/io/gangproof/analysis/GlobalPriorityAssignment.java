package io.gangproof.analysis;

import io.gangproof.spec.Protocol;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Audsley's lowest-priority-first search (Audsley 1991) for {@code global fp} gang specs, with a
 * per-level check that depends only on the set of higher- and the set of lower-priority tasks
 * (Davis &amp; Burns 2011, conditions 1 and 2), so the search is well defined:
 * <ul>
 * <li>gang-greedy: round 0 of {@link GlobalGangGreedyResponseTime} ({@code R_j = D_j} for every
 * other task), which is exactly that test's verdict;</li>
 * <li>gang-strict: the deadline-based form of {@link GlobalGangStrictResponseTime}, the
 * higher-priority workload taken with {@code R_j = min(D_j, T_j)} instead of the bounds found by
 * induction. Once every task passes, each meets its deadline and has {@code R <= T} (induction on
 * priority), and the workload bound only grows with {@code R_j}, so the real test accepts too.</li>
 * </ul>
 * Neither check meets Davis &amp; Burns' condition 3 (a task moved up can become unschedulable,
 * because an lp task's carry-in may exceed its hp workload; docs/analysis.md §8), so this search is
 * a sound heuristic, not optimal: a returned spec has passed the spec's real analysis; an empty
 * result proves nothing. Tasks keep the multiset of priority numbers they had.
 */
public final class GlobalPriorityAssignment {

    public AssignmentResult assign(SystemSpec spec) {
        Protocol protocol = spec.scheduler().protocol();
        GlobalView.Result gv = GlobalView.of(spec, protocol);
        if (gv.view().isEmpty() || (protocol != Protocol.GANG_STRICT && protocol != Protocol.GANG_GREEDY)) {
            return new AssignmentResult(Optional.empty(), "global priority assignment is for global fp gang-strict "
                    + "or gang-greedy with fixed levels: " + (gv.view().isEmpty() ? gv.notApplicable()
                    : "protocol is " + protocol.keyword()));
        }
        GlobalView view = gv.view().get();
        Optional<List<ChargedTask>> order = order(view, protocol);
        if (order.isEmpty()) {
            return new AssignmentResult(Optional.empty(), "Audsley's search found no level at which some remaining "
                    + "task passes (not a proof that no order works: the test is not OPA-compatible)");
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
        ResponseTimeAnalysis real = protocol == Protocol.GANG_STRICT ? new GlobalGangStrictResponseTime()
                : new GlobalGangGreedyResponseTime();
        if (!real.analyze(out).allSchedulable()) {
            // Cannot happen by the argument above; refusing keeps a wrong PROVED impossible.
            return new AssignmentResult(Optional.empty(), "internal: " + real.name() + " rejects the order found");
        }
        return new AssignmentResult(Optional.of(out), "Audsley's search found an order accepted by " + real.name());
    }

    /** Highest priority first, or empty when some level has no passing task. */
    static Optional<List<ChargedTask>> order(GlobalView view, Protocol protocol) {
        List<ChargedTask> unassigned = new ArrayList<>(view.byPriority());
        unassigned.sort(Comparator.comparingInt(ChargedTask::priority).reversed());
        List<ChargedTask> lowestFirst = new ArrayList<>();
        while (!unassigned.isEmpty()) {
            ChargedTask chosen = null;
            for (ChargedTask c : unassigned) {
                List<ChargedTask> hp = new ArrayList<>(unassigned);
                hp.remove(c);
                if (passes(view.tpus(), protocol, c, hp, lowestFirst)) {
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
        Collections.reverse(highestFirst);
        return Optional.of(highestFirst);
    }

    /** The per-level check: a function of the two sets only. */
    static boolean passes(int tpus, Protocol protocol, ChargedTask i, List<ChargedTask> higher,
            List<ChargedTask> lower) {
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
            Optional<Witness.Gang> w = GangWaitBound.best("deadline-based", tpus, i, headWidth, hp, lower, waitLimit);
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
