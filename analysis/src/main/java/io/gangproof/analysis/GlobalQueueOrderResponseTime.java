package io.gangproof.analysis;

import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.SystemSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Response-time bound for {@code global fifo} and {@code global edf} gang scheduling, with
 * {@code gang-strict} or {@code gang-greedy} (proof in {@code docs/analysis.md} §6c). It is a
 * first-miss argument (Baker 2003's problem window ending at the first missed deadline, as
 * Bertogna &amp; Cirinei use it for global EDF): take the earliest missed deadline {@code d} of a
 * job J (arrival {@code a}, release {@code r}); every job with an earlier deadline met it. Then a
 * job of another task j that runs at some instant {@code >= r} arrived after {@code r - D_j}, and
 * <ul>
 * <li>if it is ahead of J in the pending order (fifo: arrived by {@code a <= r}; edf: deadline by
 * {@code d}, i.e. arrived by {@code a + D_i - D_j <= r + D_i - D_j}) or started before {@code r}
 * (arrived by {@code r - 1}), it is one of the jobs arriving in an interval of {@code D_j} (fifo)
 * or {@code max(D_i, D_j - 1)} (edf) ticks;</li>
 * <li>under gang-greedy a job of width {@code < k_i} may also start behind J while J waits: it
 * arrived by {@code r + w}, in an interval of {@code D_j + w} ticks.</li>
 * </ul>
 * Gang-strict stops its scan at the first job that cannot start, whose width is at most the
 * widest task {@code K}; gang-greedy skips only J's own width. So at every instant of the wait at
 * least {@code m - K + 1} TPUs are busy with those jobs, and {@link JobCountWait} bounds the wait
 * for every {@code beta <= m - K + 1}. If every task passes ({@code J + w + C <= D}) no deadline
 * is missed and the bounds hold.
 */
public final class GlobalQueueOrderResponseTime extends QueueOrderResponseTime<ChargedTask> {

    public GlobalQueueOrderResponseTime(Policy policy, Protocol protocol) {
        super(Placement.GLOBAL, policy, protocol);
    }

    @Override
    Optional<String> read(SystemSpec spec, List<ChargedTask> out) {
        GlobalView.Result gv = GlobalView.of(spec, policy, protocol);
        gv.view().ifPresent(v -> out.addAll(v.byPriority()));
        return gv.view().isPresent() ? Optional.empty() : Optional.of(gv.notApplicable());
    }

    @Override
    ChargedTask charged(ChargedTask t) {
        return t;
    }

    @Override
    Function<ChargedTask, TaskBound> analyser(SystemSpec spec, List<ChargedTask> ts) {
        int m = spec.platform().tpus();
        int widest = ts.stream().mapToInt(ChargedTask::width).max().orElse(0);
        return i -> analyseTask(m, widest, ts, i);
    }

    /** The terms of task {@code i}'s window, in the order of {@code ts}. */
    static List<JobCountWait.Term> terms(Policy policy, boolean greedy, List<ChargedTask> ts, ChargedTask i) {
        List<JobCountWait.Term> out = new ArrayList<>();
        for (ChargedTask j : ts) {
            if (j == i) {
                continue;
            }
            if (greedy && j.width() < i.width()) {
                out.add(new JobCountWait.Term(j, j.deadline(), true, j.deadline()));
            } else {
                out.add(new JobCountWait.Term(j, aheadSpan(policy, i, j), false, j.deadline()));
            }
        }
        return out;
    }

    /**
     * The arrivals of {@code j}'s jobs that are ahead of J in the pending order or started before
     * its release {@code r}, and still run at an instant {@code >= r} before the first miss: after
     * {@code r - D_j} (a job with an earlier deadline than J's met it; one with a later one arrived
     * after {@code a + D_i - D_j >= r - J_i + D_i - D_j > r - D_j}), and by {@code r} (fifo: by
     * {@code a}, or before {@code r}) or by {@code max(r + D_i - D_j, r - 1)} (edf). J's jitter
     * only moves {@code r} and drops out.
     */
    static long aheadSpan(Policy policy, ChargedTask i, ChargedTask j) {
        return policy == Policy.FIFO ? j.deadline() : Math.max(i.deadline(), j.deadline() - 1);
    }

    private TaskBound analyseTask(int m, int widest, List<ChargedTask> ts, ChargedTask i) {
        boolean greedy = protocol == Protocol.GANG_GREEDY;
        int head = greedy ? i.width() : widest;
        List<JobCountWait.Term> terms = terms(policy, greedy, ts, i);
        Optional<Witness.JobCount> w = FirstMissBounds.wait(i, m - head + 1, terms, List.of());
        if (w.isEmpty()) {
            return FirstMissBounds.waitAboveLimit(i);
        }
        Witness.JobCount g = w.get();
        long wait = g.waitBound();
        long lowerWork = 0;
        long overtakes = 0;
        for (JobCountWait.Term t : terms) {
            ChargedTask j = t.task();
            // Jobs of j that can be "lower" than J (semantics §7): fifo, a lower task priority;
            // edf, a later deadline (any task may have one).
            boolean canBeLower = policy == Policy.EDF || j.priority() > i.priority();
            if (canBeLower) {
                lowerWork = Ticks.add(lowerWork, t.work(wait));
            }
            overtakes = Ticks.add(overtakes, wait == 0 ? 0 : lowerStarts(t, i, wait));
        }
        boolean ok = g.response() <= i.deadline();
        String reason = "R = " + i.time().format(g.response()) + " <= D = " + i.time().format(i.deadline())
                + " (beta = " + g.beta() + ")";
        long inversion = Math.min(wait, lowerWork);
        return new TaskBound(i.name(), ok ? Outcome.SCHEDULABLE : Outcome.NOT_SCHEDULABLE_BY_TEST, reason,
                Optional.of(g.response()), Optional.of(inversion), Optional.of(inversion), Optional.of(overtakes), g);
    }

    /**
     * Lower jobs of {@code t}'s task that can start in {@code [r, r + w)}, {@code w >= 1}: none of a
     * higher-priority task under fifo; otherwise as {@link QueueOrderResponseTime#lowerStarts}, behind
     * J when narrow under gang-greedy (the terms that grow).
     */
    private long lowerStarts(JobCountWait.Term t, ChargedTask i, long w) {
        ChargedTask j = t.task();
        if (policy == Policy.FIFO && j.priority() < i.priority()) {
            return 0;
        }
        return lowerStarts(i, j, t.grows(), w);
    }
}
