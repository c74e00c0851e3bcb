package io.gangproof.scheduler.replay;

import io.gangproof.scheduler.ExecutableSpec;
import io.gangproof.scheduler.ReferenceScheduler;
import io.gangproof.scheduler.check.TraceChecker;
import io.gangproof.scheduler.check.Violation;
import io.gangproof.scheduler.trace.Acquisition;
import io.gangproof.scheduler.trace.Deadlock;
import io.gangproof.scheduler.trace.JobRecord;
import io.gangproof.scheduler.trace.Trace;
import io.gangproof.scheduler.trace.TraceEvent;
import io.gangproof.spec.Bound;
import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.TimeFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Re-executes a trace's scenario with the reference scheduler (semantics §8: every
 * counterexample is replayed) and compares: job starts, finishes, TPUs and acquisition times,
 * reloads, deadlocks and, when the trace lists them, events. Then it re-checks every
 * violation the trace claims on the replayed schedule.
 */
public final class Replayer {
    private Replayer() {
    }

    public static ReplayResult replay(SystemSpec spec, Trace recorded) {
        return replay(spec, recorded, Map.of());
    }

    /** {@code analysisBounds} gives the number behind each claimed property bounded by {@code bound}. */
    public static ReplayResult replay(SystemSpec spec, Trace recorded, Map<Property, Long> analysisBounds) {
        Trace replayed;
        try {
            replayed = ReferenceScheduler.run(ExecutableSpec.of(spec), recorded.scenario(), recorded.horizon(),
                    recorded.events().isEmpty() ? ReferenceScheduler.Detail.NO_EVENTS : ReferenceScheduler.Detail.FULL);
        } catch (IllegalArgumentException e) {
            return new ReplayResult.NotReplayable(e.getMessage());
        }
        Optional<Difference> first = firstDifference(recorded, replayed, TimeFormat.of(spec));
        if (first.isPresent()) {
            return new ReplayResult.Diverged(replayed, first.get());
        }
        if (recorded.violations().isEmpty()) {
            return new ReplayResult.Reproduced(replayed);
        }
        for (Violation claimed : recorded.violations()) {
            Property p = claimed.property();
            List<Violation> found;
            if (usesAnalysisBound(p)) {
                Long bound = analysisBounds.get(p);
                if (bound == null) {
                    return new ReplayResult.NotReplayable("violation of " + p + " claims an analysis bound, and none was given");
                }
                found = TraceChecker.check(spec, replayed, p, bound);
            } else {
                found = TraceChecker.check(spec, replayed, p);
            }
            if (found.stream().noneMatch(claimed::sameAs)) {
                return new ReplayResult.Unconfirmed(replayed, claimed, found);
            }
        }
        return new ReplayResult.Confirmed(replayed.withViolations(recorded.violations()), recorded.violations());
    }

    private static boolean usesAnalysisBound(Property p) {
        return p.declaredBound().filter(b -> b instanceof Bound.FromAnalysis).isPresent();
    }

