package io.gangproof.scheduler;

import io.gangproof.scheduler.trace.Acquisition;
import io.gangproof.scheduler.trace.Deadlock;
import io.gangproof.scheduler.trace.JobRecord;
import io.gangproof.scheduler.trace.Occupancy;
import io.gangproof.scheduler.trace.Trace;
import io.gangproof.scheduler.trace.TraceEvent;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.SystemSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * The executable meaning of semantics §5-§6: a discrete-event, non-preemptive gang scheduler.
 * It only ever visits instants where something happens (a release or a finish); at each
 * instant it (1) finishes jobs and frees their TPUs, (2) makes released jobs pending,
 * (3) dispatches until nothing more can start, and for per-TPU protocols then looks for a
 * circular hold-and-wait. Given the same spec, scenario and horizon it always produces the
 * same trace.
 *
 * <p>The state is kept in flat arrays indexed by job so that simulation search can run
 * millions of jobs a second; the trace is assembled once at the end.
 */
public final class ReferenceScheduler {
    /** How much the trace records. */
    public enum Detail {
        /** Jobs, occupancy, events and deadlocks. */
        FULL,
        /** Jobs, occupancy and deadlocks, no event list: for searches that only measure. */
        NO_EVENTS
    }

    private static final long NEVER = Long.MAX_VALUE;

    private final ExecutableSpec x;
    private final Policy policy;
    private final long horizon;
    private final boolean recordEvents;
    private final int n;
    private final ScenarioJob[] job;
    private final int[] task;
    private final long[] arrival;
    private final long[] release;
    private final long[] deadline;
    private final long[] exec;
    private final long[] start;
    private final long[] end;
    private final long[] reloadPaid;
    private final int[] held;
    /**
     * The TPUs job j took, in order, are {@code acqTpu[acqOffset[j] .. acqOffset[j] + held[j])}:
     * one flat array for all jobs instead of one small array per job (fewer objects, better locality).
     */
    private final int[] acqOffset;
    private final int[] acqTpu;
    /** Per-TPU protocols only (else null): when each lock was taken, indexed like {@link #acqTpu}. Gang jobs take all TPUs at their start. */
    private final long[] acqTime;
    private final int[] byRelease;
    private final int[] holder;
    private final int[] lastDnn;
    private int freeCount;
    private final int[] pending;
    private int pendingSize;
    private final int[] running;
    private int runningSize;
    private final boolean[] inDeadlock;
    /** Per-TPU protocols: jobs that took a lock at the current instant and still wait. */
    private final int[] acquirers;
    private int acquirersSize;
    /** Visit marks of deadlock detection: a mark above the stamp at a search's start means "seen in this search". */
    private final int[] mark;
    private int stamp;
    private final List<TraceEvent> events = new ArrayList<>();
    private final List<Deadlock> deadlocks = new ArrayList<>();
    /** Per TPU, the jobs that took it, in order: occupancy comes out sorted without a sort. */
    private final int[][] tpuHistory;
    private final int[] tpuHistorySize;

    private ReferenceScheduler(ExecutableSpec x, Scenario scenario, long horizon, Detail detail) {
        this.x = x;
        this.policy = x.spec().scheduler().policy();
        this.horizon = horizon;
        this.recordEvents = detail == Detail.FULL;
        List<ScenarioJob> inHorizon = new ArrayList<>();
        for (ScenarioJob j : scenario.jobs()) {
            if (j.arrival() <= horizon) {
                inHorizon.add(j);
            }
        }
        n = inHorizon.size();
        job = inHorizon.toArray(new ScenarioJob[0]);
        task = new int[n];
        arrival = new long[n];
        release = new long[n];
        deadline = new long[n];
        exec = new long[n];
        start = new long[n];
        end = new long[n];
        reloadPaid = new long[n];
        held = new int[n];
        inDeadlock = new boolean[n];
        mark = new int[n];
        boolean perTpu = x.protocol.perTpu();
        acquirers = new int[perTpu ? n : 0];
        for (int i = 0; i < n; i++) {
            ScenarioJob j = job[i];
            task[i] = x.taskIndex(j.task());
            arrival[i] = j.arrival();
            release[i] = j.release();
            deadline[i] = Math.addExact(j.arrival(), x.relativeDeadline[task[i]]);
            exec[i] = j.executionTime();
            start[i] = NEVER;
            end[i] = NEVER;
        }
        byRelease = sortedByRelease();
        acqOffset = new int[n + 1];
        for (int i = 0; i < n; i++) {
            acqOffset[i + 1] = Math.addExact(acqOffset[i], x.level[task[i]]);
        }
        acqTpu = new int[acqOffset[n]];
        acqTime = x.protocol.perTpu() ? new long[acqOffset[n]] : null;
        holder = new int[x.tpuCount];
        Arrays.fill(holder, -1);
        lastDnn = new int[x.tpuCount];
        Arrays.fill(lastDnn, -1);
        freeCount = x.tpuCount;
        pending = new int[n];
        running = new int[x.tpuCount];
        tpuHistory = new int[x.tpuCount][16];
        tpuHistorySize = new int[x.tpuCount];
    }

