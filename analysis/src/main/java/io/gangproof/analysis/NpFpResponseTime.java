package io.gangproof.analysis;

import io.gangproof.spec.Policy;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Response-time analysis for non-preemptive fixed-priority scheduling on each partition of a
 * {@code partitioned} spec (semantics §10, first bullet).
 *
 * <p>Source: George, Rivierre &amp; Spuri (1996), "Preemptive and non-preemptive real-time
 * uniprocessor scheduling", INRIA RR-2966 (non-preemptive fixed priority); and its corrected form for CAN in Davis, Burns,
 * Bril &amp; Lukkien (2007), "Controller Area Network (CAN) schedulability analysis: refuted,
 * revisited and revised", Real-Time Systems 35(3):239–272, revised analysis (section and equation
 * numbers not re-checked against the paper here): level-i busy period
 * {@code t = B + sum_{hep} ceil((t + J_j)/T_j) C_j}, jobs {@code Q = ceil((t + J_i)/T_i)}, start
 * offsets {@code w_q = B + q C_i + sum_{hp} ceil((w_q + J_j + tau)/T_j) C_j}, responses
 * {@code R_q = J_i + w_q - q T_i + C_i}.
 *
 * <p>Integer time: ticks play the role of Davis's {@code tau_bit}, so {@code tau = 1}. By the
 * event order of semantics §5 (finishes, then releases, then dispatch, all at one instant), a
 * higher-priority job released at the very instant job q could start goes first, hence the
 * {@code +1}; and a lower-priority job that blocks a job released at {@code t} started at
 * {@code t - 1} at the latest, hence {@code B = max_{lp} C_l - 1}. Response is measured from
 * arrival, so the task's own jitter enters once in {@code R_q} and every other task's jitter in
 * its arrival count. Reload is charged by {@link PartitionView}; a one-time reload (first job on
 * a single-DNN partition) is added to {@code B} because at most one job of any window incurs it.
 */
public final class NpFpResponseTime implements ResponseTimeAnalysis {
    public static final String NAME = "partitioned-np-fp";
    /** On a partition no lower-priority job starts while a job of this task waits (semantics §7). */
    private static final Optional<Long> NO_OVERTAKES = Optional.of(0L);

    /** Fixed-point steps per task before the test gives up (UNKNOWN, never a bound). */
    private final long stepLimit;

    public NpFpResponseTime() {
        this(2_000_000L);
    }

