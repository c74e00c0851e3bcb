package io.gangproof.analysis;

import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.TimeBudget;

/**
 * One sufficient schedulability test with response-time and blocking bounds (semantics §10).
 * Every analysis has this one entry point, in the spirit of SchedCAT's uniform
 * {@code apply_*_bounds(tasks)}: the caller picks one with {@link AnalysisCatalog} or by name.
 *
 * <p>Contract: every bound it reports is sound for every behaviour allowed by semantics §4–§6;
 * a test that cannot conclude reports {@link Outcome#NOT_SCHEDULABLE_BY_TEST} with a reason,
 * never a guessed bound. It never throws for a valid spec; an overflow of exact arithmetic
 * becomes "not schedulable by this test".
 */
public interface ResponseTimeAnalysis {
    /** A short stable name, e.g. {@code partitioned-np-fp}, printed in reports. */
    String name();

    /** Whether this analysis models the spec's scheduler and bindings at all. */
    boolean appliesTo(SystemSpec spec);

    /**
     * Whether this analysis models the spec's scheduler, whatever its tasks: for a test that applies
     * only to some task sets of a scheduler (the serialised test), true for every spec under that
     * scheduler. Studies use it to choose their tests once, on a sample set.
     */
    default boolean appliesToScheduler(SystemSpec spec) {
        return appliesTo(spec);
    }

    /** Analyses every task. For a spec it does not apply to, the result says so and carries no bound. */
    AnalysisResult analyze(SystemSpec spec);

    /**
     * As {@link #analyze(SystemSpec)} within {@code budget}: an analysis whose work grows with the
     * square of the number of tasks checks it once per task and throws {@link AnalysisStopped}
     * when it is exhausted; the others finish in well under a second and ignore it.
     */
    default AnalysisResult analyze(SystemSpec spec, TimeBudget budget) {
        return analyze(spec);
    }
}
