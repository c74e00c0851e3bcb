package io.gangproof.symbolic;

import io.gangproof.spec.Policy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The transitions of the zone graph (docs/symbolic.md §3, §4): events (completion, arrival,
 * release) in their canonical same-instant order, and the dispatch that closes an instant.
 * Every step is computed by one method used both by the search and by the replay of a path.
 */
final class Transitions {
    /** A successor with what the search observes on the way. */
    record Successor(Step step, SymbolicState state, int responseTask, long response, long stopwatchTasks,
            boolean deadlock) {
    }

    private final SymbolicSpec s;
    private final Events events;
    private final Dispatcher dispatcher;

    Transitions(SymbolicSpec s) {
        this.s = s;
        this.events = new Events(s, this);
        this.dispatcher = new Dispatcher(s, this);
    }

    SymbolicState initial() {
        Dbm zone = Dbm.zero(1 + s.tasks);
        zone.free(SymbolicState.Z);
        zone.equal(SymbolicState.Z, 1);
        int[] last = new int[s.anyReload ? s.tpus : 0];
        Arrays.fill(last, -1);
        return new SymbolicState(new boolean[s.tasks], new Job[0], last, false, -1, zone, 0);
    }

    /** The zone events are taken from: the state's own, or every instant time may reach from it. */
    Dbm source(SymbolicState st) {
        return st.settled ? delayed(st) : st.zone.copy();
    }

    Dbm delayed(SymbolicState st) {
        Dbm d = st.zone.copy();
        d.up();
        invariants(st, d);
        return d;
    }

    private void invariants(SymbolicState st, Dbm d) {
        for (int i = 0; i < s.tasks; i++) {
            int c = SymbolicState.taskClock(i);
            if (!st.arrived[i]) {
                if (s.kind[i] == SymbolicSpec.ArrivalKind.KNOWN_OFFSET) {
                    d.atMost(c, s.offset[i]);
                } else if (s.kind[i] == SymbolicSpec.ArrivalKind.UNKNOWN_OFFSET) {
                    d.atMost(c, s.period[i] - 1);
                }
            } else if (s.kind[i] != SymbolicSpec.ArrivalKind.SPORADIC) {
                d.atMost(c, s.period[i]);
            }
        }
        for (int q = 0; q < st.jobs.length; q++) {
            Job j = st.jobs[q];
            if (j.status() == Job.Status.RUNNING) {
                d.atMost(st.phase(s.tasks, q), j.hi());
            } else if (j.status() == Job.Status.ARRIVED) {
                d.atMost(st.age(s.tasks, q), s.jitter[j.task()]);
            }
        }
    }

    /** No event of the instant is forced any more (docs/symbolic.md §3): the dispatch may run. */
    void closureGuard(SymbolicState st, Dbm d) {
        for (int i = 0; i < s.tasks; i++) {
            int c = SymbolicState.taskClock(i);
            if (!st.arrived[i]) {
                if (s.kind[i] == SymbolicSpec.ArrivalKind.KNOWN_OFFSET) {
                    d.atMost(c, s.offset[i] - 1);
                } else if (s.kind[i] == SymbolicSpec.ArrivalKind.UNKNOWN_OFFSET) {
                    d.atMost(c, s.period[i] - 2);
                }
            } else if (s.kind[i] != SymbolicSpec.ArrivalKind.SPORADIC) {
                d.atMost(c, s.period[i] - 1);
            }
        }
        for (int q = 0; q < st.jobs.length; q++) {
            Job j = st.jobs[q];
            if (j.status() == Job.Status.RUNNING) {
                d.atMost(st.phase(s.tasks, q), j.hi() - 1);
            } else if (j.status() == Job.Status.ARRIVED) {
                d.atMost(st.age(s.tasks, q), s.jitter[j.task()] - 1);
            }
        }
    }

