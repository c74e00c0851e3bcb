package io.gangproof.artifacts;

/** What one method concludes about one task set. */
public enum Outcome {
    /** The method guarantees every deadline (an analysis proves it; the explorer finds no violation, ever). */
    ACCEPTED,
    /** The method does not guarantee it: a failed sufficient test, or a violation the explorer found. */
    REJECTED,
    /** The method could not decide (the explorer hit a limit); never counted as accepted. */
    UNKNOWN
}
