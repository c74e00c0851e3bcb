package io.gangproof.symbolic;

import java.util.ArrayList;
import java.util.List;

/**
 * The dispatch that closes an instant (semantics §5-§6, docs/symbolic.md §3): the same
 * placement, policy and protocol rules as the reference scheduler, on the discrete part
 * only, then one successor per choice of execution interval of the jobs started.
 */
final class Dispatcher {
    private final SymbolicSpec s;
    private final Transitions t;

    Dispatcher(SymbolicSpec s, Transitions t) {
        this.s = s;
        this.t = t;
    }

    /** The outcome of the scheduler's decisions at one instant. */
    private record Decision(Job[] jobs, int[] lastDnn, int[] started, long[] paid) {
    }

    List<Transitions.Successor> dispatches(SymbolicState st) {
        List<Transitions.Successor> out = new ArrayList<>();
        Decision d = decide(st);
        int[] choice = new int[d.started.length];
        while (true) {
            Transitions.Successor succ = build(st, d, choice);
            if (succ != null) {
                out.add(succ);
            }
            int k = 0;
            while (k < choice.length && ++choice[k] == s.intervals[d.jobs[d.started[k]].task()].length) {
                choice[k++] = 0;
            }
            if (k == choice.length) {
                return out;
            }
        }
    }

    Transitions.Successor dispatch(SymbolicState st, int[] choice) {
        return build(st, decide(st), choice);
    }

    private Decision decide(SymbolicState st) {
        Job[] jobs = st.jobs.clone();
        int[] last = st.lastDnn.clone();
        long busy = st.busy();
        long all = s.tpus == 64 ? -1L : (1L << s.tpus) - 1;
        List<Integer> started = new ArrayList<>();
        List<Long> paid = new ArrayList<>();
        if (s.perTpu) {
            for (int q = 0; q < jobs.length && busy != all; q++) {
                Job j = jobs[q];
                if (j.status() != Job.Status.WAITING) {
                    continue;
                }
                int[] order = s.lockOrder[j.task()];
                int h = Long.bitCount(j.held());
                long held = j.held();
                while (h < order.length && (busy & (1L << order[h])) == 0) {
                    held |= 1L << order[h];
                    busy |= 1L << order[h];
                    h++;
                }
                jobs[q] = j.withHeld(held);
                if (h == order.length) {
                    started.add(q);
                    paid.add(begin(jobs[q], last));
                }
            }
        } else {
            boolean[] stopped = new boolean[s.strictQueues];
            for (int q = 0; q < jobs.length && busy != all; q++) {
                Job j = jobs[q];
                int task = j.task();
                if (j.status() != Job.Status.WAITING || stopped[s.strictQueue[task]]) {
                    continue;
                }
                long take = 0;
                if (s.global) {
                    long free = ~busy & all;
                    if (Long.bitCount(free) >= s.level[task]) {
                        for (int c = 0; c < s.level[task]; c++) {
                            long low = Long.lowestOneBit(free);
                            take |= low;
                            free &= ~low;
                        }
                    }
                } else if ((s.eligible[task] & busy) == 0) {
                    take = s.eligible[task];
                }
                if (take != 0) {
                    busy |= take;
                    jobs[q] = j.withHeld(take);
                    started.add(q);
                    paid.add(begin(jobs[q], last));
                } else if (s.strict) {
                    stopped[s.strictQueue[task]] = true;
                }
            }
        }
        return new Decision(jobs, last, started.stream().mapToInt(Integer::intValue).toArray(),
                paid.stream().mapToLong(Long::longValue).toArray());
    }

    /** Updates the last DNN of the job's TPUs; returns the reload it pays. */
    private long begin(Job j, int[] last) {
        if (!s.anyReload) {
            return 0;
        }
        int dnn = s.dnn[j.task()];
        boolean reload = false;
        for (long h = j.held(); h != 0; h &= h - 1) {
            int tpu = Long.numberOfTrailingZeros(h);
            reload |= last[tpu] != dnn;
            last[tpu] = dnn;
        }
        return reload ? s.reload[j.task()] : 0;
    }

    private Transitions.Successor build(SymbolicState st, Decision d, int[] choice) {
        Dbm zone = st.zone.copy();
        t.closureGuard(st, zone);
        if (zone.isEmpty()) {
            return null;
        }
        Job[] jobs = d.jobs.clone();
        for (int k = 0; k < d.started.length; k++) {
            int q = d.started[k];
            long[] iv = s.intervals[jobs[q].task()][choice[k]];
            jobs[q] = jobs[q].started(Math.addExact(iv[0], d.paid[k]), Math.addExact(iv[1], d.paid[k]), d.paid[k]);
            zone.reset(st.phase(s.tasks, q));
        }
        zone.reset(SymbolicState.Z);
        long stopwatch = 0;
        for (int q = 0; q < jobs.length; q++) {
            if (jobs[q].status() != Job.Status.WAITING) {
                continue;
            }
            int task = jobs[q].task();
            int overtaken = 0;
            for (int l : d.started) {
                if ((jobs[l].held() & s.eligible[task]) != 0 && t.lower(jobs, q, l)) {
                    overtaken++;
                }
            }
            if (overtaken > 0) {
                int cap = overtakeCap(task);
                if (cap > 0) {
                    jobs[q] = jobs[q].withOvertakes((int) Math.min(cap, (long) jobs[q].overtakes() + overtaken));
                }
                if (t.tracksInversion(task)) {
                    stopwatch |= 1L << task;
                }
            }
        }
        SymbolicState next = new SymbolicState(st.arrived, jobs, d.lastDnn, true, -1, zone, st.extras);
        return new Transitions.Successor(new Step.Dispatch(choice.clone()), next, -1, 0, stopwatch,
                s.perTpu && deadlocked(jobs));
    }

    /** One more than the largest overtakes bound on the task, or 0 when none is checked. */
    int overtakeCap(int task) {
        long cap = 0;
        for (SymbolicSpec.Prop p : s.props) {
            if (p.check() == SymbolicSpec.Check.OVERTAKES && p.task() == task) {
                cap = Math.max(cap, p.bound() + 1);
            }
        }
        return (int) Math.min(cap, Integer.MAX_VALUE);
    }

    /** A circular hold-and-wait among jobs that hold locks and have not started (as the reference scheduler finds it). */
    private boolean deadlocked(Job[] jobs) {
        int n = jobs.length;
        int[] next = new int[n];
        for (int q = 0; q < n; q++) {
            next[q] = -1;
            Job j = jobs[q];
            if (j.status() != Job.Status.WAITING || j.held() == 0) {
                continue;
            }
            long want = 1L << s.lockOrder[j.task()][Long.bitCount(j.held())];
            for (int h = 0; h < n; h++) {
                if ((jobs[h].held() & want) != 0 && jobs[h].status() == Job.Status.WAITING) {
                    next[q] = h;
                }
            }
        }
        for (int q = 0; q < n; q++) {
            int j = q;
            for (int step = 0; step <= n && j >= 0; step++) {
                j = next[j];
                if (j == q) {
                    return true;
                }
            }
        }
        return false;
    }
}
