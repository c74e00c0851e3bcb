package io.gangproof.smt.synthesis;

import io.gangproof.analysis.PartitionGroupCheck;
import io.gangproof.spec.Policy;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The claim synthesis' blocking clauses rest on (docs/smt.md, "Synthesis"): removing a task from a
 * partition never makes another task's bound larger, so a group that fails keeps failing with more
 * tasks, and a group that passes (at any slack threshold) keeps passing with fewer. Random groups
 * include shared DNNs with reloads (removing a task can turn per-job reload into a one-time reload).
 */
class SynthesisMonotonicityTest {

    @Property(tries = 400)
    void removingATaskNeverRaisesAnotherTasksBound(@ForAll long seed) {
        Random rnd = new Random(seed);
        int m = 1 + rnd.nextInt(4);
        SystemSpec s = SynthesisSpecs.random(rnd, 2 + rnd.nextInt(5), m, Policy.FP, false, 0.1 + 0.9 * rnd.nextDouble());
        int size = 1 + rnd.nextInt(m);
        List<Task> order = new ArrayList<>(s.tasks());
        Collections.shuffle(order, rnd);
        List<Task> fewer = new ArrayList<>(order);
        Task removed = fewer.remove(rnd.nextInt(fewer.size()));
        PartitionGroupCheck fp = new PartitionGroupCheck(Policy.FP, s.resolution());
        Map<String, Optional<Long>> all = fp.responsesInOrder(size, order);
        Map<String, Optional<Long>> sub = fp.responsesInOrder(size, fewer);
        for (Task t : fewer) {
            if (all.get(t.name()).isPresent()) {
                assertThat(sub.get(t.name())).as("%s without %s", t.name(), removed.name()).isPresent();
                assertThat(sub.get(t.name()).get()).as("%s without %s", t.name(), removed.name())
                        .isLessThanOrEqualTo(all.get(t.name()).get());
                Statistics.label("bound").collect(sub.get(t.name()).get() < all.get(t.name()).get() ? "smaller" : "same");
            }
        }
    }

    @Property(tries = 400)
    void aPassingGroupPassesWithoutAnyOfItsTasks(@ForAll long seed) {
        Random rnd = new Random(seed);
        int m = 1 + rnd.nextInt(4);
        Policy policy = rnd.nextBoolean() ? Policy.FP : Policy.EDF;
        SystemSpec s = SynthesisSpecs.random(rnd, 2 + rnd.nextInt(5), m, policy, false, 0.05 + 0.5 * rnd.nextDouble());
        int size = 1 + rnd.nextInt(m);
        PartitionGroupCheck test = new PartitionGroupCheck(policy, s.resolution());
        long theta = rnd.nextInt(4) == 0 ? -1 : rnd.nextInt(20);
        PartitionGroupCheck.Outcome whole = test.check(size, s.tasks(), theta);
        Statistics.label("whole group").collect(whole.verdict());
        List<Task> fewer = new ArrayList<>(s.tasks());
        fewer.remove(rnd.nextInt(fewer.size()));
        PartitionGroupCheck.Outcome sub = test.check(size, fewer, theta);
        if (whole.passes()) {
            assertThat(sub.passes()).as("subset at threshold %d: %s", theta, sub.reason()).isTrue();
            if (policy == Policy.FP) {
                assertThat(test.best(size, fewer).minSlack()).isGreaterThanOrEqualTo(test.best(size, s.tasks()).minSlack());
            }
        }
        if (sub.verdict() == PartitionGroupCheck.Verdict.FAIL) {
            assertThat(whole.passes()).isFalse();
        }
    }
}
