package io.gangproof.analysis;

import java.util.Optional;

/**
 * The result of one analysis for one task. Every present bound is sound (semantics §7):
 * {@code responseBound} bounds {@code f - a} of every job, {@code blockingBound} the time a job
 * waits because of lower-priority jobs that started before its release, {@code inversionBound}
 * and {@code overtakesBound} the quantities of {@code inversion(i)} and {@code overtakes(i)}.
 * An absent bound means "no bound from this test". The witness holds the numbers behind them.
 */
public record TaskBound(String task, Outcome outcome, String reason, Optional<Long> responseBound,
        Optional<Long> blockingBound, Optional<Long> inversionBound, Optional<Long> overtakesBound,
        Witness witness) {

    public TaskBound {
        if (outcome == Outcome.SCHEDULABLE && responseBound.isEmpty()) {
            throw new IllegalArgumentException("a schedulable task needs a response bound: " + task);
        }
    }

    public boolean schedulable() {
        return outcome == Outcome.SCHEDULABLE;
    }

    static TaskBound unknown(String task, String reason, Witness witness) {
        return new TaskBound(task, Outcome.NOT_SCHEDULABLE_BY_TEST, reason, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), witness);
    }

    static TaskBound notApplicable(String task, String reason) {
        return new TaskBound(task, Outcome.NOT_APPLICABLE, reason, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), new Witness.None(reason));
    }
}
