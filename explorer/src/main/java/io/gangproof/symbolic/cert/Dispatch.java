package io.gangproof.symbolic.cert;

import io.gangproof.symbolic.cert.ZoneGraphFile.Job;
import io.gangproof.symbolic.cert.ZoneGraphFile.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The certificate checker's own dispatch (semantics §5-§7, docs/symbolic.md §3): once no
 * event of the instant is forced any more, the placement, policy and protocol decide from the
 * discrete part which waiting jobs take TPUs and start, then one successor per choice of
 * execution interval of every job started; the waiting jobs count the overtakes of §7 and a
 * per-TPU protocol may leave a circular hold-and-wait.
 */
final class Dispatch {
    private final CheckedModel m;
    private final int[] cap;

    Dispatch(CheckedModel m, int[] cap) {
        this.m = m;
        this.cap = cap;
    }

    void all(ZoneGraphFile.State s, Map<String, OneStep.Successor> out) {
        Zone z = s.zone().copy();
        forcedEventsDone(s, z);
        if (z.close().empty()) {
            return;
        }
        List<Job> jobs = new ArrayList<>(s.jobs());
        int[] last = s.lastDnn().clone();
        List<Integer> started = new ArrayList<>();
        List<Long> paid = new ArrayList<>();
        decide(jobs, last, started, paid);
        int[] choice = new int[started.size()];
        while (true) {
            StringBuilder label = new StringBuilder("dispatch");
            List<Job> after = new ArrayList<>(jobs);
            Zone next = z.copy();
            for (int k = 0; k < choice.length; k++) {
                label.append(' ').append(choice[k]);
                int q = started.get(k);
                Job j = after.get(q);
                long[] iv = m.execution[j.task()][choice[k]];
                long r = paid.get(k);
                after.set(q, new Job(j.task(), Status.RUNNING, j.held(), Math.addExact(iv[0], r),
                        Math.addExact(iv[1], r), r, false, j.overtakes(), j.tie()));
                next.reset(m.phase(q));
            }
            next.reset(m.z());
            long stopwatch = countOvertakes(after, started);
            OneStep.Node n = new OneStep.Node(true, -1, s.arrived(), last, List.copyOf(after), next);
            out.put(label.toString(), new OneStep.Successor(n, m.perTpu && circularWait(after), stopwatch));
            int k = 0;
            while (k < choice.length && ++choice[k] == m.execution[jobs.get(started.get(k)).task()].length) {
                choice[k++] = 0;
            }
            if (k == choice.length) {
                return;
            }
        }
    }

    /** The dispatch closes the instant only after every forced completion, arrival and release. */
    private void forcedEventsDone(ZoneGraphFile.State s, Zone z) {
        for (int i = 0; i < m.tasks; i++) {
            int c = m.taskClock(i);
            if (!s.arrived()[i]) {
                if (m.known[i]) {
                    z.atMost(c, m.offset[i] - 1);
                } else if (!m.sporadic[i]) {
                    z.atMost(c, m.period[i] - 2);
                }
            } else if (!m.sporadic[i]) {
                z.atMost(c, m.period[i] - 1);
            }
        }
        for (int q = 0; q < s.jobs().size(); q++) {
            Job j = s.jobs().get(q);
            if (j.status() == Status.RUNNING) {
                z.atMost(m.phase(q), j.hi() - 1);
            } else if (j.status() == Status.ARRIVED) {
                z.atMost(m.age(q), m.jitter[j.task()] - 1);
            }
        }
    }

