package io.gangproof.artifacts;

import io.gangproof.spec.SystemSpec;

/**
 * A schedulability method compared in an experiment. {@link #decide} receives a generated set
 * ({@code global fp gang-strict}, every task with a fixed width, implicit deadlines) and re-targets
 * it to the scheduler the method is about. Implementations must be deterministic and thread-safe.
 * Register new ones in {@link Methods}.
 */
public interface Method {
    String id();

    Outcome decide(SystemSpec spec);
}
