package io.gangproof.smt.induction;

import java.util.function.Function;

/**
 * One conjunct of an inductive invariant: what it says, and its formula at a given state.
 * The certificates spell out every lemma under its name (docs/smt.md, "lemmas").
 */
record Lemma(String name, String meaning, Function<State, String> formula) {
}
