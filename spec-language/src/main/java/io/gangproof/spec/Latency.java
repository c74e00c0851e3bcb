package io.gangproof.spec;

/** An execution-time interval {@code [bcet, wcet]} in ticks, {@code 1 <= bcet <= wcet} (semantics §3). */
public record Latency(long bcet, long wcet) {
    public Latency {
        if (bcet < 1 || bcet > wcet) {
            throw new IllegalArgumentException("need 1 <= bcet <= wcet, got " + bcet + ".." + wcet);
        }
    }

    public static Latency exactly(long ticks) {
        return new Latency(ticks, ticks);
    }

    public boolean isExact() {
        return bcet == wcet;
    }

    /** The smallest interval containing both. */
    public Latency hull(Latency other) {
        return new Latency(Math.min(bcet, other.bcet), Math.max(wcet, other.wcet));
    }
}
