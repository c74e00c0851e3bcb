package io.gangproof.smt.synthesis;

import io.gangproof.analysis.AnalysisResult;
import io.gangproof.analysis.TaskBound;
import io.gangproof.smt.ProofCheck;
import io.gangproof.smt.ProofOutcome;
import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.TimeFormat;
import java.time.Duration;
import java.util.Optional;

/**
 * The re-verification every synthesis runs on its answer before it reports it: the spec's own
 * analysis must accept every task with the smallest slack the search found, and the normal proof
 * path ({@link ProofCheck}) must prove every deadline.
 */
final class Reverification {
    private Reverification() {
    }

    /** Why {@code r}, the analysis of {@code out}, does not confirm a smallest slack of {@code slack}; empty when it does. */
    static Optional<String> slackProblem(SystemSpec out, AnalysisResult r, long slack) {
        long smallest = Long.MAX_VALUE;
        for (TaskBound b : r.tasks()) {
            if (!b.schedulable()) {
                return Optional.of("task " + b.task() + ": " + b.reason());
            }
            smallest = Math.min(smallest, out.task(b.task()).deadline() - b.responseBound().orElseThrow());
        }
        if (smallest != slack) {
            TimeFormat f = TimeFormat.of(out);
            return Optional.of("the analysis gives smallest slack " + f.format(smallest) + ", the search "
                    + f.format(slack));
        }
        return Optional.empty();
    }

    /**
     * Why the proof of every deadline of {@code out} did not succeed, given what is left until
     * {@code deadlineNanos} but at least {@link PartitionSynthesis#REVERIFY_MIN}; empty when it
     * proved them. A proof stopped by its budget is a problem too: the answer is then not proved.
     */
    static Optional<String> proofProblem(SystemSpec out, long deadlineNanos) {
        Duration left = Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
        Duration each = left.compareTo(PartitionSynthesis.REVERIFY_MIN) > 0 ? left : PartitionSynthesis.REVERIFY_MIN;
        ProofOutcome p = ProofCheck.prove(out, new Property.Deadlines(Optional.empty()), Optional.empty(), each);
        if (p instanceof ProofOutcome.NotProved np) {
            return Optional.of(np.reason());
        }
        if (p instanceof ProofOutcome.Stopped stopped) {
            return Optional.of("the proof stopped: " + stopped.reason());
        }
        return Optional.empty();
    }
}