    public NpFpResponseTime(long stepLimit) {
        this.stepLimit = stepLimit;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean appliesTo(SystemSpec spec) {
        return PartitionView.applies(spec, Policy.FP);
    }

    @Override
    public AnalysisResult analyze(SystemSpec spec) {
        if (spec.scheduler().policy() != Policy.FP) {
            return notApplicable(spec, "policy is " + spec.scheduler().policy().keyword() + ", not fp");
        }
        PartitionView.Result parts = PartitionView.of(spec);
        if (parts.notApplicable().isPresent()) {
            return notApplicable(spec, parts.notApplicable().get());
        }
        TaskBound[] out = new TaskBound[spec.tasks().size()];
        for (PartitionView p : parts.partitions()) {
            List<ChargedTask> ts = p.tasks();
            // Utilisation of each priority prefix, computed once per partition (exact fractions).
            Utilisation u = new Utilisation();
            boolean jitter = false;
            // Every witness names its interferers as a range of this one list (no copy per task).
            List<Witness.Interferer> all = ImmutableSlice.of(interferers(ts));
            int[] blocker = blockers(ts);
            Columns columns = Columns.of(ts);
            // The level-(i-1) busy period is where level i's iteration may start (see busyPeriod).
            long previousBusy = 0;
            for (int i = 0; i < ts.size(); i++) {
                ChargedTask t = ts.get(i);
                u.add(t.exec(), t.period());
                jitter |= t.jitter() > 0;
                TaskBound b;
                try {
                    b = analyseExactly(t, columns, i, p.oneTimeReload(), u, jitter, all.subList(0, i),
                            all.subList(i + 1, ts.size()), blocker[i] < 0 ? null : ts.get(blocker[i]), previousBusy);
                } catch (ArithmeticException overflow) {
                    b = overflow(t);
                }
                previousBusy = b.witness() instanceof Witness.NpFp w ? w.busyPeriod() : 0;
                out[p.positions()[i]] = b;
            }
        }
        return new AnalysisResult(NAME, spec.name(), ImmutableSlice.wrap(out));
    }

    private static AnalysisResult notApplicable(SystemSpec spec, String reason) {
        List<TaskBound> out = new ArrayList<>();
        for (Task t : spec.tasks()) {
            out.add(TaskBound.notApplicable(t.name(), reason));
        }
        return new AnalysisResult(NAME, spec.name(), out);
    }

    /**
     * Analyses task {@code i} with the given higher- and lower-priority tasks of its partition.
     * Only the sets matter, not their order, which is what makes Audsley's assignment optimal
     * for this test (Davis et al. 2007, on priority assignment for CAN).
     */
    TaskBound analyseTask(ChargedTask i, List<ChargedTask> hp, List<ChargedTask> lp, long oneTimeReload) {
        Utilisation u = new Utilisation().add(i.exec(), i.period());
        boolean jitter = i.jitter() > 0;
        for (ChargedTask h : hp) {
            u.add(h.exec(), h.period());
            jitter |= h.jitter() > 0;
        }
        try {
            ChargedTask blocker = null;
            for (ChargedTask l : lp) {
                if (blocker == null || l.exec() > blocker.exec()) {
                    blocker = l;
                }
            }
            return analyseExactly(i, Columns.of(hp), hp.size(), oneTimeReload, u, jitter, interferers(hp),
                    interferers(lp), blocker, 0);
        } catch (ArithmeticException overflow) {
            return overflow(i);
        }
    }

    private static TaskBound overflow(ChargedTask i) {
        return TaskBound.unknown(i.name(), "exact arithmetic overflowed: no bound from this test",
                new Witness.None("overflow"));
    }

    /**
     * For each position of {@code ts} (highest priority first), the position of the first
     * lower-priority task with the largest {@code exec} (the blocker), or -1 for the last: one
     * pass from the end instead of a pass over the lower-priority tasks of every task.
     */
    private static int[] blockers(List<ChargedTask> ts) {
        int[] out = new int[ts.size()];
        int best = -1;
        for (int j = ts.size() - 1; j >= 0; j--) {
            out[j] = best;
            if (best < 0 || ts.get(j).exec() >= ts.get(best).exec()) {
                best = j;
            }
        }
        return out;
    }

    /**
     * {@code hp}: the first {@code nh} entries of {@code columns}; {@code u}: utilisation of i
     * and hp; {@code jitter}: whether any of them has jitter;
     * {@code hpWitness}, {@code lpWitness}: hp and lp as the witness names them; {@code lpMax}:
     * the first task of lp with the largest exec (null when lp is empty); {@code busyFrom}: a
     * value the level-i busy period is known to be at least (0, or the busy period of the task
     * just above i in the same partition, see below).
     */
    private TaskBound analyseExactly(ChargedTask i, Columns columns, int nh, long once, Utilisation u, boolean jitter,
            List<Witness.Interferer> hpWitness, List<Witness.Interferer> lpWitness, ChargedTask lpMax, long busyFrom) {
        long[] hc = columns.exec();
        long[] ht = columns.period();
        long[] hj = columns.jitter();
        long blocking = lpMax == null ? 0 : lpMax.exec() - 1;
        Optional<String> blocker = lpMax == null ? Optional.empty() : Optional.of(lpMax.name());
        long e = Ticks.add(blocking, once);
        // A lower-priority job that blocks may be the one that reloads, so the one-time reload
        // counts as blocking too; without lower-priority tasks nothing lower ever runs.
        long inversion = lpMax == null ? 0 : e;

        // At utilisation exactly 1 the busy period is finite only without blocking, reload and
        // jitter (then it ends at the hyperperiod at the latest); otherwise it never closes.
        int overload = u.compareToOne();
        if (overload > 0 || (overload == 0 && (e > 0 || jitter))) {
            return TaskBound.unknown(i.name(), "utilisation of this and higher-priority tasks is " + u
                    + (overload > 0 ? " > 1" : " with blocking, reload or jitter") + ": the busy period is unbounded",
                    new Witness.None("unbounded busy period"));
        }

        long steps = 0;
        long t = e;
        t = Ticks.add(t, i.exec());
        for (int h = 0; h < nh; h++) {
            t = Ticks.add(t, hc[h]);
        }
        // The iteration from t0 = E + sum C stops at f's least fixed point above t0. Starting it
        // from the level-(i-1) busy period instead (when larger) stops at the same point, in fewer
        // steps: f_{i-1} <= f_i pointwise (E_{i-1} <= E_i + C_i - 1, and f_i has the term of i,
        // at least C_i), so that busy period is at most f_i's fixed point and f_i(it) >= it.
        t = Math.max(t, busyFrom);
        while (true) {
            long next = Ticks.add(e, Ticks.mul(Ticks.ceilDiv(Ticks.add(t, i.jitter()), i.period()), i.exec()));
            for (int h = 0; h < nh; h++) {
                next = Ticks.add(next, Ticks.mul(Ticks.ceilDiv(Ticks.add(t, hj[h]), ht[h]), hc[h]));
            }
            if (next <= t) {
                break;
            }
            t = next;
            if (++steps > stepLimit) {
                return TaskBound.unknown(i.name(), "busy period did not converge within " + stepLimit + " steps",
                        new Witness.None("step limit"));
            }
        }
        long busy = t;
        long jobs = Ticks.ceilDiv(Ticks.add(busy, i.jitter()), i.period());

        List<Witness.JobStart> starts = new ArrayList<>((int) Math.min(jobs, 64));
        long r = 0;
        // The first job with the largest response, named by the reason of a failing task.
        long worst = 0;
        long worstResp = Long.MIN_VALUE;
        long w = e;
        for (int h = 0; h < nh; h++) {
            w = Ticks.add(w, hc[h]);
        }
        for (long q = 0; q < jobs; q++) {
            if (q > 0) {
                w = Ticks.add(w, i.exec());
            }
            long base = Ticks.add(e, Ticks.mul(q, i.exec()));
            while (true) {
                long next = base;
                for (int h = 0; h < nh; h++) {
                    next = Ticks.add(next, Ticks.mul(Ticks.ceilDiv(Ticks.add(Ticks.add(w, hj[h]), 1), ht[h]), hc[h]));
                }
                if (next <= w) {
                    break;
                }
                w = next;
                if (++steps > stepLimit) {
                    return TaskBound.unknown(i.name(), "start time of job " + q + " did not converge within "
                            + stepLimit + " steps", new Witness.None("step limit"));
                }
            }
            long resp = Ticks.add(Ticks.add(i.jitter(), w - Ticks.mul(q, i.period())), i.exec());
            starts.add(new Witness.JobStart(q, w, resp));
            if (resp > worstResp) {
                worst = q;
                worstResp = resp;
            }
            r = Math.max(r, resp);
        }
        Witness.NpFp witness = new Witness.NpFp(i.exec(), i.period(), i.deadline(), i.jitter(), blocking, blocker,
                once, hpWitness, lpWitness, busy, jobs, starts);
        boolean ok = r <= i.deadline();
        long bound = r;
        long worstJob = worst;
        Optional<Long> inv = Optional.of(inversion);
        // Written when read: most reasons never are (docs/analysis.md §11).
        return new TaskBound(i.name(), ok ? Outcome.SCHEDULABLE : Outcome.NOT_SCHEDULABLE_BY_TEST,
                () -> reason(i, bound, worstJob), Optional.of(r), inv, inv, NO_OVERTAKES, witness);
    }

    /** {@code R = .. <= D = ..}, or {@code > D} and the first job with that response. */
    private static String reason(ChargedTask i, long r, long worst) {
        boolean ok = r <= i.deadline();
        StringBuilder reason = i.time().appendTo(new StringBuilder(48).append("R = "), r).append(ok ? " <= D = " : " > D = ");
        i.time().appendTo(reason, i.deadline());
        if (!ok) {
            reason.append(" (job ").append(worst).append(" of the busy period)");
        }
        return reason.toString();
    }

    /** Tasks as three columns, in their order: the fixed points run over plain arrays. */
    private record Columns(long[] exec, long[] period, long[] jitter) {
        static Columns of(List<ChargedTask> ts) {
            Columns c = new Columns(new long[ts.size()], new long[ts.size()], new long[ts.size()]);
            for (int x = 0; x < ts.size(); x++) {
                c.exec[x] = ts.get(x).exec();
                c.period[x] = ts.get(x).period();
                c.jitter[x] = ts.get(x).jitter();
            }
            return c;
        }
    }

    private static List<Witness.Interferer> interferers(List<ChargedTask> ts) {
        List<Witness.Interferer> out = new ArrayList<>(ts.size());
        for (ChargedTask t : ts) {
            out.add(new Witness.Interferer(t.name(), t.exec(), t.period(), t.jitter()));
        }
        return out;
    }
}
