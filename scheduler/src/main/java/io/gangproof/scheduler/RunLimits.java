package io.gangproof.scheduler;

import io.gangproof.spec.Arrival;
import io.gangproof.spec.DnnExit;
import io.gangproof.spec.Latency;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Whether a run to {@code horizon} fits: inside the engines' exact arithmetic (semantics §1),
 * and with at most {@link #JOB_LIMIT} jobs, which a trace holds in memory.
 * The scheduler and the searches add a handful of a spec's times to instants up to the horizon
 * (the next arrival, a deadline, a release, a finish including its reload), each addition
 * overflow-checked; when the horizon plus the largest of each kind reaches {@link #LIMIT}, some
 * such sum could leave the 64-bit range, and the run is refused up front, naming the limit,
 * instead of failing halfway.
 */
public final class RunLimits {
    /** 2^62 ticks: one more addition of any two instants below it still fits in a {@code long}. */
    public static final long LIMIT = 1L << 62;

    /** Jobs one run may have (about 1 GiB of trace): more would exhaust the heap, not the time limit. */
    public static final long JOB_LIMIT = 4_000_000;

    private RunLimits() {
    }

    /** Empty when every instant of a run to {@code horizon} fits; else why not. */
    public static Optional<String> problem(SystemSpec spec, long horizon) {
        long period = 0;
        long offset = 0;
        long deadline = 0;
        long jitter = 0;
        long busy = 0;
        for (Task t : spec.tasks()) {
            period = Math.max(period, t.period());
            if (t.arrival() instanceof Arrival.Periodic p) {
                offset = Math.max(offset, p.offset());
            }
            deadline = Math.max(deadline, t.deadline());
            jitter = Math.max(jitter, t.jitter());
            for (DnnExit e : t.dnn().exits()) {
                for (Latency l : e.table().values()) {
                    busy = Math.max(busy, l.wcet());
                }
            }
            busy = Math.max(busy, t.dnn().reload());
        }
        BigInteger reach = BigInteger.valueOf(horizon);
        for (long v : new long[] {period, offset, deadline, jitter, busy, busy}) {
            reach = reach.add(BigInteger.valueOf(v));
        }
        if (reach.compareTo(BigInteger.valueOf(LIMIT)) < 0) {
            // At most one arrival per period in 0..horizon, whatever the arrival model.
            long jobs = 0;
            for (Task t : spec.tasks()) {
                jobs += horizon / t.period() + 1;
                if (jobs > JOB_LIMIT) {
                    return Optional.of("a run to the horizon of " + horizon + " ticks may have more than " + JOB_LIMIT
                            + " jobs, more than a trace can hold (give a smaller horizon)");
                }
            }
            return Optional.empty();
        }
        return Optional.of("the horizon plus the largest period, offset, deadline, jitter, latency and reload is "
                + reach + " ticks, beyond the 2^62-tick limit of exact arithmetic (use a coarser resolution or a "
                + "shorter horizon)");
    }
}
