package io.gangproof.spec.testing;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A stream of choices that drives {@link SpecGenerator}. Choice 0 is always the simplest
 * option (the lower bound, "leave it out", the first alternative), so a choice list that
 * jqwik shrinks towards zeros and shorter lengths gives simpler specs.
 */
public interface Choices {
    /** A choice in {@code [0, n)}; {@code n >= 1}. */
    int below(int n);

    /** A value in {@code [lo, hi]}; {@code lo} for choice 0. */
    default long between(long lo, long hi) {
        if (hi < lo) {
            throw new IllegalArgumentException("empty range " + lo + ".." + hi);
        }
        long span = hi - lo;
        if (span < Integer.MAX_VALUE) {
            return lo + below((int) span + 1);
        }
        long high = below(1 << 30);
        long low = below(1 << 30);
        return lo + Math.floorMod((high << 30) | low, span + 1);
    }

    default int between(int lo, int hi) {
        return (int) between((long) lo, (long) hi);
    }

    /** True with probability {@code percent}/100; false for choice 0. */
    default boolean chance(int percent) {
        return below(100) >= 100 - percent;
    }

    /** Choices from a random generator (for large specs and benchmarks). */
    static Choices from(SplittableRandom random) {
        return n -> random.nextInt(n);
    }

    /** Choices read from a list (for jqwik, which shrinks it); once it is used up every choice is 0. */
    static Choices from(List<Integer> values) {
        return new Choices() {
            private int next;

            @Override
            public int below(int n) {
                if (next >= values.size()) {
                    return 0;
                }
                return Math.floorMod(values.get(next++), n);
            }
        };
    }
}
