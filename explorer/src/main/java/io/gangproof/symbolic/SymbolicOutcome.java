package io.gangproof.symbolic;

import java.util.List;
import java.util.Map;

/**
 * Everything one search found: an answer per property, the largest response time per task
 * (ticks; {@link #MORE_THAN_TRACKED} when it exceeds the tracked age bound, absent when no
 * job of the task can finish), whether the zone graph closed (if not, the largest response
 * times cover only the part searched: a limit was hit, or every property was already violated),
 * and its size.
 */
public record SymbolicOutcome(List<SymbolicResult> results, Map<String, Long> maxResponse, boolean closed,
        long states, long transitions, double seconds) {
    public static final long MORE_THAN_TRACKED = Long.MAX_VALUE;
}
