package io.gangproof.spec;

import java.util.Optional;

/** A property to verify (semantics §7). */
public sealed interface Property {
    /** The task the property is about, if it is about one. */
    Optional<String> task();

    /** The right-hand side of {@code response}, {@code inversion} and {@code overtakes}; empty for the others. */
    default Optional<Bound> declaredBound() {
        return Optional.empty();
    }

    /** A property of one task with a declared bound: {@code response}, {@code inversion} or {@code overtakes}. */
    sealed interface Bounded extends Property {
        String taskName();

        Bound bound();

        @Override
        default Optional<String> task() {
            return Optional.of(taskName());
        }

        @Override
        default Optional<Bound> declaredBound() {
            return Optional.of(bound());
        }
    }

    /** Every job (of {@code task}, or of every task) finishes by its absolute deadline. */
    record Deadlines(Optional<String> task) implements Property {
    }

    /** Every job of {@code task} has response time at most {@code bound}. */
    record Response(String taskName, Bound bound) implements Bounded {
    }

    /** Lower-priority execution on eligible TPUs inside {@code [r, s)} is at most {@code bound}. */
    record Inversion(String taskName, Bound bound) implements Bounded {
    }

    /** At most {@code bound} lower-priority jobs start on eligible TPUs inside {@code [r, s)}. */
    record Overtakes(String taskName, Bound bound) implements Bounded {
    }

    /** No reachable state has a circular hold-and-wait. */
    record DeadlockFree() implements Property {
        @Override
        public Optional<String> task() {
            return Optional.empty();
        }
    }
}
