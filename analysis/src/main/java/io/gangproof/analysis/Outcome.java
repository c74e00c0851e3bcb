package io.gangproof.analysis;

/** What one sufficient test concluded about one task. */
public enum Outcome {
    /** Every job of the task finishes by its deadline, for every behaviour (semantics §8 PROVED). */
    SCHEDULABLE,
    /**
     * The test could not show it (semantics §8 UNKNOWN, never VIOLATED). A response bound may
     * still be present when it is sound but exceeds the deadline.
     */
    NOT_SCHEDULABLE_BY_TEST,
    /** The analysis does not model this spec (placement, policy, protocol or unresolved choices). */
    NOT_APPLICABLE
}