    /** Scans the waiting jobs in pending order (semantics §6); fills the jobs started and the reload each pays. */
    private void decide(List<Job> jobs, int[] last, List<Integer> started, List<Long> paid) {
        long all = m.tpus == 64 ? -1L : (1L << m.tpus) - 1;
        long busy = 0;
        for (Job j : jobs) {
            busy |= j.held();
        }
        boolean[] stopped = new boolean[m.queues];
        for (int q = 0; q < jobs.size() && busy != all; q++) {
            Job j = jobs.get(q);
            if (j.status() != Status.WAITING || (!m.perTpu && m.strict && stopped[m.queue[j.task()]])) {
                continue;
            }
            long held = j.held();
            boolean complete;
            if (m.perTpu) {
                // Repeatedly the first job whose next lock is free takes it: one pass in pending order does the same.
                int[] order = m.lockOrder[j.task()];
                int h = Long.bitCount(held);
                while (h < order.length && (busy & (1L << order[h])) == 0) {
                    held |= 1L << order[h];
                    busy |= 1L << order[h];
                    h++;
                }
                complete = h == order.length;
            } else {
                long want = m.global ? lowestFree(~busy & all, m.level[j.task()]) : tpus(m.fixed[j.task()]);
                complete = want != 0 && (want & busy) == 0;
                if (complete) {
                    held = want;
                    busy |= want;
                } else if (m.strict) {
                    stopped[m.queue[j.task()]] = true;
                }
            }
            jobs.set(q, new Job(j.task(), j.status(), held, j.lo(), j.hi(), j.reload(), j.inverting(), j.overtakes(),
                    j.tie()));
            if (complete) {
                started.add(q);
                paid.add(reloadPaid(j.task(), held, last));
            }
        }
    }

    private static long lowestFree(long free, int k) {
        if (Long.bitCount(free) < k) {
            return 0;
        }
        long take = 0;
        for (int c = 0; c < k; c++) {
            take |= Long.lowestOneBit(free & ~take);
        }
        return take;
    }

    private static long tpus(int[] list) {
        long b = 0;
        for (int t : list) {
            b |= 1L << t;
        }
        return b;
    }

    /** A job reloads when some TPU it starts on last ran another DNN (or none); its TPUs now remember its DNN. */
    private long reloadPaid(int task, long held, int[] last) {
        if (!m.reloads) {
            return 0;
        }
        boolean reload = false;
        for (long h = held; h != 0; h &= h - 1) {
            int tpu = Long.numberOfTrailingZeros(h);
            reload |= last[tpu] != m.dnn[task];
            last[tpu] = m.dnn[task];
        }
        return reload ? m.reload[task] : 0;
    }

    /**
     * Semantics §7: every waiting job counts the lower-priority jobs that just started on one of
     * its eligible TPUs. Returns the tasks with an inversion property whose waiting job saw such a
     * start: their inversion time would need a stopwatch (docs/symbolic.md §7).
     */
    private long countOvertakes(List<Job> jobs, List<Integer> started) {
        long stopwatch = 0;
        for (int q = 0; q < jobs.size(); q++) {
            Job j = jobs.get(q);
            if (j.status() != Status.WAITING) {
                continue;
            }
            long count = 0;
            for (int l : started) {
                if ((jobs.get(l).held() & m.eligible[j.task()]) != 0 && m.lower(jobs, q, l)) {
                    count++;
                }
            }
            if (count > 0 && m.tracksInversion[j.task()]) {
                stopwatch |= 1L << j.task();
            }
            if (count > 0 && cap[j.task()] > 0) {
                jobs.set(q, new Job(j.task(), j.status(), j.held(), j.lo(), j.hi(), j.reload(), j.inverting(),
                        (int) Math.min(cap[j.task()], j.overtakes() + count), j.tie()));
            }
        }
        return stopwatch;
    }

    /** A set of waiting jobs each holding a lock and waiting for the next one of its order, held by another. */
    private boolean circularWait(List<Job> jobs) {
        int n = jobs.size();
        int[] waitsFor = new int[n];
        for (int q = 0; q < n; q++) {
            waitsFor[q] = -1;
            Job j = jobs.get(q);
            if (j.status() != Status.WAITING || j.held() == 0) {
                continue;
            }
            long next = 1L << m.lockOrder[j.task()][Long.bitCount(j.held())];
            for (int h = 0; h < n; h++) {
                if (h != q && (jobs.get(h).held() & next) != 0 && jobs.get(h).status() == Status.WAITING) {
                    waitsFor[q] = h;
                }
            }
        }
        for (int q = 0; q < n; q++) {
            int j = waitsFor[q];
            for (int step = 0; step < n && j >= 0; step++) {
                if (j == q) {
                    return true;
                }
                j = waitsFor[j];
            }
        }
        return false;
    }
}
