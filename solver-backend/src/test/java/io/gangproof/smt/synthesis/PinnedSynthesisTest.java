package io.gangproof.smt.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.analysis.PinnedGangResponseTime;
import io.gangproof.spec.Binding;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.Scheduler;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/**
 * Pinned synthesis (docs/smt.md §7.8) against brute force on tiny specs: every TPU set of every
 * allowed size for every {@code pinned any} task, and every priority order, under
 * {@link PinnedGangResponseTime}. OPTIMAL must have exactly the fewest TPUs of any passing choice
 * and, among those, exactly the largest smallest slack; INFEASIBLE exactly when nothing passes.
 */
class PinnedSynthesisTest {

    /** A tiny pinned spec: 2–4 tasks on 2–4 TPUs (at most 3 tasks on 4), sometimes one task pinned. */
    static SystemSpec pinned(Random rnd) {
        int m = 2 + rnd.nextInt(3);
        int n = m == 4 ? 2 + rnd.nextInt(2) : 2 + rnd.nextInt(3);
        double load = 0.05 + 0.5 * rnd.nextDouble();
        Protocol protocol = rnd.nextBoolean() ? Protocol.GANG_GREEDY : Protocol.GANG_STRICT;
        return SynthesisSpecs.pinned(rnd, n, m, protocol, rnd.nextBoolean(), load);
    }

    /** The fewest TPUs and, at that count, the largest smallest slack over every choice; empty when none passes. */
    record Best(int tpus, long slack) {
    }

