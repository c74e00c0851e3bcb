package io.gangproof.check;

import io.gangproof.smt.ProofCheck;
import io.gangproof.smt.ProofOutcome;
import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.TimeBudget;
import io.gangproof.spec.Verdict;
import io.gangproof.spec.format.SpecWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.Optional;

/**
 * {@code PROVED} (semantics §8): the analysis of the spec's scheduler accepts the property
 * and Z3 confirms the arithmetic of every witness it rests on. Each check is saved as an
 * SMT-LIB 2 certificate under {@code OUT/certificates}, which any solver can re-check
 * ({@code docs/smt.md}). When that fails, it says nothing; the analysis engine then reports
 * the bound as {@code UNKNOWN} with its reason.
 */
public final class ProofEngine implements Engine {
    public static final String NAME = "analysis+z3";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Verdict> verdicts() {
        return EnumSet.of(Verdict.PROVED);
    }

    /**
     * Bounded by Z3's timeout per check instead: the checks are small arithmetic queries, and a
     * proof must not turn UNKNOWN because the machine is busy.
     */
    @Override
    public boolean timeBounded() {
        return false;
    }

    @Override
    public Optional<PropertyResult> check(SystemSpec spec, Property property, CheckOptions options) {
        long start = System.nanoTime();
        Optional<Path> certificates = options.outputDir().map(d -> d.resolve("certificates"));
        ProofOutcome outcome = ProofCheck.prove(spec, property, certificates, ProofCheck.DEFAULT_TIMEOUT,
                TimeBudget.of(spec));
        if (outcome instanceof ProofOutcome.Stopped stopped) {
            return Optional.of(PropertyResult.unknown(property, SpecWriter.describe(spec, property), NAME,
                    stopped.reason(), (System.nanoTime() - start) / 1e9));
        }
        if (!(outcome instanceof ProofOutcome.Proved proved)) {
            return Optional.empty();
        }
        boolean hasBound = property.declaredBound().isPresent();
        return Optional.of(new PropertyResult(property, SpecWriter.describe(spec, property), Verdict.PROVED, NAME,
                hasBound ? Optional.of(proved.bound()) : Optional.empty(), Optional.empty(), Optional.empty(),
                (System.nanoTime() - start) / 1e9, Optional.empty(), Optional.of(proved.analysis()
                        + ", checked by Z3"), Optional.empty(), proved.certificates()));
    }
}
