package io.gangproof.analysis;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The result of one analysis for one task. Every present bound is sound (semantics §7):
 * {@code responseBound} bounds {@code f - a} of every job, {@code blockingBound} the time a job
 * waits because of lower-priority jobs that started before its release, {@code inversionBound}
 * and {@code overtakesBound} the quantities of {@code inversion(i)} and {@code overtakes(i)}.
 * An absent bound means "no bound from this test". The witness holds the numbers behind them.
 *
 * <p>A value with the accessors, {@code equals}, {@code hashCode} and {@code toString} of a record
 * of these eight components; a class rather than a record so that the reason can be written on
 * demand: partitioned fp analyses hundreds of thousands of tasks a second (docs/analysis.md §11),
 * and writing every task's times in the spec's unit, mostly never read, was a large part of that.
 */
public final class TaskBound {
    private final String task;
    private final Outcome outcome;
    /** The reason's text once written; null until {@link #reason()} is first called on a lazy bound. */
    private String reason;
    /**
     * Writes the reason, or null when it was given as text. Pure, so readers racing on a lazy
     * bound at worst write the same text twice (a String is safe to share without a lock).
     */
    private final Supplier<String> writer;
    private final Optional<Long> responseBound;
    private final Optional<Long> blockingBound;
    private final Optional<Long> inversionBound;
    private final Optional<Long> overtakesBound;
    private final Witness witness;

    public TaskBound(String task, Outcome outcome, String reason, Optional<Long> responseBound,
            Optional<Long> blockingBound, Optional<Long> inversionBound, Optional<Long> overtakesBound,
            Witness witness) {
        this(task, outcome, reason, null, responseBound, blockingBound, inversionBound, overtakesBound, witness);
    }

    /** As the public constructor with the reason written by {@code reason} (a pure function) when first read. */
    TaskBound(String task, Outcome outcome, Supplier<String> reason, Optional<Long> responseBound,
            Optional<Long> blockingBound, Optional<Long> inversionBound, Optional<Long> overtakesBound,
            Witness witness) {
        this(task, outcome, null, Objects.requireNonNull(reason), responseBound, blockingBound, inversionBound,
                overtakesBound, witness);
    }

    private TaskBound(String task, Outcome outcome, String reason, Supplier<String> writer,
            Optional<Long> responseBound, Optional<Long> blockingBound, Optional<Long> inversionBound,
            Optional<Long> overtakesBound, Witness witness) {
        if (outcome == Outcome.SCHEDULABLE && responseBound.isEmpty()) {
            throw new IllegalArgumentException("a schedulable task needs a response bound: " + task);
        }
        this.task = task;
        this.outcome = outcome;
        this.reason = reason;
        this.writer = writer;
        this.responseBound = responseBound;
        this.blockingBound = blockingBound;
        this.inversionBound = inversionBound;
        this.overtakesBound = overtakesBound;
        this.witness = witness;
    }

    public String task() {
        return task;
    }

    public Outcome outcome() {
        return outcome;
    }

    /** Why the test concluded what it did, in the spec's time unit. */
    public String reason() {
        String r = reason;
        if (r == null && writer != null) {
            r = writer.get();
            reason = r;
        }
        return r;
    }

    public Optional<Long> responseBound() {
        return responseBound;
    }

    public Optional<Long> blockingBound() {
        return blockingBound;
    }

    public Optional<Long> inversionBound() {
        return inversionBound;
    }

    public Optional<Long> overtakesBound() {
        return overtakesBound;
    }

    public Witness witness() {
        return witness;
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

    @Override
    public boolean equals(Object o) {
        return o instanceof TaskBound b && Objects.equals(task, b.task) && outcome == b.outcome
                && Objects.equals(reason(), b.reason()) && Objects.equals(responseBound, b.responseBound)
                && Objects.equals(blockingBound, b.blockingBound) && Objects.equals(inversionBound, b.inversionBound)
                && Objects.equals(overtakesBound, b.overtakesBound) && Objects.equals(witness, b.witness);
    }

    @Override
    public int hashCode() {
        return Objects.hash(task, outcome, reason(), responseBound, blockingBound, inversionBound, overtakesBound,
                witness);
    }

    @Override
    public String toString() {
        return "TaskBound[task=" + task + ", outcome=" + outcome + ", reason=" + reason() + ", responseBound="
                + responseBound + ", blockingBound=" + blockingBound + ", inversionBound=" + inversionBound
                + ", overtakesBound=" + overtakesBound + ", witness=" + witness + "]";
    }
}
