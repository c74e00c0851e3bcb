package io.gangproof.analysis;

import io.gangproof.spec.Arrival;
import io.gangproof.spec.Binding;
import io.gangproof.spec.Dnn;
import io.gangproof.spec.Latency;
import io.gangproof.spec.Pipeline;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.Scheduler;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class AssignmentTest {
    private static final Scheduler PART_FP = new Scheduler(Placement.PARTITIONED, Policy.FP, Protocol.GANG_STRICT);

    /** Audsley is optimal for this test: it fails only when no permutation of priorities passes. */
    @Property(tries = 400)
    void audsleyFindsAnOrderWheneverOneExists(@ForAll long seed) {
        Random rnd = new Random(seed);
        SystemSpec s = TestSpecs.random(rnd, PART_FP);
        boolean exists = anyPermutationPasses(s);
        AssignmentResult a = new AudsleyPriorityAssignment().assign(s);
        Statistics.label("some order passes").collect(exists);
        assertThat(a.found()).as(AnalysisSoundnessTest.describe(s)).isEqualTo(exists);
        if (a.found()) {
            SystemSpec out = a.spec().get();
            assertThat(new NpFpResponseTime().analyze(out).allSchedulable()).isTrue();
            assertThat(out.tasks().stream().map(Task::priority).distinct().count()).isEqualTo(out.tasks().size());
        }
    }

    private static boolean anyPermutationPasses(SystemSpec s) {
        List<Integer> prios = new ArrayList<>();
        for (Task t : s.tasks()) {
            prios.add(t.priority());
        }
        return permute(s, prios, 0);
    }

    private static boolean permute(SystemSpec s, List<Integer> p, int from) {
        if (from == p.size()) {
            List<Task> ts = new ArrayList<>();
            for (int x = 0; x < p.size(); x++) {
                Task t = s.tasks().get(x);
                ts.add(new Task(t.name(), t.dnn(), t.arrival(), t.deadline(), t.jitter(), p.get(x), t.levels(), t.binding()));
            }
            return new NpFpResponseTime().analyze(AudsleyPriorityAssignment.withTasks(s, ts)).allSchedulable();
        }
        for (int x = from; x < p.size(); x++) {
            java.util.Collections.swap(p, from, x);
            boolean ok = permute(s, p, from + 1);
            java.util.Collections.swap(p, from, x);
            if (ok) {
                return true;
            }
        }
        return false;
    }

    @Test
    void integerPartitionsComeLargestPartFirst() {
        assertThat(PartitionAssignment.integerPartitions(4)).containsExactly(List.of(4), List.of(3, 1), List.of(2, 2),
                List.of(2, 1, 1), List.of(1, 1, 1, 1));
        assertThat(PartitionAssignment.integerPartitions(8)).hasSize(22);
    }

    /**
     * Hand-worked: 4 TPUs, three DNN tasks that may run on 1, 2 or 4 TPUs. One big pipeline cannot
     * hold all three (sum of wcet(4) = 9 > the shortest deadline allows), but {2, 2} or {2, 1, 1}
     * can. The result is a fully resolved partitioned spec that the analysis accepts.
     */
    @Test
    void choosesPipelinesAndLevels() {
        Dnn fast = table("fast", 6, 4, 3);
        Dnn mid = table("mid", 5, 3, 3);
        Dnn slow = table("slow", 8, 5, 3);
        List<Task> ts = List.of(choose("a", fast, 10, 1), choose("b", mid, 10, 2), choose("c", slow, 12, 3));
        SystemSpec s = TestSpecs.spec("choose", 4, List.of(), ts, PART_FP);
        assertThat(new NpFpResponseTime().appliesTo(s)).isFalse();
        AssignmentResult a = new PartitionAssignment(true).assign(s);
        assertThat(a.found()).as(a.explanation()).isTrue();
        SystemSpec out = a.spec().get();
        assertResolvedAndSchedulable(out);
        assertThat(out.platform().pipelines()).extracting(Pipeline::name).allMatch(n -> n.matches("p\\d+"));
        assertThat(TaskTableRenderer.render(out, new NpFpResponseTime().analyze(out)))
                .contains("pipeline").contains("p0").contains("ok");
    }

    @Property(tries = 300)
    void assignmentsAreResolvedAndAccepted(@ForAll long seed) {
        Random rnd = new Random(seed);
        Policy policy = rnd.nextBoolean() ? Policy.FP : Policy.EDF;
        SystemSpec base = TestSpecs.random(rnd, new Scheduler(Placement.PARTITIONED, policy, Protocol.GANG_STRICT));
        int m = 1 + rnd.nextInt(4);
        List<Task> ts = new ArrayList<>();
        for (Task t : base.tasks()) {
            TreeSet<Integer> levels = new TreeSet<>();
            for (int k = 1; k <= m; k++) {
                if (t.dnn().supports(k) && (levels.isEmpty() || rnd.nextBoolean())) {
                    levels.add(k);
                }
            }
            if (levels.isEmpty()) {
                levels.add(t.dnn().levels().first());
            }
            ts.add(new Task(t.name(), t.dnn(), t.arrival(), t.deadline(), t.jitter(), t.priority(), levels,
                    new Binding.ChoosePipeline()));
        }
        SystemSpec s = TestSpecs.spec("random-choose", Math.max(m, 1), List.of(), ts, base.scheduler());
        AssignmentResult a = new PartitionAssignment(rnd.nextBoolean()).assign(s);
        Statistics.label("found").collect(a.found());
        if (a.found()) {
            assertResolvedAndSchedulable(a.spec().get());
        }
    }

    private static void assertResolvedAndSchedulable(SystemSpec out) {
        Set<Integer> seen = new HashSet<>();
        for (Pipeline p : out.platform().pipelines()) {
            for (int x : p.tpus()) {
                assertThat(seen.add(x)).as("pipelines are disjoint").isTrue();
                assertThat(x).isBetween(0, out.platform().tpus() - 1);
            }
        }
        for (Task t : out.tasks()) {
            assertThat(t.binding()).isInstanceOf(Binding.OnPipeline.class);
            assertThat(t.levelFixed()).isTrue();
            String p = ((Binding.OnPipeline) t.binding()).pipeline();
            assertThat(out.platform().pipeline(p)).isPresent();
            assertThat(out.platform().pipeline(p).get().size()).isEqualTo(t.level());
        }
        ResponseTimeAnalysis test = AnalysisCatalog.forSpec(out).orElseThrow();
        assertThat(test.analyze(out).allSchedulable()).isTrue();
    }

    private static Dnn table(String name, long c1, long c2, long c4) {
        Map<Integer, Latency> t = new TreeMap<>();
        t.put(1, Latency.exactly(c1));
        t.put(2, Latency.exactly(c2));
        t.put(4, Latency.exactly(c4));
        return TestSpecs.dnn(name, 0, t);
    }

    private static Task choose(String n, Dnn d, long period, int prio) {
        return new Task(n, d, new Arrival.Sporadic(period), period, 0, prio, new TreeSet<>(List.of(1, 2, 4)),
                new Binding.ChoosePipeline());
    }

    /** One task, 2 TPUs: wcet(1) = 6 has the least TPU-time but misses D = 5; wcet(2) = 4 meets it. */
    @Test
    void globalLevelAssignmentTakesTheLevelThatMeetsTheDeadline() {
        Map<Integer, Latency> t = new TreeMap<>();
        t.put(1, Latency.exactly(6));
        t.put(2, Latency.exactly(4));
        Task a = new Task("a", TestSpecs.dnn("net", 0, t), new Arrival.Sporadic(10), 5, 0, 1, new TreeSet<>(List.of(1, 2)),
                new Binding.AnyTpus());
        SystemSpec s = TestSpecs.spec("levels", 2, List.of(), List.of(a),
                new Scheduler(Placement.GLOBAL, Policy.FP, Protocol.GANG_STRICT));
        AssignmentResult r = new GlobalLevelAssignment().assign(s);
        assertThat(r.found()).as(r.explanation()).isTrue();
        assertThat(r.spec().get().task("a").level()).isEqualTo(2);
    }

    @Property(tries = 200)
    void globalLevelAssignmentsAreFixedAndAccepted(@ForAll long seed) {
        Random rnd = new Random(seed);
        Protocol p = rnd.nextBoolean() ? Protocol.GANG_STRICT : Protocol.GANG_GREEDY;
        SystemSpec base = TestSpecs.random(rnd, new Scheduler(Placement.GLOBAL, Policy.FP, p));
        List<Task> ts = new ArrayList<>();
        for (Task t : base.tasks()) {
            ts.add(new Task(t.name(), t.dnn(), t.arrival(), t.deadline(), t.jitter(), t.priority(),
                    new TreeSet<>(t.dnn().levels()), t.binding()));
        }
        SystemSpec s = AudsleyPriorityAssignment.withTasks(base, ts);
        AssignmentResult a = new GlobalLevelAssignment().assign(s);
        Statistics.label("found").collect(a.found());
        if (a.found()) {
            SystemSpec out = a.spec().get();
            assertThat(out.tasks()).allMatch(Task::levelFixed);
            assertThat(AnalysisCatalog.forSpec(out).orElseThrow().analyze(out).allSchedulable()).isTrue();
        }
    }

    /** Nothing to place, but the declared pipeline is overloaded: the assignment must not bless it. */
    @Test
    void partitionAssignmentChecksDeclaredPipelinesToo() {
        Binding p0 = new Binding.OnPipeline("p0");
        List<Task> ts = List.of(
                TestSpecs.task("a", TestSpecs.flat("x", 6, 0, 1), new Arrival.Sporadic(10), 10, 0, 1, 1, p0),
                TestSpecs.task("b", TestSpecs.flat("y", 6, 0, 1), new Arrival.Sporadic(10), 10, 0, 2, 1, p0));
        SystemSpec s = TestSpecs.spec("overloaded", 2, List.of(new Pipeline("p0", List.of(0))), ts, PART_FP);
        assertThat(new PartitionAssignment(false).assign(s).found()).isFalse();
        assertThat(new PartitionAssignment(true).assign(s).found()).isFalse();
    }
}
