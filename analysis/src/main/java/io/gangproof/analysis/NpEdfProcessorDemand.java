package io.gangproof.analysis;

import io.gangproof.spec.Policy;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Processor-demand test for non-preemptive EDF on each partition of a {@code partitioned} spec
 * (semantics §10, second bullet).
 *
 * <p>Source: George, Rivierre &amp; Spuri (1996), "Preemptive and non-preemptive real-time
 * uniprocessor scheduling", INRIA RR-2966, the non-preemptive EDF condition in discrete time
 * (theorem number not re-checked here):
 * {@code U <= 1} and for all {@code t} in {@code S = {k T_j + D_j} ∩ [0, L)}:
 * {@code h(t) + max{C_l - 1 : D_l > t} <= t}, where {@code h} is the processor demand and
 * {@code L} the synchronous busy period. The {@code - 1} is the same integer-time fact as in
 * {@link NpFpResponseTime}: a later-deadline job that blocks started a tick before.
 *
 * <p>Release jitter, handled conservatively: a job counts in the demand of a window starting at
 * {@code t0} when it is released at or after {@code t0}, i.e. arrives at or after {@code t0 - J};
 * so the demand bound is {@code (floor((t + J_j - D_j)/T_j) + 1) C_j} for {@code t >= D_j - J_j}
 * (Spuri 1996, INRIA RR-2772, jitter), the test points shift to {@code D_j - J_j + k T_j}, and
 * {@code L} is the jitter-aware busy period with maximal blocking and reload, which only enlarges
 * the testing set. The blocking condition {@code D_l > t} is kept although jitter makes it
 * stricter ({@code D_l > t + 1} suffices); keeping it is pessimistic. EDF ties (semantics §6:
 * deadline, then task priority) need no term: a job with the same deadline is in the demand.
 *
 * <p>This test decides deadlines only; the response bound it reports is {@code D}.
 */
public final class NpEdfProcessorDemand implements ResponseTimeAnalysis {
    public static final String NAME = "partitioned-np-edf";

    private final long stepLimit;

    public NpEdfProcessorDemand() {
        this(2_000_000L);
    }

