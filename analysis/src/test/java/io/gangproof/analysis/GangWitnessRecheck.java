package io.gangproof.analysis;

import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Re-checks a {@link Witness.Gang} from the spec and the witness numbers alone, without the
 * analysis code: the interference groups are re-derived from the spec, and the carry-in is
 * compared with the largest per-instant coverage any possible set of carry-in jobs gives,
 * found by enumerating every such set (multisets, or sets when the rule has at most one job
 * per task).
 */
final class GangWitnessRecheck {
    private GangWitnessRecheck() {
    }

    private static long exec(Task t) {
        return t.wcet() + t.dnn().reload();
    }

    /** {@code usable}: the least response a checked interferer's workload may use. */
    static void check(SystemSpec spec, String task, Witness.Gang w, boolean greedy, ToLongFunction<String> usable) {
        List<Task> ts = spec.tasksByPriority();
        int x = 0;
        while (!ts.get(x).name().equals(task)) {
            x++;
        }
        Task me = ts.get(x);
        int m = spec.platform().tpus();
        Map<List<Long>, long[]> groups = new LinkedHashMap<>();
        List<long[]> carryOnly = new ArrayList<>();
        int head = me.level();
        for (int y = 0; y < ts.size(); y++) {
            Task t = ts.get(y);
            boolean interferes = y < x || (greedy && y > x && t.level() < me.level());
            if (interferes) {
                long[] g = groups.computeIfAbsent(List.of((long) t.level(), exec(t), t.period()), k -> new long[2]);
                g[0]++;
                g[1] = Math.max(g[1], usable.applyAsLong(t.name()));
                if (!greedy) {
                    head = Math.max(head, t.level());
                }
            } else if (y > x) {
                carryOnly.add(new long[] {t.level(), exec(t) - 1});
            }
        }
        assertThat(w.tpus()).isEqualTo(m);
        boolean wideHeads = !greedy && w.headWidth() < head;
        if (wideHeads) {
            // §5d: beta from the task's own width, paying for wider higher-priority heads
            assertThat(w.headWidth()).isEqualTo(me.level());
            head = me.level();
        }
        assertThat(w.headWidth()).isEqualTo(head);
        assertThat(w.beta()).isBetween(1, m - head + 1);
        assertThat(w.exec()).isEqualTo(exec(me));
        assertThat(w.interference()).hasSize(groups.size());
        long len = w.waitBound() + 1;
        long rhs = w.carryIn();
        int k = 0;
        for (Map.Entry<List<Long>, long[]> e : groups.entrySet()) {
            Witness.InterferenceGroup g = w.interference().get(k++);
            assertThat(List.of((long) g.width(), g.exec(), g.period())).isEqualTo(e.getKey());
            assertThat(g.count()).isEqualTo(e.getValue()[0]);
            assertThat(g.responseUsed()).isGreaterThanOrEqualTo(e.getValue()[1]);
            assertThat(g.weight()).isEqualTo(Math.min(g.width(), w.beta()));
            long wl = WitnessCheckTest.workload(len, g.exec(), g.period(), g.responseUsed());
            assertThat(g.workload()).isEqualTo(wl);
            rhs += g.weight() * g.count() * wl;
            long deficit = w.beta() + g.width() - m - 1;
            long waitSpan = g.responseUsed() - g.exec();
            if (wideHeads && deficit > 0 && waitSpan > 0) {
                rhs += deficit * g.count() * WitnessCheckTest.workload(len, waitSpan, g.period(), waitSpan);
            }
        }
        assertThat((long) w.beta() * len).as("wait condition").isGreaterThan(rhs);
        assertThat(w.response()).isEqualTo(me.jitter() + w.waitBound() + exec(me));
        assertThat(w.response()).isLessThanOrEqualTo(greedy ? me.deadline() : me.period());
        CarryInRule rule = CarryInRule.byKeyword(w.carryInRule());
        assertThat(!rule.needsFirstMiss() || greedy || w.argument().equals("first-overrun"))
                .as("rule %s needs first-miss or first-overrun", rule).isTrue();
        List<long[]> counted = new ArrayList<>();
        for (long[] it : carryOnly) {
            // a windowed rule counts each carry-in job inside the window [r, r + w + 1) only
            counted.add(new long[] {it[0], rule.windowed() ? Math.min(it[1], len) : it[1]});
        }
        assertThat(w.carryIn()).as("carry-in covers every possible set of carry-in jobs")
                .isGreaterThanOrEqualTo(largestCoverage(m, w.beta(), counted, rule.needsFirstMiss()));
    }

    /**
     * The most {@code sum over instants of min(beta, sum of min(k, beta) over the jobs still
     * running)} any set of carry-in jobs on at most m TPUs gives; {@code items} are (k, C - 1).
     */
    static long largestCoverage(int m, int beta, List<long[]> items, boolean oncePerTask) {
        return search(m, beta, items, oncePerTask, 0, new ArrayList<>());
    }

    private static long search(int room, int beta, List<long[]> items, boolean once, int from, List<long[]> chosen) {
        long best = coverage(beta, chosen);
        for (int i = from; i < items.size(); i++) {
            long[] it = items.get(i);
            if (it[0] <= room) {
                chosen.add(it);
                best = Math.max(best, search(room - (int) it[0], beta, items, once, once ? i + 1 : i, chosen));
                chosen.remove(chosen.size() - 1);
            }
        }
        return best;
    }

    static long coverage(int beta, List<long[]> jobs) {
        long longest = 0;
        for (long[] j : jobs) {
            longest = Math.max(longest, j[1]);
        }
        long total = 0;
        for (long t = 0; t < longest; t++) {
            long units = 0;
            for (long[] j : jobs) {
                if (j[1] > t) {
                    units += Math.min(j[0], beta);
                }
            }
            total += Math.min(beta, units);
        }
        return total;
    }
}
