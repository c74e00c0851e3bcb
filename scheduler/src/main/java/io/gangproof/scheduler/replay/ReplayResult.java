package io.gangproof.scheduler.replay;

import io.gangproof.scheduler.check.Violation;
import io.gangproof.scheduler.trace.Trace;
import io.gangproof.spec.Property;
import java.util.List;
import java.util.function.Function;

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

    /**
     * Same schedule, but the violations it shows are not the ones the trace records: a claim
     * that does not hold, a violation left out, or one recorded in other words.
     */
    record Unconfirmed(Trace replayed, List<Violation> claimed, List<Violation> found) implements ReplayResult {
        public Unconfirmed {
            claimed = List.copyOf(claimed);
            found = List.copyOf(found);
        }

        /** The first violation where the two lists differ, in words; {@code name} names a property. */
        public String firstMismatch(Function<Property, String> name) {
            for (int i = 0; i < Math.max(claimed.size(), found.size()); i++) {
                Violation c = i < claimed.size() ? claimed.get(i) : null;
                Violation f = i < found.size() ? found.get(i) : null;
                if (c == null) {
                    return "the trace leaves out the violation " + describe(f, name);
                }
                if (f == null) {
                    return "the trace claims the violation " + describe(c, name) + ", which the replay does not show";
                }
                if (!c.equals(f)) {
                    return "the trace records " + describe(c, name) + " where the replay shows " + describe(f, name);
                }
            }
            return "the violations are the same";
        }

        private static String describe(Violation v, Function<Property, String> name) {
            return "of " + name.apply(v.property()) + " at " + v.time() + " (\"" + v.message() + "\")";
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
