package io.gangproof.symbolic.cert;

import io.gangproof.scheduler.ExecutableSpec;
import io.gangproof.scheduler.ReferenceScheduler;
import io.gangproof.scheduler.Scenario;
import io.gangproof.scheduler.trace.Acquisition;
import io.gangproof.scheduler.trace.JobRecord;
import io.gangproof.scheduler.trace.Trace;
import io.gangproof.spec.Policy;
import io.gangproof.spec.SystemSpec;
import io.gangproof.symbolic.cert.ZoneGraphFile.Job;
import io.gangproof.symbolic.cert.ZoneGraphFile.Status;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The part of the certificate's meaning the closure check cannot see: that the zone graph's
 * relation contains the reference scheduler's behaviours (docs/symbolic.md §12). Given traces
 * of the reference scheduler, every instant with an event is turned into the concrete state
 * after its dispatch (the discrete part as the zone graph writes it, and the clock values) and
 * must be LU-simulated by a point of a stored state (the coverage of §12). This is a sampled check (the traces given), not a proof.
 */
final class TraceCoverage {
    private final ZoneGraphFile f;
    private final CheckedModel m;
    private final ExecutableSpec x;
    private final int[] cap;

    TraceCoverage(SystemSpec spec, ZoneGraphFile f) {
        this.f = f;
        this.m = new CheckedModel(spec, f.props());
        this.x = ExecutableSpec.of(spec);
        cap = new int[m.tasks];
        for (ZoneGraphFile.Prop p : f.props()) {
            if (p.check() == ZoneGraphFile.Check.OVERTAKES) {
                cap[p.task()] = (int) Math.max(cap[p.task()], Math.min(Integer.MAX_VALUE, p.bound() + 1));
            }
        }
    }

    /** The first instant of the scenario's run whose state lies in no stored state, described; empty when none. */
    Optional<String> uncovered(SystemSpec spec, Scenario scenario, long horizon) {
        Trace trace = ReferenceScheduler.run(spec, scenario, horizon);
        TreeSet<Long> instants = new TreeSet<>();
        for (JobRecord j : trace.jobs()) {
            instants.add(j.arrival());
            instants.add(j.release());
            j.finish().ifPresent(instants::add);
        }
        for (long t : instants) {
            if (t >= horizon) {
                break;
            }
            if (!covered(trace, t)) {
                return Optional.of("the state after the dispatch at instant " + t + " of scenario " + scenario
                        + " lies in no stored state");
            }
        }
        return Optional.empty();
    }

    private boolean covered(Trace trace, long t) {
        List<JobRecord> alive = new ArrayList<>();
        for (JobRecord j : trace.jobs()) {
            if (j.arrival() <= t && !(j.finish().isPresent() && j.finish().getAsLong() <= t)) {
                alive.add(j);
            }
        }
        alive.sort(pendingOrder());
        boolean[] arrived = new boolean[m.tasks];
        long[] lastArrival = new long[m.tasks];
        for (JobRecord j : trace.jobs()) {
            int i = x.taskIndex(j.task());
            if (j.arrival() <= t) {
                arrived[i] = true;
                lastArrival[i] = Math.max(lastArrival[i], j.arrival());
            }
        }
        int[] lastDnn = lastDnn(trace, t);
        List<Job> jobs = new ArrayList<>();
        for (int q = 0; q < alive.size(); q++) {
            jobs.add(job(trace, alive, q, t));
        }
        for (ZoneGraphFile.State s : f.states()) {
            if (s.settled() && Arrays.equals(s.arrived(), arrived) && Arrays.equals(s.lastDnn(), lastDnn)
                    && s.jobs().equals(jobs) && contains(s.zone(), alive, jobs, arrived, lastArrival, t)) {
                return true;
            }
        }
        return false;
    }

    /** The clock values at {@code t} after the dispatch, against the zone (a phase clock not in use is free). */
    private boolean contains(Zone z, List<JobRecord> alive, List<Job> jobs, boolean[] arrived, long[] lastArrival,
            long t) {
        int n = z.size();
        long[] v = new long[n];
        boolean[] used = new boolean[n];
        used[0] = true;
        used[m.z()] = true;
        for (int i = 0; i < m.tasks; i++) {
            v[m.taskClock(i)] = arrived[i] ? t - lastArrival[i] : t;
            used[m.taskClock(i)] = true;
        }
        for (int q = 0; q < jobs.size(); q++) {
            JobRecord r = alive.get(q);
            v[m.age(q)] = t - r.arrival();
            used[m.age(q)] = true;
            if (jobs.get(q).status() == Status.RUNNING) {
                v[m.phase(q)] = t - r.start().getAsLong();
                used[m.phase(q)] = true;
            } else if (jobs.get(q).inverting()) {
                v[m.phase(q)] = t - r.release();
                used[m.phase(q)] = true;
            }
        }
        // The stored states cover the reachable ones up to LU-simulation (docs/symbolic.md §12).
        return z.simulates(v, used, LuBounds.of(m, f.props(), arrived, jobs));
    }

