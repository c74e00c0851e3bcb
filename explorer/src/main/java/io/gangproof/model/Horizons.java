package io.gangproof.model;

import io.gangproof.spec.Arrival;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import java.util.OptionalLong;

/**
 * The horizon of a search (semantics §9): the caller's override, else the spec's
 * {@code horizon}, else {@link #defaultHorizon}.
 */
public final class Horizons {
    /** The default never exceeds this many ticks; a longer one would rarely finish anyway. */
    public static final long DEFAULT_CAP = 100_000;

    private Horizons() {
    }

    public static long resolve(SystemSpec spec, OptionalLong override) {
        if (override.isPresent()) {
            return override.getAsLong();
        }
        return spec.exploration().horizon().orElseGet(() -> defaultHorizon(spec));
    }

    /**
     * The largest known offset plus the largest jitter plus one hyperperiod plus the largest
     * deadline, capped at {@link #DEFAULT_CAP}: every task has had a full hyperperiod of
     * arrivals after the last first arrival, and the last of them has reached its deadline.
     * Unknown offsets lie in {@code [0, T)}, inside the hyperperiod. A hyperperiod too large for
     * a {@code long} gives the cap.
     */
    public static long defaultHorizon(SystemSpec spec) {
        if (spec.hyperperiod().isEmpty()) {
            return DEFAULT_CAP;
        }
        long offset = 0;
        long jitter = 0;
        long deadline = 0;
        for (Task t : spec.tasks()) {
            if (t.arrival() instanceof Arrival.Periodic p) {
                offset = Math.max(offset, p.offset());
            }
            jitter = Math.max(jitter, t.jitter());
            deadline = Math.max(deadline, t.deadline());
        }
        try {
            long h = Math.addExact(Math.addExact(offset, jitter), Math.addExact(spec.hyperperiod().get(), deadline));
            return Math.min(h, DEFAULT_CAP);
        } catch (ArithmeticException overflow) {
            return DEFAULT_CAP;
        }
    }
}
