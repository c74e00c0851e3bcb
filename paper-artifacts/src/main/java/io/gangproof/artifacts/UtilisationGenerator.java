package io.gangproof.artifacts;

import java.util.SplittableRandom;

/**
 * Draws a vector of {@code n} task utilisations that sum to {@code total}, each in
 * {@code [0, cap]}. Generators only produce inputs: they use {@code double}, and every
 * utilisation that decides or bins anything is recomputed exactly from the integer task
 * parameters (see {@link TaskSetGenerator}). All floating point goes through {@link StrictMath}
 * so that a seed gives the same vector on every JVM and platform.
 */
public interface UtilisationGenerator {
    /** The name used in experiment files, e.g. {@code uunifast-discard}. */
    String id();

    /**
     * A vector of {@code n >= 1} utilisations with sum {@code total} (up to rounding) and every
     * element in {@code [0, cap]}. Needs {@code 0 <= total <= n * cap}.
     *
     * @throws IllegalArgumentException when no such vector exists
     */
    double[] generate(int n, double total, double cap, SplittableRandom random);

    /** The generator named {@code id}, or empty. */
    static java.util.Optional<UtilisationGenerator> byId(String id) {
        if (UUniFastDiscard.ID.equals(id)) {
            return java.util.Optional.of(new UUniFastDiscard());
        }
        if (RandFixedSum.ID.equals(id)) {
            return java.util.Optional.of(new RandFixedSum());
        }
        return java.util.Optional.empty();
    }

    /** The ids {@link #byId} knows. */
    static java.util.List<String> ids() {
        return java.util.List.of(UUniFastDiscard.ID, RandFixedSum.ID);
    }

    static void checkArguments(int n, double total, double cap) {
        if (n < 1) {
            throw new IllegalArgumentException("need at least one task, got " + n);
        }
        if (!(cap > 0) || Double.isInfinite(cap)) {
            throw new IllegalArgumentException("the cap must be positive and finite, got " + cap);
        }
        if (!(total >= 0) || total > n * cap * (1 + 1e-12)) {
            throw new IllegalArgumentException("no " + n + " utilisations in [0, " + cap + "] sum to " + total);
        }
    }
}
