package io.gangproof.smt.search;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Expr;
import com.microsoft.z3.IntExpr;
import com.microsoft.z3.IntSort;
import com.microsoft.z3.Model;
import io.gangproof.scheduler.ExecutableSpec;
import io.gangproof.scheduler.Scenario;
import io.gangproof.scheduler.ScenarioJob;
import io.gangproof.spec.Arrival;
import io.gangproof.spec.DnnExit;
import io.gangproof.spec.Latency;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Property;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * Every behaviour of a spec over instants {@code 0..H} as quantifier-free linear integer
 * constraints over job-level variables (docs/smt.md, "Bounded violation search").
 *
 * <p>Each task gets as many job slots as it can have arrivals by {@code H}. A slot has an
 * existence flag, an arrival, a release, an execution time (in the union of its exits'
 * intervals), a start {@code s} ({@code H + 1} when it does not start by {@code H}), the TPUs
 * it takes and, when some DNN has a reload time, whether it reloads. These are the
 * environment's choices (semantics §9) and their consequences. The scheduler's decisions are
 * deterministic (§5–§6): per instant {@code t} a Boolean "starts at t" (gang protocols) or
 * "holds its q-th lock after t" (per-TPU protocols) is defined by an equation that mirrors one
 * dispatch pass in pending order, so for given environment choices exactly one assignment of
 * the scheduler's variables satisfies the constraints: the one the reference scheduler
 * computes. The pending order is a strict total order on jobs, which makes these equations,
 * circular as they look (a job's start depends on the starts of the jobs before it), well
 * founded.
 */
final class ScheduleEncoding {
    /** One job slot. Instants run {@code 0..H}; arrays are indexed by instant. */
    static final class Job {
        final int task;
        final int index;
        final long earliestArrival;
        BoolExpr exists;
        IntExpr arrival;
        IntExpr release;
        IntExpr exec;
        IntExpr start;
        ArithExpr<IntSort> hold;
        ArithExpr<IntSort> deadline;
        /** Gang protocols: starts exactly at t. Per-TPU protocols: derived from the locks. */
        BoolExpr[] startsAt;
        /** Started at an instant {@code <= t}. */
        BoolExpr[] startedBy;
        /** Per TPU: whether the job's TPUs include it (constants unless placement is global). */
        BoolExpr[] uses;
        /** Per-TPU protocols: {@code holds[q][t]}: holds lock positions 0..q after dispatch at t. */
        BoolExpr[][] holds;

        Job(int task, int index, long earliestArrival) {
            this.task = task;
            this.index = index;
            this.earliestArrival = earliestArrival;
        }
    }

    private final Context ctx;
    private final ExecutableSpec x;
    private final SystemSpec spec;
    private final long horizon;
    private final int m;
    private final boolean perTpu;
    private final boolean reloads;
    private final List<Job> jobs = new ArrayList<>();
    private final List<BoolExpr> constraints = new ArrayList<>();
    /** {@code before[k][j]}: job k precedes job j in pending order. */
    private BoolExpr[][] before;
    /** TPU {@code p} is free at instant t after finishes, before dispatch. */
    private BoolExpr[][] free;
    private final BoolExpr tt;
    private final BoolExpr ff;

    ScheduleEncoding(Context ctx, SystemSpec spec, long horizon) {
        this.ctx = ctx;
        this.spec = spec;
        this.x = ExecutableSpec.of(spec);
        this.horizon = horizon;
        this.m = x.tpuCount();
        this.perTpu = x.protocol().perTpu();
        boolean anyReload = false;
        for (int i = 0; i < x.taskCount(); i++) {
            anyReload |= x.reload(i) > 0;
        }
        this.reloads = anyReload;
        this.tt = ctx.mkTrue();
        this.ff = ctx.mkFalse();
        if (horizon < 0 || horizon > Integer.MAX_VALUE - 2) {
            throw new IllegalArgumentException("horizon " + horizon + " out of range");
        }
        declareJobs();
        order();
        dispatch();
    }

    /** The number of job slots times the number of instants: the size of the encoding. */
    static long size(SystemSpec spec, long horizon) {
        long slots = 0;
        for (Task t : spec.tasks()) {
            slots = Math.addExact(slots, slots(t.arrival(), horizon));
        }
        return Math.multiplyExact(slots, horizon + 1);
    }

    private static long slots(Arrival a, long horizon) {
        if (a instanceof Arrival.Periodic p) {
            return p.offset() > horizon ? 0 : (horizon - p.offset()) / p.period() + 1;
        }
        return horizon / a.period() + 1;
    }

    List<BoolExpr> constraints() {
        return constraints;
    }

    List<Job> jobs() {
        return jobs;
    }

    long horizon() {
        return horizon;
    }

    // ------------------------------------------------------------------ environment

    private void declareJobs() {
        for (int i = 0; i < x.taskCount(); i++) {
            Task t = x.task(i);
            Arrival arrival = t.arrival();
            long n = slots(arrival, horizon);
            IntExpr offset = null;
            if (arrival instanceof Arrival.PeriodicAnyOffset) {
                offset = ctx.mkIntConst(t.name() + "!offset");
                constraints.add(ctx.mkAnd(ctx.mkGe(offset, ctx.mkInt(0)), ctx.mkLt(offset, ctx.mkInt(arrival.period()))));
            }
            Job previous = null;
            for (int k = 0; k < n; k++) {
                long earliest = arrival instanceof Arrival.Periodic p ? p.offset() + k * p.period() : k * arrival.period();
                Job j = new Job(i, k, earliest);
                String id = t.name() + "#" + k;
                j.arrival = ctx.mkIntConst(id + "!arrival");
                j.exists = ctx.mkBoolConst(id + "!exists");
                constraints.add(ctx.mkEq(j.exists, ctx.mkLe(j.arrival, ctx.mkInt(horizon))));
                if (arrival instanceof Arrival.Periodic p) {
                    constraints.add(ctx.mkEq(j.arrival, ctx.mkInt(earliest)));
                } else if (arrival instanceof Arrival.PeriodicAnyOffset) {
                    constraints.add(ctx.mkEq(j.arrival, ctx.mkAdd(offset, ctx.mkInt(k * arrival.period()))));
                } else {
                    constraints.add(ctx.mkGe(j.arrival, ctx.mkInt(0)));
                    if (previous != null) {
                        constraints.add(ctx.mkGe(j.arrival, ctx.mkAdd(previous.arrival, ctx.mkInt(arrival.period()))));
                    }
                }
                j.release = ctx.mkIntConst(id + "!release");
                constraints.add(ctx.mkLe(j.arrival, j.release));
                constraints.add(ctx.mkLe(j.release, ctx.mkAdd(j.arrival, ctx.mkInt(t.jitter()))));
                j.exec = ctx.mkIntConst(id + "!exec");
                List<BoolExpr> inExit = new ArrayList<>();
                for (DnnExit e : t.dnn().exits()) {
                    Latency l = e.table().get(x.level(i));
                    inExit.add(ctx.mkAnd(ctx.mkLe(ctx.mkInt(l.bcet()), j.exec), ctx.mkLe(j.exec, ctx.mkInt(l.wcet()))));
                }
                constraints.add(ctx.mkOr(inExit.toArray(new BoolExpr[0])));
                j.deadline = ctx.mkAdd(j.arrival, ctx.mkInt(t.deadline()));
                jobs.add(j);
                previous = j;
            }
        }
    }

    // ------------------------------------------------------------------ pending order

    private void order() {
        int n = jobs.size();
        before = new BoolExpr[n][n];
        Policy policy = spec.scheduler().policy();
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                if (a == b) {
                    before[a][b] = ff;
                    continue;
                }
                Job k = jobs.get(a);
                Job j = jobs.get(b);
                if (k.task == j.task) {
                    // Same priority, arrivals (and deadlines) increase with the index.
                    before[a][b] = ctx.mkBool(k.index < j.index);
                    continue;
                }
                int pk = x.task(k.task).priority();
                int pj = x.task(j.task).priority();
                BoolExpr tie = pk != pj ? ctx.mkBool(pk < pj)
                        : ctx.mkOr(ctx.mkLt(k.arrival, j.arrival), ctx.mkAnd(ctx.mkEq(k.arrival, j.arrival),
                                ctx.mkBool(x.nameRank(k.task) < x.nameRank(j.task))));
                if (policy == Policy.EDF) {
                    before[a][b] = ctx.mkOr(ctx.mkLt(k.deadline, j.deadline), ctx.mkAnd(ctx.mkEq(k.deadline, j.deadline), tie));
                } else if (policy == Policy.FIFO) {
                    before[a][b] = ctx.mkOr(ctx.mkLt(k.arrival, j.arrival), ctx.mkAnd(ctx.mkEq(k.arrival, j.arrival), tie));
                } else {
                    before[a][b] = tie;
                }
            }
        }
    }

    // ------------------------------------------------------------------ the dispatcher

    private BoolExpr startedBefore(Job j, long t) {
        return t == 0 ? ff : j.startedBy[(int) t - 1];
    }

    /** Released and not started before t (a per-TPU job may hold some locks). */
    private BoolExpr pending(Job j, long t) {
        if (t < j.earliestArrival) {
            return ff;
        }
        return ctx.mkAnd(j.exists, ctx.mkLe(j.release, ctx.mkInt(t)), ctx.mkNot(startedBefore(j, t)));
    }

    /** Started before t and not finished by t: holds its TPUs at t after the finishes of t. */
    private BoolExpr running(Job j, long t) {
        return ctx.mkAnd(startedBefore(j, t), ctx.mkGt(ctx.mkAdd(j.start, j.hold), ctx.mkInt(t)));
    }

    private boolean mayUse(Job j, int p) {
        int[] bound = x.boundTpus(j.task);
        if (bound.length == 0) {
            return true;
        }
        for (int b : bound) {
            if (b == p) {
                return true;
            }
        }
        return false;
    }

    private int lockPosition(Job j, int p) {
        int[] order = x.lockOrder(j.task);
        for (int q = 0; q < order.length; q++) {
            if (order[q] == p) {
                return q;
            }
        }
        return -1;
    }

    private void dispatch() {
        int n = jobs.size();
        int h = (int) horizon;
        for (Job j : jobs) {
            String id = x.task(j.task).name() + "#" + j.index;
            j.start = ctx.mkIntConst(id + "!start");
            j.startsAt = new BoolExpr[h + 1];
            j.startedBy = new BoolExpr[h + 1];
            for (int t = 0; t <= h; t++) {
                j.startsAt[t] = t < j.earliestArrival ? ff : ctx.mkBoolConst(id + "!starts@" + t);
                j.startedBy[t] = t < j.earliestArrival ? ff : ctx.mkBoolConst(id + "!started@" + t);
                if (t >= j.earliestArrival) {
                    constraints.add(ctx.mkEq(j.startedBy[t], ctx.mkOr(startedBefore(j, t), j.startsAt[t])));
                    constraints.add(ctx.mkImplies(j.startsAt[t], ctx.mkEq(j.start, ctx.mkInt(t))));
                }
            }
            constraints.add(ctx.mkImplies(ctx.mkNot(j.startedBy[h]), ctx.mkEq(j.start, ctx.mkInt(horizon + 1))));
            j.uses = new BoolExpr[m];
            int[] bound = x.boundTpus(j.task);
            for (int p = 0; p < m; p++) {
                j.uses[p] = bound.length == 0 ? ctx.mkBoolConst(id + "!uses" + p) : ctx.mkBool(mayUse(j, p));
                if (bound.length == 0) {
                    constraints.add(ctx.mkImplies(ctx.mkNot(j.startedBy[h]), ctx.mkNot(j.uses[p])));
                }
            }
            if (perTpu) {
                int k = x.level(j.task);
                j.holds = new BoolExpr[k][h + 1];
                for (int q = 0; q < k; q++) {
                    for (int t = 0; t <= h; t++) {
                        j.holds[q][t] = t < j.earliestArrival ? ff : ctx.mkBoolConst(id + "!lock" + q + "@" + t);
                    }
                }
            }
        }
        ArithExpr<IntSort>[][] lastDnn = reloads ? declareLastDnn(h) : null;
        for (Job j : jobs) {
            long reload = x.reload(j.task);
            if (reload == 0) {
                j.hold = j.exec;
            } else {
                BoolExpr reloads = ctx.mkBoolConst(x.task(j.task).name() + "#" + j.index + "!reloads");
                j.hold = ctx.mkAdd(j.exec, (ArithExpr<IntSort>) ctx.mkITE(reloads, ctx.mkInt(reload), ctx.mkInt(0)));
                for (int t = (int) j.earliestArrival; t <= h; t++) {
                    List<BoolExpr> stale = new ArrayList<>();
                    for (int p = 0; p < m; p++) {
                        if (mayUse(j, p)) {
                            ArithExpr<IntSort> last = t == 0 ? ctx.mkInt(-1) : lastDnn[p][t - 1];
                            stale.add(ctx.mkAnd(j.uses[p], ctx.mkNot(ctx.mkEq(last, ctx.mkInt(x.dnnIndex(j.task))))));
                        }
                    }
                    constraints.add(ctx.mkImplies(j.startsAt[t], ctx.mkEq(reloads, ctx.mkOr(stale.toArray(new BoolExpr[0])))));
                }
            }
        }
        free = new BoolExpr[m][h + 1];
        for (int t = 0; t <= h; t++) {
            for (int p = 0; p < m; p++) {
                List<BoolExpr> held = new ArrayList<>();
                for (Job j : jobs) {
                    if (!mayUse(j, p) || t <= j.earliestArrival) {
                        continue;
                    }
                    if (perTpu) {
                        int q = lockPosition(j, p);
                        BoolExpr finished = ctx.mkAnd(startedBefore(j, t),
                                ctx.mkLe(ctx.mkAdd(j.start, j.hold), ctx.mkInt(t)));
                        held.add(ctx.mkAnd(j.holds[q][t - 1], ctx.mkNot(finished)));
                    } else {
                        held.add(ctx.mkAnd(j.uses[p], running(j, t)));
                    }
                }
                free[p][t] = ctx.mkNot(ctx.mkOr(held.toArray(new BoolExpr[0])));
            }
            for (int b = 0; b < n; b++) {
                Job j = jobs.get(b);
                if (t < j.earliestArrival) {
                    continue;
                }
                if (perTpu) {
                    dispatchLocks(j, b, t);
                } else {
                    dispatchGang(j, b, t);
                }
            }
        }
        if (perTpu) {
            for (Job j : jobs) {
                int last = x.level(j.task) - 1;
                for (int t = (int) j.earliestArrival; t <= h; t++) {
                    BoolExpr before = t == 0 ? ff : j.holds[last][t - 1];
                    constraints.add(ctx.mkEq(j.startsAt[t], ctx.mkAnd(j.holds[last][t], ctx.mkNot(before))));
                }
            }
        }
    }

    /** TPU p is free for job b at t: free after the finishes, and not taken at t by a job before b. */
    private BoolExpr availableFor(int b, int p, int t) {
        List<BoolExpr> parts = new ArrayList<>();
        parts.add(free[p][t]);
        for (int a = 0; a < jobs.size(); a++) {
            Job k = jobs.get(a);
            if (a == b || !mayUse(k, p) || t < k.earliestArrival) {
                continue;
            }
            BoolExpr takes;
            if (perTpu) {
                int q = lockPosition(k, p);
                takes = t == 0 ? k.holds[q][t] : ctx.mkAnd(k.holds[q][t], ctx.mkNot(k.holds[q][t - 1]));
            } else {
                takes = ctx.mkAnd(k.startsAt[t], k.uses[p]);
            }
            parts.add(ctx.mkNot(ctx.mkAnd(before[a][b], takes)));
        }
        return ctx.mkAnd(parts.toArray(new BoolExpr[0]));
    }

    private void dispatchGang(Job j, int b, int t) {
        int k = x.level(j.task);
        int[] bound = x.boundTpus(j.task);
        BoolExpr[] avail = new BoolExpr[m];
        for (int p = 0; p < m; p++) {
            avail[p] = mayUse(j, p) ? availableFor(b, p, t) : ff;
        }
        BoolExpr fits;
        if (bound.length == 0) {
            fits = ctx.mkGe(count(avail, m), ctx.mkInt(k));
            for (int p = 0; p < m; p++) {
                // Global placement takes the lowest-indexed free TPUs (semantics §6).
                BoolExpr chosen = ctx.mkAnd(avail[p], ctx.mkLt(count(avail, p), ctx.mkInt(k)));
                constraints.add(ctx.mkImplies(j.startsAt[t], ctx.mkEq(j.uses[p], chosen)));
            }
        } else {
            List<BoolExpr> all = new ArrayList<>();
            for (int p : bound) {
                all.add(avail[p]);
            }
            fits = ctx.mkAnd(all.toArray(new BoolExpr[0]));
        }
        BoolExpr blocked = ff;
        if (x.protocol() == Protocol.GANG_STRICT) {
            // Strict: the scan of j's queue stopped at an earlier job that could not start.
            List<BoolExpr> stops = new ArrayList<>();
            for (int a = 0; a < jobs.size(); a++) {
                Job o = jobs.get(a);
                if (a == b || t < o.earliestArrival || x.strictQueue(o.task) != x.strictQueue(j.task)) {
                    continue;
                }
                stops.add(ctx.mkAnd(before[a][b], pending(o, t), ctx.mkNot(o.startsAt[t])));
            }
            blocked = ctx.mkOr(stops.toArray(new BoolExpr[0]));
        }
        constraints.add(ctx.mkEq(j.startsAt[t], ctx.mkAnd(pending(j, t), fits, ctx.mkNot(blocked))));
    }

    /**
     * Per-TPU protocols: in one pass in pending order each job takes as many of its next locks
     * as are free (the reference scheduler explains why one pass equals the repeated rule).
     */
    private void dispatchLocks(Job j, int b, int t) {
        int[] order = x.lockOrder(j.task);
        BoolExpr pending = pending(j, t);
        for (int q = 0; q < order.length; q++) {
            BoolExpr had = t == 0 ? ff : j.holds[q][t - 1];
            BoolExpr previous = q == 0 ? tt : j.holds[q - 1][t];
            BoolExpr takes = ctx.mkAnd(pending, previous, availableFor(b, order[q], t));
            constraints.add(ctx.mkEq(j.holds[q][t], ctx.mkOr(had, takes)));
        }
    }

    /** Per TPU and instant, the DNN it last ran after dispatch at t (-1: none yet). */
    @SuppressWarnings("unchecked")
    private ArithExpr<IntSort>[][] declareLastDnn(int h) {
        ArithExpr<IntSort>[][] last = new ArithExpr[m][h + 1];
        for (int p = 0; p < m; p++) {
            for (int t = 0; t <= h; t++) {
                Expr<IntSort> v = t == 0 ? ctx.mkInt(-1) : last[p][t - 1];
                for (Job j : jobs) {
                    if (mayUse(j, p) && t >= j.earliestArrival) {
                        v = ctx.mkITE(ctx.mkAnd(j.startsAt[t], j.uses[p]), ctx.mkInt(x.dnnIndex(j.task)), v);
                    }
                }
                IntExpr named = ctx.mkIntConst("tpu" + p + "!dnn@" + t);
                constraints.add(ctx.mkEq(named, v));
                last[p][t] = named;
            }
        }
        return last;
    }

    private ArithExpr<IntSort> count(BoolExpr[] flags, int upTo) {
        if (upTo == 0) {
            return ctx.mkInt(0);
        }
        @SuppressWarnings("unchecked")
        ArithExpr<IntSort>[] terms = new ArithExpr[upTo];
        for (int p = 0; p < upTo; p++) {
            terms[p] = (ArithExpr<IntSort>) ctx.mkITE(flags[p], ctx.mkInt(1), ctx.mkInt(0));
        }
        return upTo == 1 ? terms[0] : ctx.mkAdd(terms);
    }

    // ------------------------------------------------------------------ properties

    private BoolExpr finishedBy(Job j, ArithExpr<IntSort> t) {
        return ctx.mkAnd(j.startedBy[(int) horizon], ctx.mkLe(ctx.mkAdd(j.start, j.hold), t));
    }

    /** Some job violates {@code property} within the horizon (semantics §9); {@code bound} is its numeric bound. */
    BoolExpr violation(Property property, long bound) {
        List<BoolExpr> any = new ArrayList<>();
        ArithExpr<IntSort> h = ctx.mkInt(horizon);
        if (property instanceof Property.DeadlockFree) {
            return deadlock();
        }
        int task = property.task().map(x::taskIndex).orElse(-1);
        for (Job j : jobs) {
            if (task >= 0 && j.task != task) {
                continue;
            }
            if (property instanceof Property.Deadlines) {
                any.add(ctx.mkAnd(j.exists, ctx.mkLe(j.deadline, h), ctx.mkNot(finishedBy(j, j.deadline))));
            } else if (property instanceof Property.Response) {
                if (bound > horizon) {
                    continue;
                }
                ArithExpr<IntSort> certain = ctx.mkAdd(j.arrival, ctx.mkInt(bound));
                any.add(ctx.mkAnd(j.exists, ctx.mkLe(certain, h), ctx.mkNot(finishedBy(j, certain))));
            } else if (property instanceof Property.Inversion) {
                any.add(ctx.mkAnd(j.exists, ctx.mkGt(inversion(j), ctx.mkInt(bound))));
            } else if (property instanceof Property.Overtakes) {
                any.add(ctx.mkAnd(j.exists, ctx.mkGt(overtakes(j), ctx.mkInt(bound))));
            } else {
                throw new IllegalArgumentException("no encoding for property " + property);
            }
        }
        return ctx.mkOr(any.toArray(new BoolExpr[0]));
    }

    /** Lower priority (semantics §7): a lower task priority under fp and fifo, a later absolute deadline under edf. */
    private BoolExpr lower(Job l, Job than) {
        if (spec.scheduler().policy() == Policy.EDF) {
            return ctx.mkGt(l.deadline, than.deadline);
        }
        return ctx.mkBool(x.task(l.task).priority() > x.task(than.task).priority());
    }

    /** Whether a job of task {@code l} can run on a TPU eligible for task {@code than}. */
    private boolean overlaps(Job l, Job than) {
        if (x.placement() == Placement.GLOBAL) {
            return true;
        }
        for (int p : x.eligibleTpus(than.task)) {
            if (mayUse(l, p)) {
                return true;
            }
        }
        return false;
    }

    /** Ticks of {@code [r, min(s, H))} during which a lower-priority job executes on an eligible TPU. */
    private ArithExpr<IntSort> inversion(Job j) {
        List<ArithExpr<IntSort>> ticks = new ArrayList<>();
        for (int t = (int) j.earliestArrival; t < horizon; t++) {
            List<BoolExpr> lowerRuns = new ArrayList<>();
            for (Job l : jobs) {
                if (l == j || !overlaps(l, j) || t < l.earliestArrival) {
                    continue;
                }
                lowerRuns.add(ctx.mkAnd(l.exists, lower(l, j), l.startedBy[t],
                        ctx.mkGt(ctx.mkAdd(l.start, l.hold), ctx.mkInt(t))));
            }
            if (lowerRuns.isEmpty()) {
                continue;
            }
            BoolExpr waits = ctx.mkAnd(ctx.mkLe(j.release, ctx.mkInt(t)), ctx.mkNot(j.startedBy[t]));
            ticks.add((ArithExpr<IntSort>) ctx.mkITE(ctx.mkAnd(waits, ctx.mkOr(lowerRuns.toArray(new BoolExpr[0]))),
                    ctx.mkInt(1), ctx.mkInt(0)));
        }
        return sum(ticks);
    }

    /** Lower-priority jobs that start on an eligible TPU inside {@code [r, min(s, H))}. */
    private ArithExpr<IntSort> overtakes(Job j) {
        List<ArithExpr<IntSort>> over = new ArrayList<>();
        for (Job l : jobs) {
            if (l == j || !overlaps(l, j) || l.earliestArrival >= horizon) {
                continue;
            }
            BoolExpr inside = ctx.mkAnd(l.exists, lower(l, j), l.startedBy[(int) horizon],
                    ctx.mkGe(l.start, j.release), ctx.mkLt(l.start, j.start), ctx.mkLt(l.start, ctx.mkInt(horizon)));
            over.add((ArithExpr<IntSort>) ctx.mkITE(inside, ctx.mkInt(1), ctx.mkInt(0)));
        }
        return sum(over);
    }

    /**
     * A circular hold-and-wait after dispatch at {@code H}: a non-empty set of jobs that each
     * hold a lock, have not started, and wait for a lock held by another member. Deadlocked
     * jobs never release anything, so a deadlock reached at any {@code t <= H} is still there.
     */
    private BoolExpr deadlock() {
        if (!perTpu) {
            return ff; // all-or-nothing acquisition never holds while it waits
        }
        int h = (int) horizon;
        List<BoolExpr> members = new ArrayList<>();
        List<BoolExpr> rules = new ArrayList<>();
        for (Job j : jobs) {
            int[] order = x.lockOrder(j.task);
            if (order.length < 2 || j.earliestArrival > horizon) {
                continue;
            }
            BoolExpr in = ctx.mkBoolConst(x.task(j.task).name() + "#" + j.index + "!deadlocked");
            members.add(in);
            List<BoolExpr> conditions = new ArrayList<>();
            conditions.add(j.holds[0][h]);
            conditions.add(ctx.mkNot(j.startedBy[h]));
            for (int q = 1; q < order.length; q++) {
                BoolExpr waitsHere = ctx.mkAnd(j.holds[q - 1][h], ctx.mkNot(j.holds[q][h]));
                List<BoolExpr> heldByMember = new ArrayList<>();
                for (Job o : jobs) {
                    int pos = lockPosition(o, order[q]);
                    if (o == j || pos < 0 || x.lockOrder(o.task).length < 2 || o.earliestArrival > horizon) {
                        continue;
                    }
                    BoolExpr oIn = ctx.mkBoolConst(x.task(o.task).name() + "#" + o.index + "!deadlocked");
                    heldByMember.add(ctx.mkAnd(oIn, o.holds[pos][h]));
                }
                conditions.add(ctx.mkImplies(waitsHere, ctx.mkOr(heldByMember.toArray(new BoolExpr[0]))));
            }
            rules.add(ctx.mkImplies(in, ctx.mkAnd(conditions.toArray(new BoolExpr[0]))));
        }
        if (members.isEmpty()) {
            return ff;
        }
        rules.add(ctx.mkOr(members.toArray(new BoolExpr[0])));
        return ctx.mkAnd(rules.toArray(new BoolExpr[0]));
    }

    /** Response time of some job of {@code task} that finishes by {@code H}, as a term, with the condition that it does. */
    ArithExpr<IntSort> response(Job j) {
        return ctx.mkSub(ctx.mkAdd(j.start, j.hold), j.arrival);
    }

    BoolExpr finishesWithinHorizon(Job j) {
        return ctx.mkAnd(j.exists, finishedBy(j, ctx.mkInt(horizon)));
    }

    @SuppressWarnings("unchecked")
    private ArithExpr<IntSort> sum(List<ArithExpr<IntSort>> terms) {
        if (terms.isEmpty()) {
            return ctx.mkInt(0);
        }
        return terms.size() == 1 ? terms.get(0) : ctx.mkAdd(terms.toArray(new ArithExpr[0]));
    }

    // ------------------------------------------------------------------ reading a model back

    /** The environment's choices in {@code model}: the scenario the reference scheduler replays. */
    Scenario scenario(Model model) {
        List<ScenarioJob> out = new ArrayList<>();
        for (Job j : jobs) {
            if (!model.eval(j.exists, true).isTrue()) {
                continue;
            }
            Task t = x.task(j.task);
            long e = value(model, j.exec);
            String exit = null;
            for (DnnExit d : t.dnn().exits()) {
                Latency l = d.table().get(x.level(j.task));
                if (l.bcet() <= e && e <= l.wcet()) {
                    exit = d.name();
                    break;
                }
            }
            out.add(new ScenarioJob(t.name(), j.index, value(model, j.arrival), value(model, j.release), e, exit));
        }
        return new Scenario(out);
    }

    static long value(Model model, Expr<IntSort> e) {
        return ((com.microsoft.z3.IntNum) model.eval(e, true)).getInt64();
    }
}
