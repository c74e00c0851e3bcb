package io.gangproof.check;

import io.gangproof.smt.induction.InductionOutcome;
import io.gangproof.smt.induction.KInduction;
import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Verdict;
import io.gangproof.spec.format.SpecWriter;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code PROVED} for all time by a checked inductive invariant (semantics §8, §6a): k-induction
 * over the one-step relation of the spec, with the protocol lemmas, every obligation {@code unsat}
 * in Z3 and saved as an SMT-LIB 2 certificate under {@code OUT/certificates} (docs/smt.md).
 * Answers {@code deadlock-free} and {@code overtakes(i) <= N}; an induction that does not close
 * is {@code UNKNOWN} naming the obligation that failed, never {@code VIOLATED}.
 */
public final class InductionEngine implements Engine {
    public static final String NAME = "induction";

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Bounded by Z3's timeout per obligation, like the proof engine: a proof must not turn
     * UNKNOWN because other properties used the spec's time budget on a busy machine.
     */
    @Override
    public boolean timeBounded() {
        return false;
    }

    @Override
    public Optional<PropertyResult> check(SystemSpec spec, Property property, CheckOptions options) {
        if (!(property instanceof Property.DeadlockFree || property instanceof Property.Overtakes)) {
            return Optional.empty();
        }
        long start = System.nanoTime();
        Optional<Path> certificates = options.outputDir().map(d -> d.resolve("certificates"));
        InductionOutcome o = KInduction.prove(spec, property, certificates, KInduction.DEFAULT_TIMEOUT);
        String description = SpecWriter.describe(spec, property);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (o instanceof InductionOutcome.Proved p) {
            // overtakes is proved <= 0, which is within every bound N >= 0.
            Optional<Long> bound = property instanceof Property.Overtakes ? Optional.of(0L) : Optional.empty();
            // The certificate files go in their own field: the verdict line lists them under --verbose only.
            return Optional.of(new PropertyResult(property, description, Verdict.PROVED, NAME, bound,
                    Optional.empty(), Optional.empty(), seconds, Optional.empty(), Optional.of(p.k()
                            + "-inductive invariant " + String.join(" and ", p.lemmas()) + ", checked by Z3"),
                    Optional.empty(), p.certificates()));
        }
        if (o instanceof InductionOutcome.Failed f) {
            return Optional.of(PropertyResult.unknown(property, description, NAME, "induction does not close at "
                    + f.step() + ": " + f.reason(), seconds));
        }
        return Optional.empty();
    }
}
