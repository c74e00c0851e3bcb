package io.gangproof.analysis;

import io.gangproof.spec.Resolution;
import io.gangproof.spec.TimeFormat;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Task;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The partitioned acceptance test applied to one candidate group of tasks on a pipeline of a given
 * size, for searches that choose pipelines (synthesis, in {@code solver-backend}). Exactly the test of
 * {@link NpFpResponseTime} (with the priority order chosen by Audsley's assignment, lowest priority
 * first) or of {@link NpEdfProcessorDemand}, with reload charged by {@link PartitionView} as for a
 * spec whose pipeline runs exactly these tasks.
 *
 * <p>A group <em>passes at threshold</em> {@code theta} when some priority order (fp) makes every
 * task schedulable with slack {@code D - R > theta}; {@code theta = -1} is plain schedulability
 * ({@code R <= D}). Under edf the test's response bound is {@code D}, so a passing group has slack
 * 0 for every task. The fp condition depends on the higher- and lower-priority sets only and grows
 * harder with either, so Audsley's search is exact for it at every threshold.
 *
 * <p>A failure is {@link Verdict#FAIL_LIMIT} when some analysis call on the way stopped at its step
 * limit or on an arithmetic overflow: then the failure says nothing about subsets or supersets of the
 * group (the monotonicity argument of {@code docs/smt.md}, "Synthesis", is about the exact fixed
 * points, not about where an iteration gives up).
 */
public final class PartitionGroupCheck {
    public enum Verdict { PASS, FAIL, FAIL_LIMIT }

    /**
     * {@code highestFirst}: the priority order (fp; under edf the input order); {@code responses}: the
     * response bound per task when the group passes; {@code minSlack}: smallest {@code D - R}
     * (when it passes).
     */
    public record Outcome(Verdict verdict, List<String> highestFirst, Map<String, Long> responses, long minSlack,
            String reason) {
        public boolean passes() {
            return verdict == Verdict.PASS;
        }
    }

    private final Policy policy;
    private final NpFpResponseTime fp;
    private final NpEdfProcessorDemand edf;
    private final TimeFormat time;

    /** {@code resolution}: the spec's, for the times in reasons. */
    public PartitionGroupCheck(Policy policy, Resolution resolution) {
        this(policy, 2_000_000L, resolution);
    }

    /** With the analyses' fixed-point step limit (default 2,000,000); small limits exercise {@link Verdict#FAIL_LIMIT}. */
    public PartitionGroupCheck(Policy policy, long stepLimit, Resolution resolution) {
        if (policy != Policy.FP && policy != Policy.EDF) {
            throw new IllegalArgumentException("no partitioned test for " + policy.keyword());
        }
        this.policy = policy;
        this.time = TimeFormat.of(resolution);
        this.fp = new NpFpResponseTime(stepLimit);
        this.edf = new NpEdfProcessorDemand(stepLimit);
    }

    /** Whether {@code tasks} on a pipeline of {@code size} TPUs pass with slack above {@code theta}. */
    public Outcome check(int size, List<Task> tasks, long theta) {
        for (Task t : tasks) {
            if (!t.dnn().supports(size)) {
                return new Outcome(Verdict.FAIL, List.of(), Map.of(), 0, "DNN of " + t.name() + " has no latency for "
                        + size + " TPUs");
            }
        }
        PartitionView view = PartitionView.build("candidate", size, tasks, time);
        return policy == Policy.EDF ? checkEdf(view, theta) : checkFp(view, theta);
    }

    /** The passing order with the largest smallest slack, or the failure at {@code theta = -1}. */
    public Outcome best(int size, List<Task> tasks) {
        Outcome o = check(size, tasks, -1);
        if (!o.passes() || policy == Policy.EDF) {
            return o;
        }
        while (true) {
            Outcome next = check(size, tasks, o.minSlack());
            if (!next.passes()) {
                return o;
            }
            o = next;
        }
    }

    /**
     * Response bounds under a fixed priority order (fp only; highest first): present when the
     * analysis gives one (even above the deadline). For tests of the monotonicity claim.
     */
    public Map<String, Optional<Long>> responsesInOrder(int size, List<Task> highestFirst) {
        List<Task> renumbered = new ArrayList<>();
        for (int x = 0; x < highestFirst.size(); x++) {
            Task t = highestFirst.get(x);
            renumbered.add(new Task(t.name(), t.dnn(), t.arrival(), t.deadline(), t.jitter(), x + 1, t.levels(),
                    t.binding()));
        }
        PartitionView view = PartitionView.build("candidate", size, renumbered, time);
        List<ChargedTask> ts = view.tasks();
        Map<String, Optional<Long>> out = new HashMap<>();
        for (int x = 0; x < ts.size(); x++) {
            TaskBound b = fp.analyseTask(ts.get(x), ts.subList(0, x), ts.subList(x + 1, ts.size()),
                    view.oneTimeReload());
            out.put(ts.get(x).name(), b.responseBound());
        }
        return out;
    }

    private Outcome checkEdf(PartitionView view, long theta) {
        List<TaskBound> bounds = edf.analysePartition(view.tasks(), view.oneTimeReload());
        List<String> order = new ArrayList<>();
        Map<String, Long> responses = new HashMap<>();
        for (TaskBound b : bounds) {
            if (!b.schedulable()) {
                return new Outcome(limited(b) ? Verdict.FAIL_LIMIT : Verdict.FAIL, List.of(), Map.of(), 0, b.reason());
            }
            order.add(b.task());
            responses.put(b.task(), b.responseBound().orElseThrow());
        }
        if (theta >= 0) {
            return new Outcome(Verdict.FAIL, List.of(), Map.of(), 0, "edf: the test's bound is D, slack 0");
        }
        return new Outcome(Verdict.PASS, order, responses, 0, "demand test passes");
    }

    private Outcome checkFp(PartitionView view, long theta) {
        List<ChargedTask> unassigned = new ArrayList<>(view.tasks());
        unassigned.sort(Comparator.comparingInt(ChargedTask::priority).reversed());
        List<ChargedTask> lowestFirst = new ArrayList<>();
        Map<String, Long> responses = new HashMap<>();
        boolean limit = false;
        long minSlack = Long.MAX_VALUE;
        while (!unassigned.isEmpty()) {
            ChargedTask chosen = null;
            for (ChargedTask c : unassigned) {
                List<ChargedTask> hp = new ArrayList<>(unassigned);
                hp.remove(c);
                TaskBound b = fp.analyseTask(c, hp, lowestFirst, view.oneTimeReload());
                if (b.schedulable() && c.deadline() - b.responseBound().orElseThrow() > theta) {
                    chosen = c;
                    long r = b.responseBound().orElseThrow();
                    responses.put(c.name(), r);
                    minSlack = Math.min(minSlack, c.deadline() - r);
                    break;
                }
                limit |= limited(b);
            }
            if (chosen == null) {
                return new Outcome(limit ? Verdict.FAIL_LIMIT : Verdict.FAIL, List.of(), Map.of(), 0,
                        "no priority order gives every task slack > " + time.format(theta)
                                + (limit ? " (some test stopped at a step limit or overflow)" : ""));
            }
            unassigned.remove(chosen);
            lowestFirst.add(chosen);
        }
        List<String> highestFirst = new ArrayList<>();
        for (ChargedTask c : lowestFirst) {
            highestFirst.add(c.name());
        }
        Collections.reverse(highestFirst);
        return new Outcome(Verdict.PASS, highestFirst, responses, minSlack, "Audsley's order passes");
    }

    private static boolean limited(TaskBound b) {
        if (b.witness() instanceof Witness.None) {
            String r = ((Witness.None) b.witness()).reason();
            return r.equals("step limit") || r.equals("overflow");
        }
        return false;
    }
}