    /**
     * The difference with the smallest time among jobs, deadlocks and (when recorded) events;
     * {@code format} writes the times it describes (the spec's units).
     */
    public static Optional<Difference> firstDifference(Trace recorded, Trace replayed, TimeFormat format) {
        List<Difference> diffs = new ArrayList<>();
        if (recorded.horizon() != replayed.horizon()) {
            diffs.add(new Difference(0, "horizon", format.format(recorded.horizon()),
                    format.format(replayed.horizon())));
        }
        Map<String, JobRecord> mine = new HashMap<>();
        replayed.jobs().forEach(j -> mine.put(j.id(), j));
        Map<String, JobRecord> theirs = new HashMap<>();
        recorded.jobs().forEach(j -> theirs.put(j.id(), j));
        for (JobRecord r : recorded.jobs()) {
            JobRecord p = mine.get(r.id());
            if (p == null) {
                diffs.add(new Difference(r.arrival(), "job " + r.id(), "present", "absent (it arrives after the horizon or not at all)"));
                continue;
            }
            jobDifference(r, p, format).ifPresent(diffs::add);
        }
        for (JobRecord p : replayed.jobs()) {
            if (!theirs.containsKey(p.id())) {
                diffs.add(new Difference(p.arrival(), "job " + p.id(), "absent", "present"));
            }
        }
        int dl = Math.min(recorded.deadlocks().size(), replayed.deadlocks().size());
        for (int i = 0; i < dl; i++) {
            Deadlock a = recorded.deadlocks().get(i);
            Deadlock b = replayed.deadlocks().get(i);
            if (!a.equals(b)) {
                diffs.add(new Difference(Math.min(a.time(), b.time()), "deadlock " + i, a.toString(), b.toString()));
            }
        }
        if (recorded.deadlocks().size() > dl) {
            Deadlock a = recorded.deadlocks().get(dl);
            diffs.add(new Difference(a.time(), "deadlock " + dl, a.toString(), "none"));
        } else if (replayed.deadlocks().size() > dl) {
            Deadlock b = replayed.deadlocks().get(dl);
            diffs.add(new Difference(b.time(), "deadlock " + dl, "none", b.toString()));
        }
        if (!recorded.events().isEmpty()) {
            List<TraceEvent> a = recorded.events();
            List<TraceEvent> b = replayed.events();
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                TraceEvent x = i < a.size() ? a.get(i) : null;
                TraceEvent y = i < b.size() ? b.get(i) : null;
                if (x == null || y == null || !x.equals(y)) {
                    long time = x == null ? y.time() : y == null ? x.time() : Math.min(x.time(), y.time());
                    diffs.add(new Difference(time, "event " + i, String.valueOf(x), String.valueOf(y)));
                    break;
                }
            }
        }
        return diffs.stream().min((d, e) -> Long.compare(d.time(), e.time()));
    }

    private static Optional<Difference> jobDifference(JobRecord r, JobRecord p, TimeFormat format) {
        String where = "job " + r.id();
        if (r.arrival() != p.arrival() || r.release() != p.release() || r.executionTime() != p.executionTime()
                || !r.exit().equals(p.exit()) || r.deadline() != p.deadline()) {
            return Optional.of(new Difference(Math.min(r.arrival(), p.arrival()), where + " (scenario data)",
                    describeInput(r, format), describeInput(p, format)));
        }
        List<Acquisition> ra = r.acquisitions();
        List<Acquisition> pa = p.acquisitions();
        for (int i = 0; i < Math.max(ra.size(), pa.size()); i++) {
            Acquisition x = i < ra.size() ? ra.get(i) : null;
            Acquisition y = i < pa.size() ? pa.get(i) : null;
            if (x == null || y == null || !x.equals(y)) {
                long time = x == null ? y.time() : y == null ? x.time() : Math.min(x.time(), y.time());
                return Optional.of(new Difference(time, where + " TPU acquisition " + i, describe(x, format), describe(y, format)));
            }
        }
        if (!r.start().equals(p.start())) {
            return Optional.of(new Difference(earliest(r.start(), p.start()), where + " start", show(r.start(), format),
                    show(p.start(), format)));
        }
        if (r.reloadTime() != p.reloadTime()) {
            return Optional.of(new Difference(r.start().orElse(0), where + " reload", format.format(r.reloadTime()),
                    format.format(p.reloadTime())));
        }
        if (!r.finish().equals(p.finish())) {
            return Optional.of(new Difference(earliest(r.finish(), p.finish()), where + " finish", show(r.finish(), format),
                    show(p.finish(), format)));
        }
        return Optional.empty();
    }

    private static String describeInput(JobRecord j, TimeFormat format) {
        return "arrival " + format.format(j.arrival()) + ", release " + format.format(j.release()) + ", exit " + j.exit()
                + ", execution " + format.format(j.executionTime()) + ", deadline " + format.format(j.deadline());
    }

    private static String describe(Acquisition a, TimeFormat format) {
        return a == null ? "none" : "TPU " + a.tpu() + " at " + format.format(a.time());
    }

    private static String show(OptionalLong v, TimeFormat format) {
        return v.isPresent() ? format.format(v.getAsLong()) : "none";
    }

    private static long earliest(OptionalLong a, OptionalLong b) {
        long x = a.isPresent() ? a.getAsLong() : Long.MAX_VALUE;
        long y = b.isPresent() ? b.getAsLong() : Long.MAX_VALUE;
        return Math.min(x, y);
    }
}