    /**
     * Job indices by release time, ties in scenario order. A stable natural merge sort on
     * primitives: scenario jobs come grouped by task and each task's releases mostly ascend,
     * so there are few runs to merge.
     */
    private int[] sortedByRelease() {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        int[] runEnds = new int[n + 1];
        int runs = 0;
        for (int i = 1; i <= n; i++) {
            if (i == n || release[i] < release[i - 1]) {
                runEnds[runs++] = i;
            }
        }
        int[] b = new int[n];
        while (runs > 1) {
            int merged = 0;
            int lo = 0;
            for (int r = 0; r < runs; r += 2) {
                int mid = runEnds[r];
                int hi = r + 1 < runs ? runEnds[r + 1] : mid;
                int i = lo;
                int k = mid;
                int o = lo;
                while (i < mid && k < hi) {
                    b[o++] = release[a[k]] < release[a[i]] ? a[k++] : a[i++];
                }
                while (i < mid) {
                    b[o++] = a[i++];
                }
                while (k < hi) {
                    b[o++] = a[k++];
                }
                runEnds[merged++] = hi;
                lo = hi;
            }
            runs = merged;
            int[] swap = a;
            a = b;
            b = swap;
        }
        return a;
    }

    /** Runs the spec under the scenario over instants {@code 0..horizon}. */
    public static Trace run(SystemSpec spec, Scenario scenario, long horizon) {
        return run(ExecutableSpec.of(spec), scenario, horizon, Detail.FULL);
    }

