package io.gangproof.symbolic.cert;

import io.gangproof.spec.Policy;
import io.gangproof.symbolic.cert.ZoneGraphFile.Job;
import io.gangproof.symbolic.cert.ZoneGraphFile.Status;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The certificate checker's own one-step relation of the zone graph, written from
 * docs/symbolic.md §3-§4 and semantics §5-§7 apart from the engine: from a stored state, every
 * completion, arrival and release in the canonical same-instant order, and the dispatch, each
 * labelled as the certificate labels it. No extrapolation is applied: a successor is compared
 * as it is, so the check does not rely on the engine's abstraction.
 */
final class OneStep {
    /** A state as the checker derives it. */
    record Node(boolean settled, int lastKey, boolean[] arrived, int[] lastDnn, List<Job> jobs, Zone zone) {
        boolean sameDiscrete(ZoneGraphFile.State s) {
            return settled == s.settled() && lastKey == s.lastKey() && Arrays.equals(arrived, s.arrived())
                    && Arrays.equals(lastDnn, s.lastDnn()) && jobs.equals(s.jobs());
        }
    }

    /**
     * A successor, whether its dispatch left a circular hold-and-wait, and the tasks whose
     * waiting job saw a lower-priority start on an eligible TPU (their inversion needs a stopwatch).
     */
    record Successor(Node node, boolean deadlock, long stopwatch) {
    }

    private final CheckedModel m;
    /** Per task, one more than the largest overtakes bound checked on it (0: none): the counter's cap. */
    private final int[] cap;

    OneStep(CheckedModel m, List<ZoneGraphFile.Prop> props) {
        this.m = m;
        cap = new int[m.tasks];
        for (ZoneGraphFile.Prop p : props) {
            if (p.check() == ZoneGraphFile.Check.OVERTAKES) {
                cap[p.task()] = (int) Math.max(cap[p.task()], Math.min(Integer.MAX_VALUE, p.bound() + 1));
            }
        }
    }

