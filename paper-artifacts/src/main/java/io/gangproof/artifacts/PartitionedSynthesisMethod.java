package io.gangproof.artifacts;

import io.gangproof.analysis.NpFpResponseTime;
import io.gangproof.smt.synthesis.PartitionSynthesis;
import io.gangproof.smt.synthesis.SynthesisResult;
import io.gangproof.spec.SystemSpec;
import java.time.Duration;

/**
 * Partitioned fp with SMT synthesis ({@code solver-backend}'s {@link PartitionSynthesis}): Z3
 * chooses every task's level and pipeline, the pipeline sizes and the priorities so that the
 * non-preemptive fp analysis proves every deadline; the answer is re-verified with Z3's witness
 * checks. Accepted when synthesis finds such an assignment. A set it cannot decide within the
 * timeout is {@code UNKNOWN}, counted apart; the timeout is generous so that, in practice, the
 * answer does not depend on the machine (the CSV counts any such set, so a run shows it).
 */
final class PartitionedSynthesisMethod implements Method {
    static final String ID = "partitioned-smt";
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Outcome decide(SystemSpec spec) {
        SynthesisResult r = new PartitionSynthesis().synthesize(Variants.partitionedToChoose(spec), TIMEOUT);
        switch (r.status()) {
            case OPTIMAL:
            case FEASIBLE:
                SystemSpec assigned = r.spec().orElseThrow();
                if (!new NpFpResponseTime().analyze(assigned).allSchedulable()) {
                    throw new IllegalStateException("synthesis returned a spec the analysis does not prove: "
                            + assigned.name());
                }
                return Outcome.ACCEPTED;
            case INFEASIBLE:
                return Outcome.REJECTED;
            default:
                return Outcome.UNKNOWN;
        }
    }
}
