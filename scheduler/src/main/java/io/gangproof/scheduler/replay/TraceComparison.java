package io.gangproof.scheduler.replay;

import io.gangproof.scheduler.trace.Acquisition;
import io.gangproof.scheduler.trace.JobRecord;
import io.gangproof.scheduler.trace.Occupancy;
import io.gangproof.scheduler.trace.Trace;
import io.gangproof.spec.TimeFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Compares every recorded field of a trace with its replay: header, jobs, occupancy, events
 * and deadlocks (docs/traces.md, "Replay"). A trace is evidence only when nothing in it was
 * added, removed or changed, so every list is compared element by element, order included.
 */
final class TraceComparison {
    private final TimeFormat time;

    private TraceComparison(TimeFormat time) {
        this.time = time;
    }

    /**
     * The difference with the smallest time; header differences come first (time 0). {@code time}
     * writes the times the difference describes (the spec's units).
     */
    static Optional<Difference> first(Trace recorded, Trace replayed, TimeFormat time) {
        return new TraceComparison(time).first(recorded, replayed);
    }

    private Optional<Difference> first(Trace recorded, Trace replayed) {
        List<Difference> diffs = new ArrayList<>();
        header(recorded, replayed, diffs);
        jobs(recorded, replayed, diffs);
        elementwise("occupancy", recorded.occupancy(), replayed.occupancy(), Occupancy::from, this::describe)
                .ifPresent(diffs::add);
        elementwise("event", recorded.events(), replayed.events(), e -> e.time(), String::valueOf).ifPresent(diffs::add);
        elementwise("deadlock", recorded.deadlocks(), replayed.deadlocks(), d -> d.time(), String::valueOf)
                .ifPresent(diffs::add);
        return diffs.stream().min((d, e) -> Long.compare(d.time(), e.time()));
    }

    private void header(Trace recorded, Trace replayed, List<Difference> diffs) {
        if (!recorded.spec().equals(replayed.spec())) {
            diffs.add(new Difference(0, "spec", quoted(recorded.spec()), quoted(replayed.spec())));
        }
        if (!recorded.scheduler().equals(replayed.scheduler())) {
            diffs.add(new Difference(0, "scheduler", quoted(recorded.scheduler()), quoted(replayed.scheduler())));
        }
        if (recorded.horizon() != replayed.horizon()) {
            diffs.add(new Difference(0, "horizon", time.format(recorded.horizon()), time.format(replayed.horizon())));
        }
    }

    private void jobs(Trace recorded, Trace replayed, List<Difference> diffs) {
        Map<String, JobRecord> mine = new HashMap<>();
        replayed.jobs().forEach(j -> mine.put(j.id(), j));
        Set<String> seen = new HashSet<>();
        for (JobRecord r : recorded.jobs()) {
            if (!seen.add(r.id())) {
                diffs.add(new Difference(r.arrival(), "job " + r.id(), "listed twice", "listed once"));
                continue;
            }
            JobRecord p = mine.get(r.id());
            if (p == null) {
                diffs.add(new Difference(r.arrival(), "job " + r.id(), "present", "absent (it arrives after the horizon or not at all)"));
                continue;
            }
            jobDifference(r, p).ifPresent(diffs::add);
        }
        for (JobRecord p : replayed.jobs()) {
            if (!seen.contains(p.id())) {
                diffs.add(new Difference(p.arrival(), "job " + p.id(), "absent", "present"));
            }
        }
        if (diffs.isEmpty() && !recorded.jobs().equals(replayed.jobs())) {
            diffs.add(new Difference(0, "job list", "another order", "sorted as the scheduler lists them"));
        }
    }

    /** The first position where two lists differ, at the earlier of the two elements' times. */
    private static <T> Optional<Difference> elementwise(String what, List<T> recorded, List<T> replayed,
            ToLongFunction<T> time, Function<T, String> describe) {
        for (int i = 0; i < Math.max(recorded.size(), replayed.size()); i++) {
            T x = i < recorded.size() ? recorded.get(i) : null;
            T y = i < replayed.size() ? replayed.get(i) : null;
            if (x == null || !x.equals(y)) {
                long at = x == null ? time.applyAsLong(y) : y == null ? time.applyAsLong(x)
                        : Math.min(time.applyAsLong(x), time.applyAsLong(y));
                return Optional.of(new Difference(at, what + " " + i, x == null ? "none" : describe.apply(x),
                        y == null ? "none" : describe.apply(y)));
            }
        }
        return Optional.empty();
    }

    private Optional<Difference> jobDifference(JobRecord r, JobRecord p) {
        String where = "job " + r.id();
        if (r.arrival() != p.arrival() || r.release() != p.release() || r.executionTime() != p.executionTime()
                || !r.exit().equals(p.exit()) || r.deadline() != p.deadline()) {
            return Optional.of(new Difference(Math.min(r.arrival(), p.arrival()), where + " (scenario data)",
                    describeInput(r), describeInput(p)));
        }
        List<Acquisition> ra = r.acquisitions();
        List<Acquisition> pa = p.acquisitions();
        for (int i = 0; i < Math.max(ra.size(), pa.size()); i++) {
            Acquisition x = i < ra.size() ? ra.get(i) : null;
            Acquisition y = i < pa.size() ? pa.get(i) : null;
            if (x == null || y == null || !x.equals(y)) {
                long time = x == null ? y.time() : y == null ? x.time() : Math.min(x.time(), y.time());
                return Optional.of(new Difference(time, where + " TPU acquisition " + i, describe(x), describe(y)));
            }
        }
        if (!r.start().equals(p.start())) {
            return Optional.of(new Difference(earliest(r.start(), p.start()), where + " start", show(r.start()), show(p.start())));
        }
        if (r.reloadTime() != p.reloadTime()) {
            return Optional.of(new Difference(r.start().orElse(0), where + " reload", time.format(r.reloadTime()),
                    Long.toString(p.reloadTime())));
        }
        if (!r.finish().equals(p.finish())) {
            return Optional.of(new Difference(earliest(r.finish(), p.finish()), where + " finish", show(r.finish()), show(p.finish())));
        }
        return Optional.empty();
    }

    private String describeInput(JobRecord j) {
        return "arrival " + time.format(j.arrival()) + ", release " + time.format(j.release()) + ", exit " + j.exit()
                + ", execution " + time.format(j.executionTime()) + ", deadline " + time.format(j.deadline());
    }

    private String describe(Acquisition a) {
        return a == null ? "none" : "TPU " + a.tpu() + " at " + time.format(a.time());
    }

    private String describe(Occupancy o) {
        return "TPU " + o.tpu() + " held by " + o.job() + " in [" + time.format(o.from()) + ", " + time.format(o.to()) + ")"
                + (o.executing() ? " executing" : " waiting") + (o.open() ? ", open" : "");
    }

    private static String quoted(String s) {
        return "'" + s + "'";
    }

    private String show(OptionalLong v) {
        return v.isPresent() ? time.format(v.getAsLong()) : "none";
    }

    private static long earliest(OptionalLong a, OptionalLong b) {
        long x = a.isPresent() ? a.getAsLong() : Long.MAX_VALUE;
        long y = b.isPresent() ? b.getAsLong() : Long.MAX_VALUE;
        return Math.min(x, y);
    }
}
