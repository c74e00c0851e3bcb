package io.gangproof.scheduler.check;

import io.gangproof.scheduler.trace.Deadlock;
import io.gangproof.scheduler.trace.JobRecord;
import io.gangproof.scheduler.trace.Occupancy;
import io.gangproof.scheduler.trace.Trace;
import io.gangproof.spec.Bound;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Checks the properties of semantics §7 on a trace, counting as violated exactly what §9
 * calls violated within the horizon {@code H}: a job unfinished at its deadline {@code d <= H};
 * a job unfinished at {@code a + R <= H}; inversion or overtakes above the bound accumulated
 * in {@code [r, min(s, H))}; a deadlock reached by {@code H}.
 *
 * <p>"Runs on a TPU" means executing (including the reload), not holding a per-TPU lock while
 * waiting for the job's other TPUs. It works from the trace's job records and occupancy only,
 * not from the scheduler's internals, so it also checks traces produced by other engines.
 */
public final class TraceChecker {
    private final SystemSpec spec;
    private final Trace trace;
    private final Map<String, JobRecord> byId = new HashMap<>();
    private final Map<String, Task> tasks = new HashMap<>();
    private final Map<String, List<Integer>> eligible = new HashMap<>();
    /** Per TPU, its executing intervals sorted by start (they are disjoint). */
    private final Occupancy[][] executing;
    private final ViolationWording wording;

