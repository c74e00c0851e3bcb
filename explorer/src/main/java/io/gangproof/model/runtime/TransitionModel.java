package io.gangproof.model.runtime;

/**
 * A generated model as a transition system. One {@link #step} processes one instant in the
 * event order of semantics §5; the scheduler is deterministic code and every
 * nondeterministic choice of semantics §9 is asked of the {@link Choices}.
 *
 * <p>The state after each step can be written to and restored from a canonical {@code int}
 * encoding: two encodings are equal exactly when the two states have the same future
 * behaviours, which is what lets the explorer keep a visited set. The encoding always starts
 * with the last processed instant, so states of different instants never coincide.
 */
public interface TransitionModel {
    /** The last instant explored: no step processes an instant after it. */
    int horizon();

    /** The last processed instant; {@code -1} after {@link #reset()}. */
    int time();

    /** Back to the state before instant 0: no job, every TPU free and without a DNN. */
    void reset();

    /** The longest encoding {@link #encode} can write. */
    int maxEncodedLength();

    /** Writes the canonical encoding of the current state to {@code buffer}; returns its length. */
    int encode(int[] buffer);

    /** Restores the state that {@link #encode} wrote to {@code buffer[offset..offset+length)}. */
    void decode(int[] buffer, int offset, int length);

    /**
     * Processes instant {@code time() + 1}. Returns a bit set of the properties (indices in
     * the spec's order of the modelled properties) violated at that instant.
     */
    long step(Choices choices, StepObserver observer);

    /**
     * The first part of {@link #step}: advances to instant {@code time() + 1} and makes every
     * choice of it (finishes, arrivals, the dispatcher); {@link #settle} completes the step.
     */
    void advance(Choices choices, StepObserver observer);

    /**
     * The rest of {@link #step} after {@link #advance}: the inversion and overtake counters and
     * the property checks of instant {@link #time()}, which make no choice and report nothing
     * to an observer. Returns what {@link #step} returns.
     */
    long settle();

    /** How many properties the model checks (at most 63). */
    int propertyCount();

    /** A readable account of the violation of property {@code p} that the last step reported. */
    String violationMessage(int p);

    /**
     * The instant at which that violation is certain (semantics §9): the step's instant, or for
     * inversion and overtakes, counted for the tick that starts there, the end of that tick.
     */
    long violationTime(int p);
}
