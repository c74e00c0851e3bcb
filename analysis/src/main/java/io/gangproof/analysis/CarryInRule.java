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
    UNBOUNDED("unbounded", false, false),
    /**
     * The per-instant bound: at most beta units count per instant, so a carry-in set is worth the
     * beta largest "unit slots" it provides (job l gives {@code min(k_l, beta)} slots of
     * {@code C_l - 1} ticks). An unbounded knapsack with a second capacity (beta slots), by DP.
     */
    PER_INSTANT("per-instant", false, false),
    /**
     * The LP relaxation of the 0/1 knapsack (at most one carry-in job per task), with the
     * unbounded rule as a second bound. Needs the first-miss argument (gang-greedy).
     */
    ONE_PER_TASK_LP("one-per-task-lp", true, false),
    /** The per-instant bound with at most one carry-in job per task, by DP. Needs the first-miss argument. */
    ONE_PER_TASK_DP("one-per-task-dp", true, false),
    /**
     * {@link #PER_INSTANT} inside the window: a unit slot counts only for the instants of the
     * window {@code [r, r + L)}, so each slot is worth {@code min(C - 1, L)} (docs/analysis.md §5b).
     * The bound depends on the wait being tested; for the highest-priority task it is exact.
     */
    PER_INSTANT_WINDOW("per-instant-window", false, true),
    /** {@link #ONE_PER_TASK_DP} inside the window (§5b). Needs the first-miss argument. */
    ONE_PER_TASK_DP_WINDOW("one-per-task-dp-window", true, true);

    private final String keyword;
    private final boolean needsFirstMiss;
    private final boolean windowed;

    CarryInRule(String keyword, boolean needsFirstMiss, boolean windowed) {
        this.keyword = keyword;
        this.needsFirstMiss = needsFirstMiss;
        this.windowed = windowed;
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

    /**
     * Whether each carry-in job counts for at most the window length {@code L = w + 1} instead of
     * {@code C - 1} ticks: the bound is then a function of the wait tested (docs/analysis.md §5b).
     */
    public boolean windowed() {
        return windowed;
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