    static Optional<Best> bruteForce(SystemSpec spec) {
        List<List<List<Integer>>> options = new ArrayList<>();
        int m = spec.platform().tpus();
        for (Task t : spec.tasks()) {
            List<List<Integer>> sets = new ArrayList<>();
            if (t.binding() instanceof Binding.Pinned p) {
                sets.add(p.tpus());
            } else {
                for (int mask = 1; mask < 1 << m; mask++) {
                    if (GlobalSynthesis.levels(spec, t).contains(Integer.bitCount(mask))) {
                        List<Integer> s = new ArrayList<>();
                        for (int x = 0; x < m; x++) {
                            if ((mask >> x & 1) == 1) {
                                s.add(x);
                            }
                        }
                        sets.add(s);
                    }
                }
            }
            options.add(sets);
        }
        List<List<Integer>> orders = PriorityOrders.permutations(spec.tasks().size());
        Optional<Best> best = Optional.empty();
        int n = spec.tasks().size();
        int[] pick = new int[n];
        while (true) {
            List<List<Integer>> sets = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                sets.add(options.get(i).get(pick[i]));
            }
            SystemSpec c = PinnedSynthesis.candidate(spec, sets, FailingCore.all(n));
            int tpus = PinnedSynthesis.tpusUsed(sets);
            for (List<Integer> order : orders) {
                Optional<Long> slack = slack(PriorityOrders.withOrder(c, order));
                if (slack.isPresent() && (best.isEmpty() || tpus < best.get().tpus()
                        || tpus == best.get().tpus() && slack.get() > best.get().slack())) {
                    best = Optional.of(new Best(tpus, slack.get()));
                }
            }
            int i = 0;
            while (i < n && ++pick[i] == options.get(i).size()) {
                pick[i++] = 0;
            }
            if (i == n) {
                return best;
            }
        }
    }

    @net.jqwik.api.Property(tries = 40)
    void optimalMeansFewestTpusThenLargestSlackUnderTheTest(@ForAll long seed) {
        SystemSpec spec = pinned(new Random(seed));
        SynthesisResult r = new PinnedSynthesis().synthesize(spec, Duration.ofSeconds(60));
        Statistics.label("status").collect(r.status());
        Optional<Best> brute = bruteForce(spec);
        if (brute.isEmpty()) {
            assertThat(r.status()).as(r.explanation()).isEqualTo(SynthesisResult.Status.INFEASIBLE);
            return;
        }
        assertThat(r.status()).as(r.explanation()).isEqualTo(SynthesisResult.Status.OPTIMAL);
        assertThat(r.tpusUsed()).isEqualTo(brute.get().tpus());
        assertThat(r.tpusProvedMinimal()).isTrue();
        assertThat(r.smallestSlack()).isEqualTo(brute.get().slack());
        SystemSpec out = r.spec().orElseThrow();
        assertThat(slack(out)).contains(r.smallestSlack());
        assertThat(SynthesisResult.tpusUsedBy(out)).isEqualTo(r.tpusUsed());
        assertThat(out.tasks().stream().map(Task::priority).distinct().count()).isEqualTo(out.tasks().size());
        for (Task t : out.tasks()) {
            Task before = spec.task(t.name());
            assertThat(t.binding()).isInstanceOf(Binding.Pinned.class);
            List<Integer> list = ((Binding.Pinned) t.binding()).tpus();
            assertThat(list).doesNotHaveDuplicates().allMatch(x -> x >= 0 && x < spec.platform().tpus());
            assertThat(t.levels()).containsExactly(list.size());
            assertThat(before.levels()).contains(list.size());
            if (before.binding() instanceof Binding.Pinned p) {
                assertThat(t.binding()).as("a pinned list stays as written").isEqualTo(p);
            } else {
                assertThat(list).as("a chosen list is written in ascending order").isSorted();
            }
        }
    }

    @net.jqwik.api.Property(tries = 300)
    void theOrderSearchFindsTheBestOrderOfEveryFixedChoice(@ForAll long seed) {
        Random rnd = new Random(seed);
        SystemSpec spec = pinned(rnd);
        int m = spec.platform().tpus();
        List<List<Integer>> sets = new ArrayList<>();
        for (Task t : spec.tasks()) {
            List<Integer> all = new ArrayList<>();
            for (int x = 0; x < m; x++) {
                all.add(x);
            }
            java.util.Collections.shuffle(all, rnd);
            List<Integer> levels = GlobalSynthesis.levels(spec, t);
            sets.add(all.subList(0, levels.get(rnd.nextInt(levels.size()))));
        }
        SystemSpec fixed = PinnedSynthesis.candidate(spec, sets, FailingCore.all(spec.tasks().size()));
        Optional<Long> brute = Optional.empty();
        for (List<Integer> order : PriorityOrders.permutations(fixed.tasks().size())) {
            Optional<Long> sl = slack(PriorityOrders.withOrder(fixed, order));
            if (sl.isPresent() && (brute.isEmpty() || sl.get() > brute.get())) {
                brute = sl;
            }
        }
        PinnedOrderSearch.Outcome o = PinnedOrderSearch.search(fixed, -1, Long.MAX_VALUE, Long.MAX_VALUE);
        Statistics.label("outcome").collect(o.getClass().getSimpleName());
        if (brute.isEmpty()) {
            assertThat(o).isInstanceOf(PinnedOrderSearch.Outcome.Fail.class);
        } else {
            assertThat(o).isInstanceOf(PinnedOrderSearch.Outcome.Pass.class);
            PinnedOrderSearch.Outcome.Pass p = (PinnedOrderSearch.Outcome.Pass) o;
            assertThat(p.complete()).isTrue();
            assertThat(p.slack()).isEqualTo(brute.get());
            assertThat(slack(p.spec())).contains(brute.get());
        }
    }

    @net.jqwik.api.Property(tries = 15)
    void anOrderSearchThatGivesUpIsNeverClaimedOptimal(@ForAll long seed) {
        SystemSpec spec = pinned(new Random(seed));
        SynthesisResult r = new PinnedSynthesis(1).synthesize(spec, Duration.ofSeconds(60));
        assertThat(r.status()).as(r.explanation()).isIn(SynthesisResult.Status.FEASIBLE, SynthesisResult.Status.UNKNOWN);
        if (r.found()) {
            Best brute = bruteForce(spec).orElseThrow();
            assertThat(r.tpusUsed()).isGreaterThanOrEqualTo(brute.tpus());
            assertThat(slack(r.spec().orElseThrow())).contains(r.smallestSlack());
        }
    }

    @Test
    void aTimeoutOfOneNanosecondClaimsNothing() {
        SystemSpec spec = pinned(new Random(7));
        SynthesisResult r = new PinnedSynthesis().synthesize(spec, Duration.ofNanos(1));
        assertThat(r.status()).isIn(SynthesisResult.Status.FEASIBLE, SynthesisResult.Status.UNKNOWN);
    }

    @Test
    void specsWithNothingOpenOrOtherSchedulersAreNotApplicable() {
        SystemSpec spec = pinned(new Random(3));
        SystemSpec perTpu = withScheduler(spec, new Scheduler(Placement.PINNED, Policy.FP, Protocol.PER_TPU_ASCENDING));
        assertThat(new PinnedSynthesis().synthesize(perTpu, Duration.ofSeconds(5)).status())
                .isEqualTo(SynthesisResult.Status.NOT_APPLICABLE);
        SystemSpec edf = withScheduler(spec, new Scheduler(Placement.PINNED, Policy.EDF, Protocol.GANG_STRICT));
        assertThat(new PinnedSynthesis().synthesize(edf, Duration.ofSeconds(5)).status())
                .isEqualTo(SynthesisResult.Status.NOT_APPLICABLE);
        List<List<Integer>> sets = new ArrayList<>();
        for (Task t : spec.tasks()) {
            sets.add(List.of(0));
        }
        SystemSpec fixed = PinnedSynthesis.candidate(spec, sets, FailingCore.all(spec.tasks().size()));
        SynthesisResult r = new PinnedSynthesis().synthesize(fixed, Duration.ofSeconds(5));
        assertThat(r.status()).isEqualTo(SynthesisResult.Status.NOT_APPLICABLE);
        assertThat(r.explanation()).contains("pinned any");
    }

    private static SystemSpec withScheduler(SystemSpec s, Scheduler scheduler) {
        return new SystemSpec(s.name(), s.resolution(), s.platform(), s.dnns(), s.tasks(), scheduler, s.properties(),
                s.exploration());
    }

    /** The smallest slack under the pinned test, when it accepts every task. */
    static Optional<Long> slack(SystemSpec s) {
        return PriorityOrders.smallestSlack(s, new PinnedGangResponseTime(s.scheduler().protocol()).analyze(s));
    }
}
