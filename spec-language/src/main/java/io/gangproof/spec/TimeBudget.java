package io.gangproof.spec;

import java.util.Optional;

/**
 * The wall-clock time an engine may spend ({@code limit time} of a spec's {@code verify} block,
 * semantics §8: a limit reached is {@code UNKNOWN} naming it). Engines ask {@link #exhausted()}
 * at their natural steps (a run, a task, a level) and stop there. Started when created.
 */
public final class TimeBudget {
    public static final TimeBudget UNLIMITED = new TimeBudget(Optional.empty());

    private final Optional<Long> millis;
    private final long deadlineNanos;

    private TimeBudget(Optional<Long> millis) {
        this.millis = millis;
        this.deadlineNanos = millis.map(ms -> System.nanoTime() + ms * 1_000_000L).orElse(0L);
    }

    /** A budget of {@code millis}, from now; none when empty. */
    public static TimeBudget of(Optional<Long> millis) {
        return millis.isEmpty() ? UNLIMITED : new TimeBudget(millis);
    }

    /** The spec's {@code limit time}, from now. */
    public static TimeBudget of(SystemSpec spec) {
        return of(spec.exploration().timeLimitMillis());
    }

    public boolean exhausted() {
        return millis.isPresent() && System.nanoTime() - deadlineNanos >= 0;
    }

    /** "the time limit of 2 s" (in milliseconds below a second), for reasons that name it. */
    public String describe() {
        long ms = millis.orElse(0L);
        return "the time limit of " + (ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms");
    }
}
