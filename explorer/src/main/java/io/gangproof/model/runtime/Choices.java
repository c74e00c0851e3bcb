package io.gangproof.model.runtime;

/**
 * The one place where nondeterminism enters a generated model (semantics §9), like
 * jpf-core's ChoiceGenerator: the explorer enumerates every answer, JPF searches one choice
 * generator of {@code 0..n-1} for each (made by the state matcher's native peer, as
 * {@code Verify.getInt(0, n - 1)} makes one).
 */
public interface Choices {
    /** One of {@code 0..n-1}, {@code n >= 1}. */
    int choose(int n);
}