    /** Every successor of {@code st}. */
    List<Successor> successors(SymbolicState st) {
        List<Successor> out = new ArrayList<>();
        Dbm src = source(st);
        if (src.isEmpty()) {
            return out;
        }
        int last = st.settled ? -1 : st.lastKey;
        for (int q = 0; q < st.jobs.length; q++) {
            Job j = st.jobs[q];
            if (j.status() == Job.Status.RUNNING && completionKey(j) > last) {
                add(out, events.complete(st, src, q));
            }
        }
        for (int i = 0; i < s.tasks; i++) {
            if (arrivalKey(i) > last) {
                for (int pos = 0; pos <= st.jobs.length; pos++) {
                    boolean edf = s.policy == Policy.EDF;
                    for (int tp = 0; tp < (edf && pos > 0 ? 2 : 1); tp++) {
                        for (int tn = 0; tn < (edf && pos < st.jobs.length ? 2 : 1); tn++) {
                            add(out, events.arrive(st, src, new Step.Arrive(i, pos, tp == 1, tn == 1)));
                        }
                    }
                }
            }
        }
        for (int q = 0; q < st.jobs.length; q++) {
            Job j = st.jobs[q];
            if (j.status() == Job.Status.ARRIVED && releaseKey(j.task()) >= last) {
                add(out, events.release(st, src, q));
            }
        }
        if (!st.settled) {
            out.addAll(dispatcher.dispatches(st));
        }
        return out;
    }

    /** The successor of {@code st} by {@code step} (null when the step is not possible). */
    Successor apply(SymbolicState st, Step step) {
        Dbm src = source(st);
        if (step instanceof Step.Complete c) {
            return events.complete(st, src, c.pos());
        }
        if (step instanceof Step.Arrive a) {
            return events.arrive(st, src, a);
        }
        if (step instanceof Step.Release r) {
            return events.release(st, src, r.pos());
        }
        return dispatcher.dispatch(st, ((Step.Dispatch) step).choice());
    }

    private static void add(List<Successor> out, Successor s) {
        if (s != null) {
            out.add(s);
        }
    }

    static int completionKey(Job j) {
        return j.lowestTpu();
    }

    static int arrivalKey(int task) {
        return 64 + task;
    }

    int releaseKey(int task) {
        return 64 + s.tasks + task;
    }

    /** Whether the job at {@code l} has lower priority than the one at {@code q} (semantics §7). */
    boolean lower(Job[] jobs, int q, int l) {
        if (s.policy == Policy.EDF) {
            if (l < q) {
                return false;
            }
            for (int k = q + 1; k <= l; k++) {
                if (!jobs[k].tie()) {
                    return true;
                }
            }
            return false;
        }
        return s.priority[jobs[l].task()] > s.priority[jobs[q].task()];
    }

    /** Whether the waiting job at {@code q} suffers inversion now: a lower-priority job runs on an eligible TPU. */
    boolean suffers(Job[] jobs, int q) {
        long eligible = s.eligible[jobs[q].task()];
        for (int l = 0; l < jobs.length; l++) {
            if (jobs[l].status() == Job.Status.RUNNING && (jobs[l].held() & eligible) != 0 && lower(jobs, q, l)) {
                return true;
            }
        }
        return false;
    }

    /** Whether some inversion property concerns the task. */
    boolean tracksInversion(int task) {
        for (SymbolicSpec.Prop p : s.props) {
            if (p.check() == SymbolicSpec.Check.INVERSION && p.task() == task) {
                return true;
            }
        }
        return false;
    }

    /** Jobs that stopped suffering inversion forget their inversion clock. */
    void endInversions(Job[] jobs, Dbm zone, int base) {
        for (int q = 0; q < jobs.length; q++) {
            if (jobs[q].inverting() && (jobs[q].status() != Job.Status.WAITING || !suffers(jobs, q))) {
                jobs[q] = jobs[q].withInverting(false);
                if (jobs[q].status() != Job.Status.RUNNING) {
                    zone.free(base + 2 * q + 1);
                }
            }
        }
    }
}
