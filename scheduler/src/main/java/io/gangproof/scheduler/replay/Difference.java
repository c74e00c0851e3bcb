package io.gangproof.scheduler.replay;

/** The earliest point where a recorded trace and its replay disagree. */
public record Difference(long time, String where, String recorded, String replayed) {
    @Override
    public String toString() {
        return "at " + time + ", " + where + ": recorded " + recorded + ", replayed " + replayed;
    }
}
