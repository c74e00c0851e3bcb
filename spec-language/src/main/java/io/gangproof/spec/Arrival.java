package io.gangproof.spec;

/** How the jobs of a task arrive (semantics §4). {@link #period()} is the minimum inter-arrival time. */
public sealed interface Arrival {
    long period();

    /** Arrivals at {@code offset + j * period}. */
    record Periodic(long period, long offset) implements Arrival {
        public Periodic {
            if (period < 1 || offset < 0) {
                throw new IllegalArgumentException("need period >= 1 and offset >= 0");
            }
        }
    }

    /** Periodic with an unknown offset: any offset in {@code [0, period)}. */
    record PeriodicAnyOffset(long period) implements Arrival {
        public PeriodicAnyOffset {
            if (period < 1) {
                throw new IllegalArgumentException("need period >= 1");
            }
        }
    }

    /** Gaps of at least {@code period} between consecutive arrivals. */
    record Sporadic(long period) implements Arrival {
        public Sporadic {
            if (period < 1) {
                throw new IllegalArgumentException("need a minimum separation >= 1");
            }
        }
    }
}
