package io.gangproof.model;

/** A snapshot of a running search, for progress bars: states stored so far and the instant being expanded. */
public record ExplorationProgress(long states, long instant, long horizon, long elapsedMillis, long memoryBytes) {
}
