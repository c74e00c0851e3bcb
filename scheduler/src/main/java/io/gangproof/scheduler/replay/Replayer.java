package io.gangproof.scheduler.replay;

import io.gangproof.scheduler.ExecutableSpec;
import io.gangproof.scheduler.ReferenceScheduler;
import io.gangproof.scheduler.check.TraceChecker;
import io.gangproof.scheduler.check.Violation;
import io.gangproof.scheduler.trace.Trace;
import io.gangproof.spec.Bound;
import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.TimeFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Re-derives a trace from its scenario alone with the reference scheduler (semantics §8: every
 * counterexample is replayed) and compares every recorded field: header, jobs, occupancy,
 * events, deadlocks. Then it checks every property of the spec on the replayed schedule: the
 * trace's violations must be exactly those, in the same order and words, so a trace can neither
 * claim a violation that is not there nor hide one that is.
 */
public final class Replayer {
    private Replayer() {
    }

    public static ReplayResult replay(SystemSpec spec, Trace recorded) {
        return replay(spec, recorded, Map.of());
    }

    /**
     * {@code analysisBounds} gives the number behind each property bounded by {@code bound};
     * a property without one is not checked, and a trace that claims a violation of it is not replayable.
     */
    public static ReplayResult replay(SystemSpec spec, Trace recorded, Map<Property, Long> analysisBounds) {
        for (Violation claimed : recorded.violations()) {
            Property p = claimed.property();
            if (usesAnalysisBound(p) && !analysisBounds.containsKey(p)) {
                return new ReplayResult.NotReplayable("violation of " + p + " claims an analysis bound, and none was given");
            }
        }
        Trace replayed;
        try {
            replayed = ReferenceScheduler.run(ExecutableSpec.of(spec), recorded.scenario(), recorded.horizon(),
                    ReferenceScheduler.Detail.FULL);
        } catch (IllegalArgumentException e) {
            return new ReplayResult.NotReplayable(e.getMessage());
        } catch (ArithmeticException e) {
            return new ReplayResult.NotReplayable("its times leave the 64-bit tick range (" + e.getMessage() + ")");
        }
        Optional<Difference> first = TraceComparison.first(recorded, replayed, TimeFormat.of(spec));
        if (first.isPresent()) {
            return new ReplayResult.Diverged(replayed, first.get());
        }
        List<Violation> found = TraceChecker.of(spec, replayed).allViolations(analysisBounds);
        if (!found.equals(recorded.violations())) {
            return new ReplayResult.Unconfirmed(replayed, recorded.violations(), found);
        }
        Trace confirmed = replayed.withViolations(found);
        return found.isEmpty() ? new ReplayResult.Reproduced(confirmed) : new ReplayResult.Confirmed(confirmed, found);
    }

    private static boolean usesAnalysisBound(Property p) {
        return p.declaredBound().filter(b -> b instanceof Bound.FromAnalysis).isPresent();
    }

    /**
     * The difference with the smallest time among every recorded field (the header's at time 0),
     * its times written by {@code format}.
     */
    public static Optional<Difference> firstDifference(Trace recorded, Trace replayed, TimeFormat format) {
        return TraceComparison.first(recorded, replayed, format);
    }
}