    public NpEdfProcessorDemand(long stepLimit) {
        this.stepLimit = stepLimit;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean appliesTo(SystemSpec spec) {
        return PartitionView.applies(spec, Policy.EDF);
    }

    @Override
    public AnalysisResult analyze(SystemSpec spec) {
        if (spec.scheduler().policy() != Policy.EDF) {
            return notApplicable(spec, "policy is " + spec.scheduler().policy().keyword() + ", not edf");
        }
        PartitionView.Result parts = PartitionView.of(spec);
        if (parts.notApplicable().isPresent()) {
            return notApplicable(spec, parts.notApplicable().get());
        }
        Map<String, TaskBound> byName = new HashMap<>();
        for (PartitionView p : parts.partitions()) {
            for (TaskBound b : analysePartition(p.tasks(), p.oneTimeReload())) {
                byName.put(b.task(), b);
            }
        }
        List<TaskBound> out = new ArrayList<>();
        for (Task t : spec.tasks()) {
            out.add(byName.get(t.name()));
        }
        return new AnalysisResult(NAME, spec.name(), out);
    }

    private static AnalysisResult notApplicable(SystemSpec spec, String reason) {
        List<TaskBound> out = new ArrayList<>();
        for (Task t : spec.tasks()) {
            out.add(TaskBound.notApplicable(t.name(), reason));
        }
        return new AnalysisResult(NAME, spec.name(), out);
    }

    /** The verdict for every task of one partition (the demand test is per partition). */
    List<TaskBound> analysePartition(List<ChargedTask> tasks, long once) {
        Verdict v;
        try {
            v = demandTest(tasks, once);
        } catch (ArithmeticException overflow) {
            v = new Verdict(false, "exact arithmetic overflowed: no bound from this test",
                    new Witness.None("overflow"));
        }
        List<TaskBound> out = new ArrayList<>();
        for (ChargedTask i : tasks) {
            long inversion = 0;
            boolean any = false;
            for (ChargedTask j : tasks) {
                // Only a job whose deadline may be later than ours and that started before our
                // release can run while we wait (semantics §7 "lower priority" under edf).
                if (j != i && j.deadline() + i.jitter() > i.deadline()) {
                    inversion = Math.max(inversion, j.exec() - 1);
                    any = true;
                }
            }
            if (any) {
                inversion += once;
            }
            if (v.ok()) {
                out.add(new TaskBound(i.name(), Outcome.SCHEDULABLE, v.reason(), Optional.of(i.deadline()),
                        Optional.of(inversion), Optional.of(inversion), Optional.of(0L), v.witness()));
            } else {
                out.add(new TaskBound(i.name(), Outcome.NOT_SCHEDULABLE_BY_TEST, v.reason(), Optional.empty(),
                        Optional.of(inversion), Optional.of(inversion), Optional.of(0L), v.witness()));
            }
        }
        return out;
    }

    private record Verdict(boolean ok, String reason, Witness witness) {
    }

    private Verdict demandTest(List<ChargedTask> tasks, long once) {
        for (ChargedTask t : tasks) {
            if (t.deadline() - t.jitter() < t.exec()) {
                return new Verdict(false, "task " + t.name() + ": D - J = "
                        + t.time().format(t.deadline() - t.jitter()) + " < C = " + t.time().format(t.exec()), new Witness.None("deadline shorter than jitter plus execution"));
            }
        }
        Utilisation u = new Utilisation();
        long maxBlocking = 0;
        boolean jitter = false;
        for (ChargedTask t : tasks) {
            u.add(t.exec(), t.period());
            maxBlocking = Math.max(maxBlocking, t.exec() - 1);
            jitter |= t.jitter() > 0;
        }
        int overload = u.compareToOne();
        if (overload > 0 || (overload == 0 && (maxBlocking + once > 0 || jitter))) {
            return new Verdict(false, "utilisation " + u + (overload > 0 ? " > 1" : " = 1 with blocking, reload or jitter"),
                    new Witness.None("unbounded busy period"));
        }
        long l = Ticks.add(maxBlocking, once);
        for (ChargedTask t : tasks) {
            l = Ticks.add(l, t.exec());
        }
        long steps = 0;
        while (true) {
            long next = Ticks.add(maxBlocking, once);
            for (ChargedTask t : tasks) {
                next = Ticks.add(next, Ticks.mul(Ticks.ceilDiv(Ticks.add(l, t.jitter()), t.period()), t.exec()));
            }
            if (next <= l) {
                break;
            }
            l = next;
            if (++steps > stepLimit) {
                return new Verdict(false, "busy period did not converge within " + stepLimit + " steps",
                        new Witness.None("step limit"));
            }
        }
        TreeSet<Long> points = new TreeSet<>();
        for (ChargedTask t : tasks) {
            for (long p = t.deadline() - t.jitter(); p <= l; p = Ticks.add(p, t.period())) {
                points.add(p);
                if (++steps > stepLimit) {
                    return new Verdict(false, "more than " + stepLimit + " test points up to L = " + l,
                            new Witness.None("step limit"));
                }
            }
        }
        long tightest = -1;
        long tightDemand = 0;
        long tightBlocking = 0;
        long leastSlack = Long.MAX_VALUE;
        for (long t : points) {
            long demand = once;
            long blocking = 0;
            for (ChargedTask j : tasks) {
                long first = j.deadline() - j.jitter();
                if (t >= first) {
                    demand = Ticks.add(demand, Ticks.mul((t - first) / j.period() + 1, j.exec()));
                }
                if (j.deadline() > t) {
                    blocking = Math.max(blocking, j.exec() - 1);
                }
            }
            long slack = t - Ticks.add(demand, blocking);
            if (slack < leastSlack) {
                leastSlack = slack;
                tightest = t;
                tightDemand = demand;
                tightBlocking = blocking;
            }
            if (slack < 0) {
                break;
            }
        }
        List<Witness.DemandTask> dt = new ArrayList<>();
        for (ChargedTask t : tasks) {
            dt.add(new Witness.DemandTask(t.name(), t.exec(), t.period(), t.deadline(), t.jitter()));
        }
        Witness.NpEdf w = new Witness.NpEdf(dt, once, l, points.size(), tightest, tightDemand, tightBlocking);
        if (leastSlack < 0) {
            return new Verdict(false, "demand " + time(tasks, tightDemand) + " + blocking "
                    + time(tasks, tightBlocking) + " > " + time(tasks, tightest) + " at t = " + time(tasks, tightest), w);
        }
        return new Verdict(true, "demand + blocking <= t at all " + points.size() + " points up to L = "
                + time(tasks, l), w);
    }

    /** A time of the tasks' spec; an empty task set has no spec to take units from. */
    private static String time(List<ChargedTask> tasks, long ticks) {
        return tasks.isEmpty() ? ticks + " ticks" : tasks.get(0).time().format(ticks);
    }
}