    /** Every clock zero but {@code z = 1}; nothing arrived, no job, no TPU has run a DNN. */
    Node initial() {
        int n = 2 + m.tasks;
        long[][] b = new long[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                b[i][j] = (i == 1 ? 1 : 0) - (j == 1 ? 1 : 0);
            }
        }
        int[] last = new int[m.reloads ? m.tpus : 0];
        Arrays.fill(last, -1);
        return new Node(false, -1, new boolean[m.tasks], last, List.of(), new Zone(b));
    }

    /** The instants time may reach from a settled state, before their events: time passes within the invariants. */
    Zone delayed(ZoneGraphFile.State s) {
        Zone d = s.zone().copy();
        d.elapse();
        for (int i = 0; i < m.tasks; i++) {
            int c = m.taskClock(i);
            if (!s.arrived()[i]) {
                if (m.known[i]) {
                    d.atMost(c, m.offset[i]);
                } else if (!m.sporadic[i]) {
                    d.atMost(c, m.period[i] - 1);
                }
            } else if (!m.sporadic[i]) {
                d.atMost(c, m.period[i]);
            }
        }
        for (int q = 0; q < s.jobs().size(); q++) {
            Job j = s.jobs().get(q);
            if (j.status() == Status.RUNNING) {
                d.atMost(m.phase(q), j.hi());
            } else if (j.status() == Status.ARRIVED) {
                d.atMost(m.age(q), m.jitter[j.task()]);
            }
        }
        return d.close();
    }

    Map<String, Successor> successors(ZoneGraphFile.State s) {
        Map<String, Successor> out = new LinkedHashMap<>();
        Zone from = s.settled() ? delayed(s) : s.zone().copy();
        if (from.empty()) {
            return out;
        }
        int last = s.settled() ? -1 : s.lastKey();
        List<Job> jobs = s.jobs();
        for (int q = 0; q < jobs.size(); q++) {
            if (jobs.get(q).status() == Status.RUNNING && Long.numberOfTrailingZeros(jobs.get(q).held()) > last) {
                put(out, "complete " + q, complete(s, from, q));
            }
        }
        for (int i = 0; i < m.tasks; i++) {
            if (64 + i <= last) {
                continue;
            }
            for (int pos = 0; pos <= jobs.size(); pos++) {
                boolean edf = m.policy == Policy.EDF;
                for (int tp = 0; tp <= (edf && pos > 0 ? 1 : 0); tp++) {
                    for (int tn = 0; tn <= (edf && pos < jobs.size() ? 1 : 0); tn++) {
                        put(out, "arrive " + i + " " + pos + " " + tp + " " + tn,
                                arrive(s, from, i, pos, tp == 1, tn == 1));
                    }
                }
            }
        }
        for (int q = 0; q < jobs.size(); q++) {
            if (jobs.get(q).status() == Status.ARRIVED && 64 + m.tasks + jobs.get(q).task() >= last) {
                put(out, "release " + q, release(s, from, q));
            }
        }
        if (!s.settled()) {
            new Dispatch(m, cap).all(s, out);
        }
        return out;
    }

    private static void put(Map<String, Successor> out, String label, Node n) {
        if (n != null) {
            out.put(label, new Successor(n, false, 0));
        }
    }

    private Node complete(ZoneGraphFile.State s, Zone from, int q) {
        Job j = s.jobs().get(q);
        Zone z = from.copy();
        z.atLeast(m.z(), 1);
        z.atLeast(m.phase(q), j.lo());
        if (z.close().empty()) {
            return null;
        }
        List<Job> jobs = new ArrayList<>(s.jobs());
        jobs.remove(q);
        if (q < jobs.size() && m.policy == Policy.EDF) {
            // The next job's deadline equals its new predecessor's only if it equalled the finished job's, and that one's.
            Job n = jobs.get(q);
            jobs.set(q, withTie(n, n.tie() && j.tie()));
        }
        Zone after = z.without(m.age(q), 2);
        for (int k = 0; k < jobs.size(); k++) {
            Job w = jobs.get(k);
            // A job stops suffering inversion when it starts or no lower-priority job runs on its TPUs any more.
            if (w.inverting() && (w.status() != Status.WAITING || !m.suffers(jobs, k))) {
                jobs.set(k, new Job(w.task(), w.status(), w.held(), w.lo(), w.hi(), w.reload(), false, w.overtakes(),
                        w.tie()));
                if (w.status() != Status.RUNNING) {
                    after.forget(m.phase(k));
                }
            }
        }
        return new Node(false, Long.numberOfTrailingZeros(j.held()), s.arrived(), s.lastDnn(), List.copyOf(jobs),
                after);
    }

    private Node arrive(ZoneGraphFile.State s, Zone from, int i, int pos, boolean tiePrev, boolean tieNext) {
        Zone z = from.copy();
        z.atLeast(m.z(), 1);
        int c = m.taskClock(i);
        if (s.arrived()[i]) {
            z.atLeast(c, m.period[i]);
        } else if (m.known[i]) {
            z.atLeast(c, m.offset[i]);
        }
        List<Job> jobs = s.jobs();
        for (int q = 0; q < jobs.size(); q++) {
            Boolean tie = q == pos - 1 ? Boolean.valueOf(tiePrev) : q == pos ? Boolean.valueOf(tieNext) : null;
            if (!before(z, m.age(q), jobs.get(q).task(), i, q < pos, tie)) {
                return null;
            }
        }
        if (z.close().empty()) {
            return null;
        }
        z.reset(c);
        Zone grown = z.with(m.age(pos), 2);
        grown.forget(m.phase(pos));
        List<Job> next = new ArrayList<>(jobs);
        next.add(pos, new Job(i, Status.ARRIVED, 0, 0, 0, 0, false, 0, tiePrev));
        if (pos + 1 < next.size()) {
            next.set(pos + 1, withTie(next.get(pos + 1), tieNext));
        }
        if (m.jitter[i] == 0) {
            released(next, grown, pos);
        }
        boolean[] arrived = s.arrived().clone();
        arrived[i] = true;
        return new Node(false, 64 + i, arrived, s.lastDnn(), List.copyOf(next), grown);
    }

    /**
     * Constrains the age of an alive job of task {@code k} so that it precedes ({@code first})
     * or follows a job of task {@code i} arriving now, in the pending order of semantics §6;
     * under EDF with equal absolute deadlines when {@code tie} is true, different ones when
     * false, either when null. False when that order is impossible.
     */
    private boolean before(Zone z, int age, int k, int i, boolean first, Boolean tie) {
        boolean higher = m.priority[k] < m.priority[i];
        if (m.policy == Policy.FP) {
            return first == (higher || k == i);
        }
        if (m.policy == Policy.FIFO) {
            // Earlier arrival first; at the same instant (age 0) the higher priority first.
            if (higher) {
                return first;
            }
            if (first) {
                z.atLeast(age, 1);
            } else {
                z.atMost(age, 0);
            }
            return true;
        }
        // EDF: job k's absolute deadline minus the new one's is D_k - D_i - age; equal deadlines: the higher priority first.
        long equalAt = m.deadline[k] - m.deadline[i];
        boolean tieFits = k != i && first == higher;
        if (Boolean.TRUE.equals(tie)) {
            if (!tieFits) {
                return false;
            }
            z.atLeast(age, equalAt);
            z.atMost(age, equalAt);
            return true;
        }
        boolean strictly = Boolean.FALSE.equals(tie) || !tieFits;
        if (first) {
            z.atLeast(age, strictly ? equalAt + 1 : equalAt);
        } else {
            z.atMost(age, strictly ? equalAt - 1 : equalAt);
        }
        return true;
    }

    private Node release(ZoneGraphFile.State s, Zone from, int q) {
        Zone z = from.copy();
        z.atLeast(m.z(), 1);
        if (z.close().empty()) {
            return null;
        }
        List<Job> jobs = new ArrayList<>(s.jobs());
        released(jobs, z, q);
        return new Node(false, 64 + m.tasks + jobs.get(q).task(), s.arrived(), s.lastDnn(), List.copyOf(jobs), z);
    }

    /**
     * The job at {@code q} becomes pending; if an inversion property concerns it and a
     * lower-priority job runs on one of its TPUs, it suffers inversion from now: its phase clock
     * measures the inversion time.
     */
    private void released(List<Job> jobs, Zone z, int q) {
        Job j = jobs.get(q);
        boolean inverting = j.inverting();
        jobs.set(q, new Job(j.task(), Status.WAITING, j.held(), j.lo(), j.hi(), j.reload(), inverting, j.overtakes(),
                j.tie()));
        if (m.tracksInversion[j.task()] && m.suffers(jobs, q)) {
            jobs.set(q, new Job(j.task(), Status.WAITING, j.held(), j.lo(), j.hi(), j.reload(), true, j.overtakes(),
                    j.tie()));
            z.reset(m.phase(q));
        }
    }

    static Job withTie(Job j, boolean tie) {
        return new Job(j.task(), j.status(), j.held(), j.lo(), j.hi(), j.reload(), j.inverting(), j.overtakes(), tie);
    }
}
