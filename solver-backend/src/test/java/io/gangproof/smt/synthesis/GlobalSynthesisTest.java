package io.gangproof.smt.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.smt.ProofCheck;
import io.gangproof.smt.ProofOutcome;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Property;
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
 * Global synthesis (docs/smt.md §7.7) against brute force over every level choice and every
 * priority order on tiny specs: every answer re-verifies (analysis and Z3); gang-greedy finds an
 * answer exactly when some (levels, order) passes the real test (the check is exact there);
 * gang-strict finds one whenever some levels pass with the spec's own priorities; and OPTIMAL
 * means what §7.7 claims: at the reported slack no level choice passes the check with a larger one.
 */
class GlobalSynthesisTest {

    static SystemSpec global(Random rnd) {
        int n = 2 + rnd.nextInt(3);
        int m = 2 + rnd.nextInt(3);
        double load = 0.05 + 0.35 * rnd.nextDouble();
        return SynthesisSpecs.global(rnd, n, m, rnd.nextBoolean() ? Protocol.GANG_GREEDY : Protocol.GANG_STRICT, load);
    }

    @net.jqwik.api.Property(tries = 40)
    void answersReverifyAndAreOptimalAsClaimed(@ForAll long seed) {
        SystemSpec spec = global(new Random(seed));
        SynthesisResult r = new GlobalSynthesis().synthesize(spec, Duration.ofSeconds(30));
        Statistics.label("status").collect(r.status());
        List<int[]> choices = new ArrayList<>();
        enumerate(spec, 0, new int[spec.tasks().size()], choices);
        Optional<Long> bruteAnyOrder = Optional.empty();
        boolean ownPriorities = false;
        for (int[] level : choices) {
            SystemSpec s = GlobalSynthesis.candidate(spec, level, FailingCore.all(spec.tasks().size()), 0).orElseThrow();
            ownPriorities |= slack(s).isPresent();
            for (List<Integer> order : PriorityOrders.permutations(spec.tasks().size())) {
                Optional<Long> sl = slack(PriorityOrders.withOrder(s, order));
                if (sl.isPresent() && (bruteAnyOrder.isEmpty() || sl.get() > bruteAnyOrder.get())) {
                    bruteAnyOrder = sl;
                }
            }
        }
        if (spec.scheduler().protocol() == Protocol.GANG_GREEDY) {
            assertThat(r.found()).as(r.explanation()).isEqualTo(bruteAnyOrder.isPresent());
        } else if (ownPriorities) {
            assertThat(r.found()).as(r.explanation()).isTrue();
        }
        if (!r.found()) {
            assertThat(r.status()).as(r.explanation()).isEqualTo(SynthesisResult.Status.INFEASIBLE);
            return;
        }
        assertThat(r.status()).as(r.explanation()).isEqualTo(SynthesisResult.Status.OPTIMAL);
        SystemSpec out = r.spec().orElseThrow();
        assertThat(slack(out)).contains(r.smallestSlack());
        assertThat(ProofCheck.prove(out, new Property.Deadlines(Optional.empty()), Optional.empty(),
                Duration.ofSeconds(30))).isInstanceOf(ProofOutcome.Proved.class);
        assertThat(out.tasks()).allMatch(Task::levelFixed);
        assertThat(out.tasks().stream().map(Task::priority).distinct().count()).isEqualTo(out.tasks().size());
        assertThat(r.smallestSlack()).isLessThanOrEqualTo(bruteAnyOrder.orElseThrow());
        Statistics.label("slack equals the brute-force optimum over every order")
                .collect(r.smallestSlack() == bruteAnyOrder.get());
        for (int[] level : choices) {
            Optional<GlobalSynthesis.Verdict> v = GlobalSynthesis.candidate(spec, level, FailingCore.all(spec.tasks().size()),
                    r.smallestSlack() + 1).map(GlobalSynthesis.GLOBAL_FP::check);
            assertThat(v).isNotEqualTo(Optional.of(new GlobalSynthesis.Verdict.GaveUp()));
            if (v.isPresent() && v.get() instanceof GlobalSynthesis.Verdict.Pass pass) {
                Optional<SystemSpec> p = Optional.of(pass.spec());
                SystemSpec real = GlobalSynthesis.candidate(spec, level, FailingCore.all(spec.tasks().size()), 0).orElseThrow();
                List<Integer> order = new ArrayList<>();
                for (Task t : real.tasks()) {
                    order.add(p.get().task(t.name()).priority());
                }
                assertThat(slack(PriorityOrders.withOrder(real, order)).orElse(Long.MIN_VALUE))
                        .isLessThanOrEqualTo(r.smallestSlack());
            }
        }
    }

    @Test
    void pinnedPlacementIsLeftToPinnedSynthesis() {
        SystemSpec g = global(new Random(1));
        SystemSpec pinned = new SystemSpec(g.name(), g.resolution(), g.platform(), g.dnns(), g.tasks(),
                new Scheduler(Placement.PINNED, Policy.FP, Protocol.GANG_STRICT), g.properties(), g.exploration());
        SynthesisResult r = new GlobalSynthesis().synthesize(pinned, Duration.ofSeconds(5));
        assertThat(r.status()).isEqualTo(SynthesisResult.Status.NOT_APPLICABLE);
        assertThat(r.explanation()).contains("PinnedSynthesis");
    }

    /** The smallest slack under the test the synthesis optimises for, when it accepts every task. */
    static Optional<Long> slack(SystemSpec s) {
        return PriorityOrders.smallestSlack(s, GlobalSynthesis.test(s).analyze(s));
    }

    private static void enumerate(SystemSpec spec, int at, int[] cur, List<int[]> out) {
        if (at == cur.length) {
            out.add(cur.clone());
            return;
        }
        for (int k : GlobalSynthesis.levels(spec, spec.tasks().get(at))) {
            cur[at] = k;
            enumerate(spec, at + 1, cur, out);
        }
    }
}
