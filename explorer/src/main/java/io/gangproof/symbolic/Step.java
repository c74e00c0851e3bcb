package io.gangproof.symbolic;

/**
 * One transition of the zone graph (docs/symbolic.md §3). A step determines its successor
 * completely, so a path of steps can be replayed to concretise a counterexample.
 */
sealed interface Step {
    /** The running job at {@code pos} finishes. */
    record Complete(int pos) implements Step {
    }

    /** Task {@code task} arrives; its job goes to {@code pos} in pending order, with the EDF deadline ties given. */
    record Arrive(int task, int pos, boolean tiePrev, boolean tieNext) implements Step {
    }

    /** The arrived job at {@code pos} is released. */
    record Release(int pos) implements Step {
    }

    /** The dispatch of the instant; {@code choice[s]} is the execution interval of the s-th job started. */
    record Dispatch(int[] choice) implements Step {
    }
}
