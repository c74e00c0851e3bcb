package io.gangproof.analysis;

/**
 * How the global gang tests bound the carry-in of the jobs that only started before the analysed
 * job's release (docs/analysis.md §5a). Each rule is a sound upper bound on
 * {@code sum over instants of min(beta, sum of min(k, beta) over the carry-in jobs still running)};
 * they differ in how much of the structure they use. Sun, Kloda et al. (RTAS 2023; TPDS 36(3),
 * 2025) limit the carry-in of rigid NP-FP gang tasks as a knapsack over widths, solved by an LP
 * relaxation and by dynamic programming; the rules here follow that idea for this test's terms.
 */
public enum CarryInRule {
    /** {@code min(beta * max(C - 1), unbounded knapsack)}: the rule before the tightening. */
    UNBOUNDED("unbounded", false),
    /**
     * The per-instant bound: at most beta units count per instant, so a carry-in set is worth the
     * beta largest "unit slots" it provides (job l gives {@code min(k_l, beta)} slots of
     * {@code C_l - 1} ticks). An unbounded knapsack with a second capacity (beta slots), by DP.
     */
    PER_INSTANT("per-instant", false),
    /**
     * The LP relaxation of the 0/1 knapsack (at most one carry-in job per task), with the
     * unbounded rule as a second bound. Needs the first-miss argument (gang-greedy).
     */
    ONE_PER_TASK_LP("one-per-task-lp", true),
    /** The per-instant bound with at most one carry-in job per task, by DP. Needs the first-miss argument. */
    ONE_PER_TASK_DP("one-per-task-dp", true);

    private final String keyword;
    private final boolean needsFirstMiss;

    CarryInRule(String keyword, boolean needsFirstMiss) {
        this.keyword = keyword;
        this.needsFirstMiss = needsFirstMiss;
    }

    public String keyword() {
        return keyword;
    }

    /**
     * Whether the rule assumes at most one running job per task at the release, which holds only
     * while no deadline has been missed (with {@code D <= T}, semantics §4): the first-miss argument.
     */
    public boolean needsFirstMiss() {
        return needsFirstMiss;
    }

    public static CarryInRule byKeyword(String keyword) {
        for (CarryInRule r : values()) {
            if (r.keyword.equals(keyword)) {
                return r;
            }
        }
        throw new IllegalArgumentException("no carry-in rule " + keyword);
    }
}
