package io.gangproof.smt;

import java.nio.file.Path;
import java.util.List;

/** What {@link ProofCheck#prove} concluded for one property. */
public sealed interface ProofOutcome {

    /**
     * Every task the property is about has a Z3-confirmed witness. {@code bound} is the number
     * proved: for {@code deadlines} the largest response bound among the tasks (each is also
     * {@code <=} its own deadline), for {@code response}/{@code inversion} the analysis' bound for
     * the task (which is {@code <=} the property's number, or is the number for {@code <= bound}).
     * {@code certificates} is empty when no directory was given.
     */
    record Proved(List<Path> certificates, long bound, String analysis) implements ProofOutcome {
        public Proved {
            certificates = List.copyOf(certificates);
        }
    }

    /** Not proved, and why (never a claim that the property is violated). */
    record NotProved(String reason) implements ProofOutcome {
    }

    /** Stopped by its time budget before it could conclude; {@code reason} names the limit. */
    record Stopped(String reason) implements ProofOutcome {
    }
}