    /** Semantics §6: fp by priority, edf by absolute deadline then priority, fifo by arrival then priority. */
    private Comparator<JobRecord> pendingOrder() {
        Comparator<JobRecord> byPriority = Comparator.comparingInt(j -> m.priority[x.taskIndex(j.task())]);
        Comparator<JobRecord> byArrival = Comparator.comparingLong(JobRecord::arrival);
        if (m.policy == Policy.FP) {
            return byPriority.thenComparing(byArrival);
        }
        if (m.policy == Policy.FIFO) {
            return byArrival.thenComparing(byPriority);
        }
        return Comparator.comparingLong(this::absoluteDeadline).thenComparing(byPriority).thenComparing(byArrival);
    }

    private long absoluteDeadline(JobRecord j) {
        return j.arrival() + m.deadline[x.taskIndex(j.task())];
    }

    private int[] lastDnn(Trace trace, long t) {
        int[] last = new int[m.reloads ? m.tpus : 0];
        long[] when = new long[last.length];
        Arrays.fill(last, -1);
        Arrays.fill(when, -1);
        for (JobRecord j : trace.jobs()) {
            if (last.length > 0 && j.start().isPresent() && j.start().getAsLong() <= t) {
                for (int tpu : j.tpus()) {
                    if (j.start().getAsLong() > when[tpu]) {
                        when[tpu] = j.start().getAsLong();
                        last[tpu] = m.dnn[x.taskIndex(j.task())];
                    }
                }
            }
        }
        return last;
    }

    /** The job at {@code q} in pending order as the zone graph writes it at {@code t}, after the dispatch. */
    private Job job(Trace trace, List<JobRecord> alive, int q, long t) {
        JobRecord r = alive.get(q);
        int task = x.taskIndex(r.task());
        boolean tie = m.policy == Policy.EDF && q > 0 && absoluteDeadline(alive.get(q - 1)) == absoluteDeadline(r);
        if (r.start().isPresent() && r.start().getAsLong() <= t) {
            long held = 0;
            for (int tpu : r.tpus()) {
                held |= 1L << tpu;
            }
            long[] iv = Arrays.stream(m.execution[task]).filter(e -> e[0] <= r.executionTime()
                    && r.executionTime() <= e[1]).findFirst().orElseThrow();
            long paid = r.reloadTime();
            // A started job keeps the count it had while it waited (the zone graph does not reset it).
            return new Job(task, Status.RUNNING, held, iv[0] + paid, iv[1] + paid, paid, false,
                    overtakes(trace, r, r.start().getAsLong() - 1), tie);
        }
        if (r.release() > t) {
            return new Job(task, Status.ARRIVED, 0, 0, 0, 0, false, 0, tie);
        }
        long held = 0;
        for (Acquisition a : r.acquisitions()) {
            if (a.time() <= t) {
                held |= 1L << a.tpu();
            }
        }
        return new Job(task, Status.WAITING, held, 0, 0, 0, inverting(trace, r, t), overtakes(trace, r, t), tie);
    }

    /** Jobs lower than {@code r} (semantics §7) that started in [release, t] on one of its eligible TPUs, capped. */
    private int overtakes(Trace trace, JobRecord r, long t) {
        int task = x.taskIndex(r.task());
        if (cap[task] == 0) {
            return 0;
        }
        long count = 0;
        for (JobRecord l : trace.jobs()) {
            if (l.start().isPresent() && l.start().getAsLong() >= r.release() && l.start().getAsLong() <= t
                    && lower(l, r) && onEligible(l, task)) {
                count++;
            }
        }
        return (int) Math.min(cap[task], count);
    }

    /**
     * With an inversion property on its task: a lower job ran on one of its eligible TPUs at its
     * release and, after the completions of every instant since, one still does.
     */
    private boolean inverting(Trace trace, JobRecord r, long t) {
        int task = x.taskIndex(r.task());
        if (!m.tracksInversion[task]) {
            return false;
        }
        for (long u = r.release(); u <= t; u++) {
            boolean suffers = false;
            for (JobRecord l : trace.jobs()) {
                if (l.start().isPresent() && l.start().getAsLong() < u && l.end().getAsLong() > u && lower(l, r)
                        && onEligible(l, task)) {
                    suffers = true;
                    break;
                }
            }
            if (!suffers) {
                return false;
            }
        }
        return true;
    }

    private boolean lower(JobRecord l, JobRecord r) {
        if (m.policy == Policy.EDF) {
            return absoluteDeadline(l) > absoluteDeadline(r);
        }
        return m.priority[x.taskIndex(l.task())] > m.priority[x.taskIndex(r.task())];
    }

    private boolean onEligible(JobRecord l, int task) {
        for (int tpu : l.tpus()) {
            if ((m.eligible[task] & (1L << tpu)) != 0) {
                return true;
            }
        }
        return false;
    }
}
