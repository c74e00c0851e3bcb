package io.gangproof.symbolic;

import io.gangproof.spec.Policy;

/**
 * Completions, arrivals and releases (docs/symbolic.md §3). Each needs {@code z >= 1}: it
 * happens at an instant after the last dispatch, never after the dispatch of its own instant.
 */
final class Events {
    private final SymbolicSpec s;
    private final Transitions t;

    Events(SymbolicSpec s, Transitions t) {
        this.s = s;
        this.t = t;
    }

    Transitions.Successor complete(SymbolicState st, Dbm src, int pos) {
        Job j = st.jobs[pos];
        Dbm zone = src.copy();
        zone.atLeast(SymbolicState.Z, 1);
        zone.atLeast(st.phase(s.tasks, pos), j.lo());
        if (zone.isEmpty()) {
            return null;
        }
        long response = zone.upper(st.age(s.tasks, pos));
        Job[] jobs = new Job[st.jobs.length - 1];
        System.arraycopy(st.jobs, 0, jobs, 0, pos);
        System.arraycopy(st.jobs, pos + 1, jobs, pos, jobs.length - pos);
        if (pos < jobs.length && s.policy == Policy.EDF) {
            // Equal deadlines are contiguous: the next job ties with the previous one only through this one.
            jobs[pos] = jobs[pos].withTie(j.tie() && jobs[pos].tie());
        }
        zone.remove(st.age(s.tasks, pos), 2);
        t.endInversions(jobs, zone, st.jobBase(s.tasks));
        SymbolicState next = new SymbolicState(st.arrived, jobs, st.lastDnn, false, Transitions.completionKey(j), zone,
                st.extras);
        return new Transitions.Successor(new Step.Complete(pos), next, j.task(), response, 0, false);
    }

    Transitions.Successor arrive(SymbolicState st, Dbm src, Step.Arrive a) {
        int i = a.task();
        int pos = a.pos();
        Dbm zone = src.copy();
        zone.atLeast(SymbolicState.Z, 1);
        int c = SymbolicState.taskClock(i);
        if (st.arrived[i]) {
            zone.atLeast(c, s.period[i]);
        } else if (s.kind[i] == SymbolicSpec.ArrivalKind.KNOWN_OFFSET) {
            zone.atLeast(c, s.offset[i]);
        }
        if (s.policy != Policy.EDF && (a.tiePrev() || a.tieNext())) {
            return null;
        }
        for (int q = 0; q < st.jobs.length && !zone.isEmpty(); q++) {
            boolean before = q < pos;
            boolean adjacent = q == pos - 1 || q == pos;
            Boolean tie = q == pos - 1 ? Boolean.valueOf(a.tiePrev()) : q == pos ? Boolean.valueOf(a.tieNext()) : null;
            if (!order(zone, st.age(s.tasks, q), st.jobs[q].task(), i, before, adjacent ? tie : null)) {
                return null;
            }
        }
        if (zone.isEmpty()) {
            return null;
        }
        Job[] jobs = new Job[st.jobs.length + 1];
        System.arraycopy(st.jobs, 0, jobs, 0, pos);
        System.arraycopy(st.jobs, pos, jobs, pos + 1, st.jobs.length - pos);
        jobs[pos] = Job.arrived(i).withTie(a.tiePrev());
        if (pos + 1 < jobs.length) {
            jobs[pos + 1] = jobs[pos + 1].withTie(a.tieNext());
        }
        zone.reset(c);
        zone.insert(st.age(s.tasks, pos), 2);
        zone.free(st.phase(s.tasks, pos));
        boolean[] arrived = st.arrived.clone();
        arrived[i] = true;
        if (s.jitter[i] == 0) {
            releaseJob(jobs, zone, st.jobBase(s.tasks), pos);
        }
        SymbolicState next = new SymbolicState(arrived, jobs, st.lastDnn, false, Transitions.arrivalKey(i), zone,
                st.extras);
        return new Transitions.Successor(a, next, -1, 0, 0, false);
    }

    /**
     * Constrains the age of an alive job of task {@code jt} so that it comes {@code before}
     * (or after) a job of task {@code i} arriving now in pending order (semantics §6), with
     * equal absolute deadlines when {@code tie} is true, different ones when false, either when
     * null. False when the order is impossible whatever the clocks.
     */
    private boolean order(Dbm zone, int age, int jt, int i, boolean before, Boolean tie) {
        boolean higher = s.priority[jt] < s.priority[i];
        boolean same = jt == i;
        if (s.policy == Policy.FP) {
            return before == (higher || same);
        }
        if (s.policy == Policy.FIFO) {
            if (higher) {
                return before;
            }
            if (before) {
                zone.atLeast(age, 1);
            } else {
                zone.atMost(age, 0);
            }
            return true;
        }
        long c = s.deadline[jt] - s.deadline[i];
        boolean tieAllowed = !same && (before == higher);
        if (Boolean.TRUE.equals(tie)) {
            if (!tieAllowed) {
                return false;
            }
            zone.equal(age, c);
        } else if (before) {
            zone.atLeast(age, Boolean.FALSE.equals(tie) || !tieAllowed ? c + 1 : c);
        } else {
            zone.atMost(age, Boolean.FALSE.equals(tie) || !tieAllowed ? c - 1 : c);
        }
        return true;
    }

    Transitions.Successor release(SymbolicState st, Dbm src, int pos) {
        Dbm zone = src.copy();
        zone.atLeast(SymbolicState.Z, 1);
        if (zone.isEmpty()) {
            return null;
        }
        Job[] jobs = st.jobs.clone();
        releaseJob(jobs, zone, st.jobBase(s.tasks), pos);
        SymbolicState next = new SymbolicState(st.arrived, jobs, st.lastDnn, false, t.releaseKey(jobs[pos].task()),
                zone, st.extras);
        return new Transitions.Successor(new Step.Release(pos), next, -1, 0, 0, false);
    }

    private void releaseJob(Job[] jobs, Dbm zone, int base, int pos) {
        jobs[pos] = jobs[pos].withStatus(Job.Status.WAITING);
        if (t.tracksInversion(jobs[pos].task()) && t.suffers(jobs, pos)) {
            jobs[pos] = jobs[pos].withInverting(true);
            zone.reset(base + 2 * pos + 1);
        }
    }
}
