package io.gangproof.model;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The largest response time of any job of {@code task} that finishes at an instant
 * {@code <= horizon}, over every behaviour; empty when no job of the task can finish by then.
 * {@code witness} is a shortest behaviour in which a job reaches it. {@code complete} is
 * false when a limit cut the search short, and then {@code max} is only a lower bound.
 */
public record MaxResponseTime(String task, long horizon, OptionalLong max, Optional<Counterexample> witness,
        long states, boolean complete, String reason) {
}
