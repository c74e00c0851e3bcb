package io.gangproof.scheduler.replay;

import io.gangproof.spec.TimeFormat;

/** The earliest point where a recorded trace and its replay disagree. */
public record Difference(long time, String where, String recorded, String replayed) {
    /** For people: {@code time} in the spec's units (the other parts are already written so). */
    public String describe(TimeFormat format) {
        return "at " + format.format(time) + ", " + where + ": recorded " + recorded + ", replayed " + replayed;
    }

    @Override
    public String toString() {
        return "at " + time + ", " + where + ": recorded " + recorded + ", replayed " + replayed;
    }
}
