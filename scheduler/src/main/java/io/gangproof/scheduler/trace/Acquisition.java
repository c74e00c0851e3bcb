package io.gangproof.scheduler.trace;

/** A job took TPU {@code tpu} at {@code time} (all at its start under gang protocols). */
public record Acquisition(int tpu, long time) {
}
