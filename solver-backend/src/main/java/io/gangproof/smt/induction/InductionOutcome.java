package io.gangproof.smt.induction;

import java.nio.file.Path;
import java.util.List;

/** What {@link KInduction} concluded for one property. */
public sealed interface InductionOutcome {

    /**
     * Every obligation was {@code unsat}: the property holds in every reachable state, for all
     * time. {@code lemmas} names the invariant's conjuncts; {@code certificates} is empty when
     * no directory was given.
     */
    record Proved(String property, int k, List<String> lemmas, List<Obligation> obligations,
            List<Path> certificates) implements InductionOutcome {
        public Proved {
            lemmas = List.copyOf(lemmas);
            obligations = List.copyOf(obligations);
            certificates = List.copyOf(certificates);
        }
    }

    /**
     * An obligation was not {@code unsat} (satisfiable, or the solver gave up): the induction
     * does not close. Never a claim that the property is violated (the relation
     * over-approximates the behaviours).
     */
    record Failed(String step, String reason) implements InductionOutcome {
    }

    /** The property or the spec is outside what the relation encodes. */
    record NotApplicable(String reason) implements InductionOutcome {
    }
}
