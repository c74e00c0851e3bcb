package io.gangproof.scheduler.replay;

import io.gangproof.scheduler.check.Violation;
import io.gangproof.scheduler.trace.Trace;
import java.util.List;

/**
 * The outcome of replaying a trace. {@link #exitCode()} is the CLI's mapping (semantics §12):
 * a confirmed violation is exit 1, a reproduced trace without claims is 0, and any
 * disagreement between an engine's trace and the reference scheduler is an internal error, 70.
 */
public sealed interface ReplayResult {
    int exitCode();

    /** Same schedule, and every violation the trace claims is reproduced. */
    record Confirmed(Trace replayed, List<Violation> violations) implements ReplayResult {
        public Confirmed {
            violations = List.copyOf(violations);
        }

        @Override
        public int exitCode() {
            return 1;
        }
    }

    /** Same schedule, and the trace claims no violation. */
    record Reproduced(Trace replayed) implements ReplayResult {
        @Override
        public int exitCode() {
            return 0;
        }
    }

    /** The schedules differ; {@code first} is the earliest difference. */
    record Diverged(Trace replayed, Difference first) implements ReplayResult {
        @Override
        public int exitCode() {
            return 70;
        }
    }

    /** Same schedule, but a claimed violation does not hold on it. */
    record Unconfirmed(Trace replayed, Violation claimed, List<Violation> found) implements ReplayResult {
        public Unconfirmed {
            found = List.copyOf(found);
        }

        @Override
        public int exitCode() {
            return 70;
        }
    }

    /** The trace cannot be replayed at all (its scenario is no behaviour of the spec, or the spec cannot be simulated). */
    record NotReplayable(String reason) implements ReplayResult {
        @Override
        public int exitCode() {
            return 70;
        }
    }
}
