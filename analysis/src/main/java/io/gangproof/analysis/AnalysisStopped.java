package io.gangproof.analysis;

import io.gangproof.spec.TimeBudget;

/** An analysis ran out of its {@link TimeBudget}: no result, and the caller says {@code UNKNOWN} naming the limit. */
public final class AnalysisStopped extends RuntimeException {
    public AnalysisStopped(TimeBudget budget, int analysed, int tasks) {
        super("the analysis stopped at " + budget.describe() + " after " + analysed + " of " + tasks + " tasks");
    }
}
