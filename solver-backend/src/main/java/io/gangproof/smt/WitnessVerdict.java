package io.gangproof.smt;

/** What the solver said about one witness check. */
public sealed interface WitnessVerdict {

    /** The solver found the constraints satisfiable: {@code certificate} is the SMT-LIB 2 text it checked. */
    record Confirmed(String certificate) implements WitnessVerdict {
    }

    /** The constraints are unsatisfiable (or the witness does not fit the spec); {@code constraint} says which. */
    record Refuted(String constraint) implements WitnessVerdict {
    }

    /** No answer: timeout, solver unknown, or a witness kind that is not encoded. Never a proof. */
    record Unknown(String reason) implements WitnessVerdict {
    }
}
