package io.gangproof.symbolic;

import io.gangproof.scheduler.Scenario;
import io.gangproof.scheduler.ScenarioJob;
import io.gangproof.spec.DnnExit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Turns a violating symbolic state into a concrete scenario (docs/symbolic.md §8): the path
 * is replayed without extrapolation, with a clock {@code g} since instant 0 and one clock per
 * dispatch, never reset; an integer point of the last zone with the smallest {@code g} gives
 * the instant of every dispatch, and every event happens at the instant of the dispatch that
 * follows it.
 */
final class Concretiser {
    /** A scenario and the instant up to which it must be replayed. */
    record Concrete(Scenario scenario, long horizon) {
    }

    private static final class JobTrack {
        int task;
        int index;
        int arrival = -1;
        int release = -1;
        int start = -1;
        int completion = -1;
        long hi;
        long reload;
    }

    private final SymbolicSpec s;
    private final Transitions t;

    Concretiser(SymbolicSpec s, Transitions t) {
        this.s = s;
        this.t = t;
    }

    Concrete concretise(ZoneGraphSearch.Witness w) {
        Deque<Step> path = new ArrayDeque<>();
        if (w.last() != null) {
            path.push(w.last());
        }
        for (ZoneGraphSearch.Node n = w.node(); n.parent != null; n = n.parent) {
            path.push(n.step);
        }
        SymbolicState init = t.initial();
        Dbm z0 = init.zone.copy();
        int g = 2 + s.tasks;
        z0.insert(g, 1);
        SymbolicState st = new SymbolicState(init.arrived, init.jobs, init.lastDnn, init.settled, init.lastKey, z0, 1);
        List<JobTrack> alive = new ArrayList<>();
        List<JobTrack> all = new ArrayList<>();
        int[] count = new int[s.tasks];
        int group = 0;
        for (Step step : path) {
            Transitions.Successor succ = t.apply(st, step);
            if (succ == null || succ.state().zone.isEmpty()) {
                throw new IllegalStateException("symbolic engine: a stored path does not replay at step " + step);
            }
            SymbolicState next = succ.state();
            if (step instanceof Step.Complete c) {
                alive.remove(c.pos()).completion = group;
            } else if (step instanceof Step.Arrive a) {
                JobTrack j = new JobTrack();
                j.task = a.task();
                j.index = count[a.task()]++;
                j.arrival = group;
                if (s.jitter[a.task()] == 0) {
                    j.release = group;
                }
                alive.add(a.pos(), j);
                all.add(j);
            } else if (step instanceof Step.Release r) {
                alive.get(r.pos()).release = group;
            } else {
                for (int q = 0; q < next.jobs.length; q++) {
                    if (next.jobs[q].status() == Job.Status.RUNNING && st.jobs[q].status() != Job.Status.RUNNING) {
                        alive.get(q).start = group;
                        alive.get(q).hi = next.jobs[q].hi();
                        alive.get(q).reload = next.jobs[q].reload();
                    }
                }
                Dbm z = next.zone.copy();
                z.insert(next.jobBase(s.tasks), 1);
                next = new SymbolicState(next.arrived, next.jobs, next.lastDnn, next.settled, next.lastKey, z,
                        next.extras + 1);
                group++;
            }
            st = next;
        }
        Dbm end;
        if (w.clock() >= 0) {
            end = t.delayed(st);
            end.atLeast(w.clock() == 0 ? st.age(s.tasks, w.pos()) : st.phase(s.tasks, w.pos()), w.atLeast());
        } else {
            end = st.zone.copy();
        }
        if (end.isEmpty()) {
            throw new IllegalStateException("symbolic engine: the violating zone is empty when replayed");
        }
        long now = end.lower(g);
        end.equal(g, now);
        long[] instant = new long[group];
        for (int k = 0; k < group; k++) {
            int clock = g + 1 + k;
            long v = end.lower(clock);
            end.equal(clock, v);
            instant[k] = now - v;
        }
        if (end.isEmpty()) {
            throw new IllegalStateException("symbolic engine: no integer point in the violating zone");
        }
        long horizon = Math.addExact(now, 1);
        List<ScenarioJob> jobs = new ArrayList<>();
        for (JobTrack j : all) {
            long arrival = instant[j.arrival];
            long release = j.release >= 0 ? instant[j.release] : arrival + s.jitter[j.task];
            long exec;
            String exit;
            if (j.start >= 0) {
                exec = j.completion >= 0 ? instant[j.completion] - instant[j.start] - j.reload : j.hi - j.reload;
                exit = s.exitFor(j.task, exec);
            } else {
                DnnExit first = s.spec.tasks().get(j.task).dnn().exits().get(0);
                exit = first.name();
                exec = first.table().get(s.level[j.task]).wcet();
            }
            jobs.add(new ScenarioJob(s.name(j.task), j.index, arrival, release, exec, exit));
        }
        addForcedArrivals(jobs, count, all, instant, horizon);
        return new Concrete(new Scenario(jobs), horizon);
    }

    /** Periodic arrivals the path did not reach (they would happen at the last instant or later). */
    private void addForcedArrivals(List<ScenarioJob> jobs, int[] count, List<JobTrack> all, long[] instant,
            long horizon) {
        for (int i = 0; i < s.tasks; i++) {
            if (s.kind[i] == SymbolicSpec.ArrivalKind.SPORADIC) {
                continue;
            }
            long next;
            if (count[i] == 0) {
                next = s.kind[i] == SymbolicSpec.ArrivalKind.KNOWN_OFFSET ? s.offset[i] : s.period[i] - 1;
            } else {
                long last = 0;
                for (JobTrack j : all) {
                    if (j.task == i) {
                        last = instant[j.arrival];
                    }
                }
                next = last + s.period[i];
            }
            DnnExit first = s.spec.tasks().get(i).dnn().exits().get(0);
            long wcet = first.table().get(s.level[i]).wcet();
            for (int index = count[i]; next <= horizon; next += s.period[i], index++) {
                jobs.add(new ScenarioJob(s.name(i), index, next, next, wcet, first.name()));
            }
        }
    }
}