    private TraceChecker(SystemSpec spec, Trace trace) {
        this.spec = spec;
        this.wording = new ViolationWording(spec);
        this.trace = trace;
        for (JobRecord j : trace.jobs()) {
            byId.put(j.id(), j);
        }
        for (Task t : spec.tasks()) {
            tasks.put(t.name(), t);
            eligible.put(t.name(), spec.eligibleTpus(t));
        }
        int m = spec.platform().tpus();
        List<List<Occupancy>> perTpu = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            perTpu.add(new ArrayList<>());
        }
        for (Occupancy o : trace.occupancy()) {
            if (o.executing() && o.tpu() >= 0 && o.tpu() < m) {
                perTpu.get(o.tpu()).add(o);
            }
        }
        executing = new Occupancy[m][];
        for (int i = 0; i < m; i++) {
            executing[i] = perTpu.get(i).stream()
                    .sorted((a, b) -> Long.compare(a.from(), b.from())).toArray(Occupancy[]::new);
        }
    }

    /** A checker for several properties of one trace (the indexes are built once). */
    public static TraceChecker of(SystemSpec spec, Trace trace) {
        return new TraceChecker(spec, trace);
    }

    /** As {@link #check(SystemSpec, Trace, Property)}, on this checker's trace. */
    public List<Violation> violationsOf(Property property) {
        return violations(property, numericBound(property));
    }

    /** As {@link #check(SystemSpec, Trace, Property, long)}, on this checker's trace. */
    public List<Violation> violationsOf(Property property, long bound) {
        if (bound < 0) {
            throw new IllegalArgumentException("a bound is never negative, got " + bound);
        }
        return violations(property, bound);
    }

    /** As {@link #checkAll(SystemSpec, Trace)}, on this checker's trace. */
    public List<Violation> allViolations() {
        return allViolations(Map.of());
    }

    /**
     * Every property of the spec, in the spec's order: those bounded by an analysis against
     * {@code analysisBounds}, skipped when it has no number for them. What a trace claims
     * (docs/traces.md): replay requires exactly this list.
     */
    public List<Violation> allViolations(Map<Property, Long> analysisBounds) {
        List<Violation> all = new ArrayList<>();
        for (Property p : spec.properties()) {
            if (!(boundOf(p) instanceof Bound.FromAnalysis)) {
                all.addAll(violations(p, numericBound(p)));
            } else if (analysisBounds.containsKey(p)) {
                all.addAll(violationsOf(p, analysisBounds.get(p)));
            }
        }
        return all;
    }

    /** {@code trace} claiming every violation it shows ({@link #allViolations(Map)}): how every engine writes one. */
    public static Trace claimingAll(SystemSpec spec, Trace trace, Map<Property, Long> analysisBounds) {
        return trace.withViolations(new TraceChecker(spec, trace).allViolations(analysisBounds));
    }

    /** As {@link #measure(SystemSpec, Trace)}, on this checker's trace. */
    public List<JobMeasures> measures() {
        List<JobMeasures> out = new ArrayList<>(trace.jobs().size());
        for (JobRecord j : trace.jobs()) {
            out.add(measures(j));
        }
        return out;
    }

    /** Checks a property whose bound, if any, is a number; a {@link Bound.FromAnalysis} needs {@link #check(SystemSpec, Trace, Property, long)}. */
    public static List<Violation> check(SystemSpec spec, Trace trace, Property property) {
        return new TraceChecker(spec, trace).violations(property, numericBound(property));
    }

    /** Checks a property against {@code bound} instead of the property's own (for analysis-derived bounds). */
    public static List<Violation> check(SystemSpec spec, Trace trace, Property property, long bound) {
        return new TraceChecker(spec, trace).violationsOf(property, bound);
    }

    /** Every property of the spec with a numeric bound; properties bounded by an analysis are skipped. */
    public static List<Violation> checkAll(SystemSpec spec, Trace trace) {
        return new TraceChecker(spec, trace).allViolations();
    }

    /** Response, inversion and overtakes of every job of the trace. */
    public static List<JobMeasures> measure(SystemSpec spec, Trace trace) {
        return new TraceChecker(spec, trace).measures();
    }

    /** The merged priority-inversion intervals of every job, for display (e.g. shading in a Gantt chart). */
    public static List<InversionInterval> inversionIntervals(SystemSpec spec, Trace trace) {
        TraceChecker c = new TraceChecker(spec, trace);
        List<InversionInterval> out = new ArrayList<>();
        for (JobRecord j : trace.jobs()) {
            for (long[] iv : merge(c.lowerPriorityExecution(j, c.window(j), null))) {
                out.add(new InversionInterval(j.id(), iv[0], iv[1]));
            }
        }
        return out;
    }

    private static Bound boundOf(Property p) {
        return p.declaredBound().orElse(new Bound.Value(0));
    }

    private static long numericBound(Property p) {
        Bound b = boundOf(p);
        if (b instanceof Bound.Value v) {
            return v.value();
        }
        throw new IllegalArgumentException("property on task " + p.task().orElse("?")
                + " is bounded by an analysis: pass the analysis' numeric bound");
    }

    private List<Violation> violations(Property property, long bound) {
        List<Violation> out = new ArrayList<>();
        long h = trace.horizon();
        if (property instanceof Property.DeadlockFree) {
            for (Deadlock d : trace.deadlocks()) {
                if (d.time() <= h) {
                    out.add(new Violation(property, d.jobs(), d.time(), 0, wording.deadlock(d.time(), d.jobs(),
                            d.tpus())));
                }
            }
            return out;
        }
        String taskName = property.task().orElse(null);
        if (taskName != null) {
            task(taskName);
        }
        for (JobRecord j : trace.jobs()) {
            if (taskName != null && !j.task().equals(taskName)) {
                continue;
            }
            if (property instanceof Property.Deadlines) {
                if (j.deadline() <= h && !finishedBy(j, j.deadline())) {
                    out.add(new Violation(property, List.of(j.id()), j.deadline(), 0, wording.deadlineMiss(j.id(),
                            j.arrival(), j.deadline(), j.finish())));
                }
            } else if (property instanceof Property.Response) {
                // a + R <= H, written so that a huge bound cannot overflow.
                if (bound <= h - j.arrival() && !finishedBy(j, j.arrival() + bound)) {
                    long certain = j.arrival() + bound;
                    long value = j.finish().isPresent() ? j.finish().getAsLong() - j.arrival() : h - j.arrival();
                    String message = j.finish().isPresent()
                            ? wording.responseExceeded(j.id(), j.arrival(), value, bound)
                            : wording.unfinishedAt(j.id(), j.arrival(), h, bound);
                    out.add(new Violation(property, List.of(j.id()), certain, value, message));
                }
            } else if (property instanceof Property.Inversion) {
                Window w = window(j);
                long[][] merged = merge(lowerPriorityExecution(j, w, null));
                long acc = 0;
                for (long[] iv : merged) {
                    long len = iv[1] - iv[0];
                    if (acc + len > bound) {
                        long certain = iv[0] + (bound - acc) + 1;
                        long total = Arrays.stream(merged).mapToLong(x -> x[1] - x[0]).sum();
                        out.add(new Violation(property, List.of(j.id()), certain, total, wording.inversion(j.id(),
                                j.release(), total, w.from, w.to, bound)));
                        break;
                    }
                    acc += len;
                }
            } else if (property instanceof Property.Overtakes) {
                List<JobRecord> over = overtakers(j, window(j));
                if (over.size() > bound) {
                    JobRecord decisive = over.get((int) bound);
                    List<String> ids = new ArrayList<>();
                    ids.add(j.id());
                    over.forEach(o -> ids.add(o.id()));
                    out.add(new Violation(property, ids, decisive.start().getAsLong(), over.size(),
                            wording.overtaken(j.id(), j.release(), over.size(), bound,
                                    ids.subList(1, Math.min(ids.size(), 6)))));
                }
            }
        }
        return out;
    }

    private Task task(String name) {
        Task t = tasks.get(name);
        if (t == null) {
            throw new IllegalArgumentException("spec " + spec.name() + " has no task " + name);
        }
        return t;
    }

    private List<Integer> eligible(String task) {
        task(task);
        return eligible.get(task);
    }

    private static boolean finishedBy(JobRecord j, long t) {
        return j.finish().isPresent() && j.finish().getAsLong() <= t;
    }

    private record Window(long from, long to) {
        boolean empty() {
            return to <= from;
        }
    }

    /** {@code [r, min(s, H))}. */
    private Window window(JobRecord j) {
        long to = j.start().isPresent() ? Math.min(j.start().getAsLong(), trace.horizon()) : trace.horizon();
        return new Window(j.release(), to);
    }

    private JobMeasures measures(JobRecord j) {
        Window w = window(j);
        // Most jobs start when released: nothing to measure then.
        long inversion = w.empty() ? 0
                : Arrays.stream(merge(lowerPriorityExecution(j, w, null))).mapToLong(x -> x[1] - x[0]).sum();
        long overtakes = w.empty() ? 0 : overtakers(j, w).size();
        boolean missed = j.deadline() <= trace.horizon() && !finishedBy(j, j.deadline());
        return new JobMeasures(j.id(), j.task(), j.finish().isPresent()
                ? OptionalLong.of(j.finish().getAsLong() - j.arrival()) : OptionalLong.empty(),
                inversion, overtakes, missed);
    }

    /** Lower priority (semantics §7): a lower task priority under fp and fifo, a later absolute deadline under edf. */
    private boolean lowerPriority(JobRecord other, JobRecord than) {
        if (spec.scheduler().policy() == Policy.EDF) {
            return other.deadline() > than.deadline();
        }
        return task(other.task()).priority() > task(than.task()).priority();
    }

    /** Clipped executing intervals of lower-priority jobs on {@code j}'s eligible TPUs inside the window. */
    private List<long[]> lowerPriorityExecution(JobRecord j, Window w, Set<String> startedInside) {
        List<long[]> out = new ArrayList<>();
        if (w.empty()) {
            return out;
        }
        for (int tpu : eligible(j.task())) {
            if (tpu < 0 || tpu >= executing.length) {
                continue;
            }
            Occupancy[] ivs = executing[tpu];
            int i = firstEndingAfter(ivs, w.from);
            for (; i < ivs.length && ivs[i].from() < w.to; i++) {
                Occupancy o = ivs[i];
                JobRecord other = byId.get(o.job());
                if (other == null || other == j || !lowerPriority(other, j)) {
                    continue;
                }
                if (startedInside != null) {
                    if (o.from() >= w.from) {
                        startedInside.add(o.job());
                    }
                } else {
                    out.add(new long[] {Math.max(o.from(), w.from), Math.min(o.to(), w.to)});
                }
            }
        }
        return out;
    }

    /** Lower-priority jobs that start on {@code j}'s eligible TPUs inside the window, by start time. */
    private List<JobRecord> overtakers(JobRecord j, Window w) {
        Set<String> ids = new LinkedHashSet<>();
        lowerPriorityExecution(j, w, ids);
        List<JobRecord> out = new ArrayList<>();
        for (String id : ids) {
            out.add(byId.get(id));
        }
        out.sort((a, b) -> {
            int c = Long.compare(a.start().getAsLong(), b.start().getAsLong());
            return c != 0 ? c : a.id().compareTo(b.id());
        });
        return out;
    }

    private static int firstEndingAfter(Occupancy[] ivs, long t) {
        int lo = 0;
        int hi = ivs.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ivs[mid].to() <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static long[][] merge(List<long[]> intervals) {
        intervals.sort((a, b) -> Long.compare(a[0], b[0]));
        List<long[]> out = new ArrayList<>();
        for (long[] iv : intervals) {
            if (iv[1] <= iv[0]) {
                continue;
            }
            if (!out.isEmpty() && iv[0] <= out.get(out.size() - 1)[1]) {
                long[] last = out.get(out.size() - 1);
                last[1] = Math.max(last[1], iv[1]);
            } else {
                out.add(new long[] {iv[0], iv[1]});
            }
        }
        return out.toArray(new long[0][]);
    }
}