    /**
     * Runs an already executable spec. Throws {@link IllegalArgumentException} when the
     * scenario is not a behaviour of the spec (see {@link ScenarioValidation}).
     */
    public static Trace run(ExecutableSpec spec, Scenario scenario, long horizon, Detail detail) {
        List<String> problems = ScenarioValidation.problems(spec, scenario, horizon);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the scenario is not a behaviour of spec " + spec.spec().name() + ": "
                    + String.join("; ", problems));
        }
        ReferenceScheduler s = new ReferenceScheduler(spec, scenario, horizon, detail);
        s.execute();
        return s.trace(scenario);
    }

    private void execute() {
        int nextRelease = 0;
        int[] finishing = new int[x.tpuCount];
        while (true) {
            long t = nextRelease < n ? release[byRelease[nextRelease]] : NEVER;
            for (int r = 0; r < runningSize; r++) {
                t = Math.min(t, end[running[r]]);
            }
            if (t == NEVER || t > horizon) {
                return;
            }
            // (1) finishes free their TPUs.
            int finished = 0;
            for (int r = 0; r < runningSize; ) {
                int j = running[r];
                if (end[j] == t) {
                    finishing[finished++] = j;
                    running[r] = running[--runningSize];
                } else {
                    r++;
                }
            }
            if (finished > 1) {
                sortByPending(finishing, finished);
            }
            for (int f = 0; f < finished; f++) {
                int j = finishing[f];
                for (int h = acqOffset[j]; h < acqOffset[j] + held[j]; h++) {
                    holder[acqTpu[h]] = -1;
                }
                freeCount += held[j];
                if (recordEvents) {
                    events.add(new TraceEvent(t, TraceEvent.Kind.FINISH, List.of(job[j].id()), tpusOf(j)));
                }
            }
            // (2) releases become pending.
            int firstReleased = nextRelease;
            while (nextRelease < n && release[byRelease[nextRelease]] == t) {
                insertPending(byRelease[nextRelease++]);
            }
            if (recordEvents && nextRelease > firstReleased) {
                int[] released = Arrays.copyOfRange(byRelease, firstReleased, nextRelease);
                sortByPending(released, released.length);
                for (int j : released) {
                    events.add(new TraceEvent(t, TraceEvent.Kind.RELEASE, List.of(job[j].id()), List.of()));
                }
            }
            // (3) dispatch until nothing more can start.
            if (x.protocol.perTpu()) {
                dispatchPerTpu(t);
                if (acquirersSize > 0) {
                    findDeadlocks(t);
                }
            } else {
                dispatchGang(t, x.protocol == Protocol.GANG_STRICT);
            }
        }
    }

    private void dispatchGang(long t, boolean strict) {
        boolean[] stopped = strict && x.strictQueues > 1 ? new boolean[x.strictQueues] : null;
        for (int p = 0; p < pendingSize && freeCount > 0; ) {
            int j = pending[p];
            if (stopped != null && stopped[x.strictQueue[task[j]]]) {
                p++;
                continue;
            }
            int k = x.level[task[j]];
            int[] fixed = x.tpus[task[j]];
            int off = acqOffset[j];
            boolean fits = false;
            if (fixed.length == 0) {
                if (freeCount >= k) {
                    // Global placement: the lowest-indexed free TPUs (TPUs are identical, so this is a convention).
                    int c = 0;
                    for (int tpu = 0; c < k; tpu++) {
                        if (holder[tpu] < 0) {
                            acqTpu[off + c++] = tpu;
                        }
                    }
                    fits = true;
                }
            } else if (allFree(fixed)) {
                System.arraycopy(fixed, 0, acqTpu, off, k);
                fits = true;
            }
            if (fits) {
                for (int h = off; h < off + k; h++) {
                    take(acqTpu[h], j);
                }
                freeCount -= k;
                held[j] = k;
                removePending(p);
                begin(j, t);
            } else if (strict && stopped == null) {
                return;
            } else if (strict) {
                // Partitioned: only this partition's queue stops; the others never interfere.
                stopped[x.strictQueue[task[j]]] = true;
                p++;
            } else {
                p++;
            }
        }
    }

    /**
     * The rule is "repeatedly, the first job in pending order whose next TPU is free takes
     * it". Dispatch only ever takes TPUs, never frees them, so a job whose next TPU is held
     * stays unable for the rest of the instant, and the job that just took a lock is still the
     * first able one. One pass in pending order, each job taking as many of its next locks as
     * are free, is therefore the same as restarting the scan after every acquisition (a test
     * checks this against a literal rescanning implementation).
     */
    private void dispatchPerTpu(long t) {
        acquirersSize = 0;
        for (int p = 0; p < pendingSize && freeCount > 0; ) {
            int j = pending[p];
            int[] order = x.lockOrder[task[j]];
            boolean took = false;
            boolean started = false;
            while (holder[order[held[j]]] < 0) {
                int tpu = order[held[j]];
                acqTpu[acqOffset[j] + held[j]] = tpu;
                acqTime[acqOffset[j] + held[j]] = t;
                held[j]++;
                take(tpu, j);
                freeCount--;
                took = true;
                if (recordEvents) {
                    events.add(new TraceEvent(t, TraceEvent.Kind.ACQUIRE, List.of(job[j].id()), List.of(tpu)));
                }
                if (held[j] == order.length) {
                    removePending(p);
                    begin(j, t);
                    started = true;
                    break;
                }
            }
            if (!started) {
                if (took) {
                    acquirers[acquirersSize++] = j;
                }
                p++;
            }
        }
    }

    private void begin(int j, long t) {
        int dnn = x.dnnIndex[task[j]];
        boolean reload = false;
        for (int h = acqOffset[j]; h < acqOffset[j] + held[j]; h++) {
            int tpu = acqTpu[h];
            if (lastDnn[tpu] != dnn) {
                reload = true;
            }
            lastDnn[tpu] = dnn;
        }
        reloadPaid[j] = reload ? x.reload[task[j]] : 0;
        start[j] = t;
        end[j] = Math.addExact(Math.addExact(t, reloadPaid[j]), exec[j]);
        running[runningSize++] = j;
        if (recordEvents) {
            events.add(new TraceEvent(t, TraceEvent.Kind.START, List.of(job[j].id()), tpusOf(j)));
        }
    }

    private void take(int tpu, int j) {
        holder[tpu] = j;
        if (tpuHistorySize[tpu] == tpuHistory[tpu].length) {
            tpuHistory[tpu] = Arrays.copyOf(tpuHistory[tpu], tpuHistory[tpu].length * 2);
        }
        tpuHistory[tpu][tpuHistorySize[tpu]++] = j;
    }

    private boolean allFree(int[] tpus) {
        for (int tpu : tpus) {
            if (holder[tpu] >= 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Each waiting job waits for exactly one TPU (its next lock), so the wait-for relation is
     * a function and every circular wait is a cycle of it. A job that holds nothing is never
     * waited for, so it cannot be on a cycle.
     */
    private void findDeadlocks(long t) {
        if (stamp > Integer.MAX_VALUE - n - 1) {
            Arrays.fill(mark, 0);
            stamp = 0;
        }
        int base = stamp;
        // A new circular wait must pass through a job that took a lock just now: only taking
        // a lock adds wait-for edges (from the taker, and to it from its new TPU's waiters).
        // Collected in pending order already.
        int before = deadlocks.size();
        for (int a = 0; a < acquirersSize; a++) {
            int first = acquirers[a];
            if (mark[first] > base || start[first] != NEVER) {
                continue;
            }
            int stamp = ++this.stamp;
            int j = first;
            while (j >= 0 && mark[j] <= base && start[j] == NEVER) {
                mark[j] = stamp;
                int w = holder[x.lockOrder[task[j]][held[j]]];
                j = (w >= 0 && start[w] == NEVER) ? w : -1;
            }
            if (j >= 0 && mark[j] == stamp && !inDeadlock[j]) {
                List<Integer> cycle = new ArrayList<>();
                int c = j;
                do {
                    cycle.add(c);
                    c = holder[x.lockOrder[task[c]][held[c]]];
                } while (c != j);
                cycle.sort(this::comparePending);
                List<String> ids = new ArrayList<>();
                List<Integer> tpus = new ArrayList<>();
                for (int c2 : cycle) {
                    inDeadlock[c2] = true;
                    ids.add(job[c2].id());
                    for (int h = 0; h < held[c2]; h++) {
                        tpus.add(acqTpu[acqOffset[c2] + h]);
                    }
                }
                tpus.sort(null);
                deadlocks.add(new Deadlock(t, ids, tpus));
            }
        }
        if (recordEvents) {
            for (int d = before; d < deadlocks.size(); d++) {
                Deadlock dl = deadlocks.get(d);
                events.add(new TraceEvent(t, TraceEvent.Kind.DEADLOCK, dl.jobs(), dl.tpus()));
            }
        }
    }

    /**
     * Pending order of semantics §6: fp by priority; edf by absolute deadline then priority;
     * fifo by arrival then priority; remaining ties by arrival, then task name.
     */
    private int comparePending(int a, int b) {
        int ta = task[a];
        int tb = task[b];
        int c = 0;
        if (policy == Policy.EDF) {
            c = Long.compare(deadline[a], deadline[b]);
        } else if (policy == Policy.FIFO) {
            c = Long.compare(arrival[a], arrival[b]);
        }
        if (c == 0) {
            c = Integer.compare(x.priority[ta], x.priority[tb]);
        }
        if (c == 0) {
            c = Long.compare(arrival[a], arrival[b]);
        }
        if (c == 0) {
            c = Integer.compare(x.nameRank[ta], x.nameRank[tb]);
        }
        return c;
    }

    private void insertPending(int j) {
        int lo = 0;
        int hi = pendingSize;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (comparePending(pending[mid], j) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        System.arraycopy(pending, lo, pending, lo + 1, pendingSize - lo);
        pending[lo] = j;
        pendingSize++;
    }

    private void removePending(int p) {
        System.arraycopy(pending, p + 1, pending, p, pendingSize - p - 1);
        pendingSize--;
    }

    private void sortByPending(int[] jobs, int count) {
        for (int i = 1; i < count; i++) {
            int v = jobs[i];
            int k = i - 1;
            while (k >= 0 && comparePending(jobs[k], v) > 0) {
                jobs[k + 1] = jobs[k];
                k--;
            }
            jobs[k + 1] = v;
        }
    }

    /** Most jobs hold one or two TPUs: build those lists without an intermediate array. */
    private List<Acquisition> acquisitionsOf(int j) {
        switch (held[j]) {
            case 0:
                return List.of();
            case 1:
                return List.of(acquisition(j, 0));
            case 2:
                return List.of(acquisition(j, 0), acquisition(j, 1));
            default:
                Acquisition[] a = new Acquisition[held[j]];
                for (int h = 0; h < a.length; h++) {
                    a[h] = acquisition(j, h);
                }
                return List.of(a);
        }
    }

    private Acquisition acquisition(int j, int h) {
        int at = acqOffset[j] + h;
        return new Acquisition(acqTpu[at], acqTime == null ? start[j] : acqTime[at]);
    }

    private List<Integer> tpusOf(int j) {
        Integer[] b = new Integer[held[j]];
        for (int h = 0; h < b.length; h++) {
            b[h] = acqTpu[acqOffset[j] + h];
        }
        return List.of(b);
    }

    private Trace trace(Scenario scenario) {
        JobRecord[] jobs = new JobRecord[n];
        String[] ids = new String[n];
        for (int j = 0; j < n; j++) {
            ScenarioJob sj = job[j];
            ids[j] = sj.id();
            List<Acquisition> acquisitions = acquisitionsOf(j);
            jobs[j] = new JobRecord(sj.task(), sj.index(), sj.arrival(), sj.release(), deadline[j], sj.executionTime(),
                    sj.exit(), start[j] == NEVER ? OptionalLong.empty() : OptionalLong.of(start[j]),
                    end[j] <= horizon ? OptionalLong.of(end[j]) : OptionalLong.empty(), reloadPaid[j],
                    acquisitions);
        }
        // Same intervals as Occupancy.of(jobs, horizon), produced in (TPU, time) order directly.
        int intervals = 0;
        for (int j = 0; j < n; j++) {
            // One interval per TPU held, plus one per lock held while waiting before the start.
            intervals += acqTime == null ? held[j] : 2 * held[j];
        }
        List<Occupancy> occupancy = new ArrayList<>(intervals);
        for (int tpu = 0; tpu < x.tpuCount; tpu++) {
            for (int i = 0; i < tpuHistorySize[tpu]; i++) {
                int j = tpuHistory[tpu][i];
                String id = ids[j];
                long from = 0;
                for (int h = 0; h < held[j]; h++) {
                    if (acqTpu[acqOffset[j] + h] == tpu) {
                        from = acqTime == null ? start[j] : acqTime[acqOffset[j] + h];
                    }
                }
                if (start[j] == NEVER) {
                    occupancy.add(new Occupancy(tpu, id, from, horizon, false, true));
                    continue;
                }
                if (from < start[j]) {
                    occupancy.add(new Occupancy(tpu, id, from, start[j], false, false));
                }
                boolean open = end[j] > horizon;
                occupancy.add(new Occupancy(tpu, id, start[j], open ? horizon : end[j], true, open));
            }
        }
        SystemSpec spec = x.spec();
        return new Trace(spec.name(), spec.scheduler().describe(), horizon, scenario, List.of(jobs), occupancy, events, deadlocks,
                List.of());
    }
}
