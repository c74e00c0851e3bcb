package io.gangproof.analysis;

import io.gangproof.spec.Resolution;
import io.gangproof.spec.TimeFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shortcuts of {@link CarryInBound#perInstantOneOfEachUpTo} (one table for every beta, only the
 * {@code floor(m / k)} largest items per width, no items with nothing left) give exactly the values
 * of the plain 0/1 table per beta over every item, kept here as the reference. Many items per width,
 * so the pruning is exercised.
 */
class CarryInDpShortcutTest {

    /** The table as it was before the shortcuts: one per beta, every item. */
    private static long reference(int tpus, int beta, List<ChargedTask> items, long window) {
        long[][] v = new long[tpus + 1][beta + 1];
        for (ChargedTask l : items) {
            int k = l.width();
            long rem = Math.min(l.exec() - 1, window);
            for (int c = tpus; c >= k; c--) {
                for (int u = beta; u >= 1; u--) {
                    for (int s = 1; s <= Math.min(Math.min(k, beta), u); s++) {
                        v[c][u] = Math.max(v[c][u], Ticks.add(v[c - k][u - s], Ticks.mul(s, rem)));
                    }
                }
            }
        }
        return v[tpus][beta];
    }

    @Property(tries = 500)
    void shortcutsGiveTheReferenceValues(@ForAll long seed, @ForAll @IntRange(min = 1, max = 9) int m,
            @ForAll @IntRange(min = 0, max = 14) int n, @ForAll @IntRange(min = 1, max = 40) int window) {
        Random rnd = new Random(seed);
        List<ChargedTask> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = 1 + rnd.nextInt(m + 1);
            long exec = 1 + rnd.nextInt(rnd.nextBoolean() ? 3 : 30);
            items.add(new ChargedTask("l" + i, i + 1, k, exec, 100, 100, 0, "d", 0, TimeFormat.of(new Resolution(1))));
        }
        long[] best = CarryInBound.bestRemainingByWidth(m, items);
        for (long w : new long[] {Long.MAX_VALUE, window}) {
            long[] all = CarryInBound.perInstantOneOfEachUpTo(m, m, items, w);
            CarryInRule rule = w == Long.MAX_VALUE ? CarryInRule.ONE_PER_TASK_DP : CarryInRule.ONE_PER_TASK_DP_WINDOW;
            int lo = 1 + rnd.nextInt(m);
            CarryInBound.Value[] each = CarryInBound.ofEach(rule, m, lo, m, best, items, w);
            for (int beta = 1; beta <= m; beta++) {
                long ref = reference(m, beta, items, w);
                assertThat(all[beta]).as("m=%d beta=%d window=%d", m, beta, w).isEqualTo(ref);
                assertThat(CarryInBound.perInstantOneOfEach(m, beta, items, w)).isEqualTo(ref);
                assertThat(CarryInBound.of(rule, m, beta, best, items, w).value()).isEqualTo(ref);
                if (beta >= lo) {
                    assertThat(each[beta].value()).isEqualTo(ref);
                }
            }
        }
    }
}
