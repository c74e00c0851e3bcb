package io.gangproof.scheduler.trace;

/**
 * TPU {@code tpu} was held by {@code job} during {@code [from, to)}. {@code executing} is false
 * for the time a per-TPU protocol holds a lock while waiting for the job's other TPUs.
 * {@code open} means the TPU was still held at the horizon ({@code to} is then the horizon).
 */
public record Occupancy(int tpu, String job, long from, long to, boolean executing, boolean open) {
}
