package io.gangproof.smt.induction;

/**
 * One proof obligation as a self-contained SMT-LIB 2 script whose expected answer is
 * {@code unsat}: {@code initiation} (the initial state satisfies the invariant, or for k > 1
 * every state within k - 1 steps does), {@code consecution} (k invariant states and a step
 * lead to an invariant state) or {@code safety} (no invariant state is bad).
 */
public record Obligation(String name, String smt) {
}
