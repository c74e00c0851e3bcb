package io.gangproof.analysis;

import io.gangproof.spec.Arrival;
import io.gangproof.spec.Binding;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import static io.gangproof.analysis.TestSpecs.flat;
import static io.gangproof.analysis.TestSpecs.spec;
import static io.gangproof.analysis.TestSpecs.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code global-fp-serial} (docs/analysis.md §5e): sound against the brute-force simulator on
 * small random serialised specs (every task wider than half the platform), under both gang
 * protocols; a mutant without the blocking term is caught; where it does not apply it says so.
 */
class GlobalSerialSoundnessTest {
    private static final Scheduler STRICT = new Scheduler(Placement.GLOBAL, Policy.FP, Protocol.GANG_STRICT);
    private static final Scheduler GREEDY = new Scheduler(Placement.GLOBAL, Policy.FP, Protocol.GANG_GREEDY);

    @Property(tries = 300)
    void serialBoundsHold(@ForAll long seed) {
        Random rnd = new Random(seed);
        SystemSpec spec = serialised(rnd, rnd.nextBoolean() ? STRICT : GREEDY);
        AnalysisResult r = AnalysisSoundnessTest.check(rnd, spec, new GlobalSerialResponseTime(), true);
        Statistics.label("all schedulable").collect(r.allSchedulable());
        Statistics.label("some task bounded").collect(r.tasks().stream().anyMatch(b -> b.responseBound().isPresent()));
    }

    /** A random small global spec with every level moved into (m/2, m] and periods long enough for one processor. */
    static SystemSpec serialised(Random rnd, Scheduler s) {
        SystemSpec base = TestSpecs.random(rnd, s);
        int m = base.platform().tpus();
        int n = base.tasks().size();
        List<Task> tasks = new ArrayList<>();
        for (Task t : base.tasks()) {
            int k = m / 2 + 1 + rnd.nextInt(m - m / 2);
            long c = t.dnn().wcet(k) + t.dnn().reload();
            long period = c + 1 + rnd.nextInt((int) (c * (n + 1) + 2 * n + 4));
            long deadline = rnd.nextBoolean() ? period : Math.max(1, period - rnd.nextInt((int) period));
            Arrival arrival = switch (rnd.nextInt(3)) {
                case 0 -> new Arrival.Periodic(period, rnd.nextInt((int) period));
                case 1 -> new Arrival.PeriodicAnyOffset(period);
                default -> new Arrival.Sporadic(period);
            };
            tasks.add(new Task(t.name(), t.dnn(), arrival, deadline, t.jitter(), t.priority(),
                    new TreeSet<>(List.of(k)), new Binding.AnyTpus()));
        }
        return spec(base.name(), m, List.of(), tasks, s);
    }

    /** The mutant: the uniprocessor analysis without the lower-priority blocking term. */
    private static final class NoBlocking implements ResponseTimeAnalysis {
        @Override
        public String name() {
            return "mutant-no-blocking";
        }

        @Override
        public boolean appliesTo(SystemSpec spec) {
            return true;
        }

        @Override
        public AnalysisResult analyze(SystemSpec spec) {
            List<ChargedTask> ts = GlobalSerialResponseTime.serialView(spec).view().orElseThrow().byPriority();
            Map<String, TaskBound> byName = new HashMap<>();
            for (int x = 0; x < ts.size(); x++) {
                byName.put(ts.get(x).name(), new NpFpResponseTime().analyseTask(ts.get(x), ts.subList(0, x), List.of(), 0));
            }
            return new AnalysisResult(name(), spec.name(), GlobalView.inSpecOrder(spec, byName));
        }
    }

    /** m = 3, both tasks on all TPUs: L (C = 3) starts at 0, H (C = 1) arrives at 1 and waits 2 ticks. */
    private static SystemSpec blockedOnce(Scheduler s) {
        return spec("blocked", 3, List.of(), List.of(
                task("h", flat("dh", 1, 0, 3), new Arrival.Periodic(10, 1), 10, 0, 1, 3, new Binding.AnyTpus()),
                task("l", flat("dl", 3, 0, 3), new Arrival.Periodic(10, 0), 10, 0, 2, 3, new Binding.AnyTpus())), s);
    }

    @Test
    void blockingIsCMinusOneAndItsMutantIsCaught() {
        for (Scheduler s : List.of(STRICT, GREEDY)) {
            SystemSpec spec = blockedOnce(s);
            AnalysisResult r = AnalysisSoundnessTest.check(new Random(1), spec, new GlobalSerialResponseTime(), true);
            assertThat(r.tasks().get(0).responseBound()).as(s.describe()).contains(3L);
            assertThatThrownBy(() -> AnalysisSoundnessTest.check(new Random(1), spec, new NoBlocking(), true))
                    .as(s.describe()).isInstanceOf(AssertionError.class).hasMessageContaining("response of h");
        }
    }

    @Test
    void theRandomCampaignCatchesTheMutantToo() {
        int caught = 0;
        for (long seed = 0; seed < 200 && caught == 0; seed++) {
            Random rnd = new Random(seed);
            SystemSpec spec = serialised(rnd, STRICT);
            try {
                AnalysisSoundnessTest.check(rnd, spec, new NoBlocking(), true);
            } catch (AssertionError expected) {
                caught++;
            }
        }
        assertThat(caught).isPositive();
    }

    /** The uniprocessor-like set of docs/analysis.md §10b (C = 1, so no blocking): the window test rejects it, this test proves it. */
    @Test
    void threeFullWidthTasksAreOneProcessor() {
        List<Task> ts = new ArrayList<>();
        long[] periods = {2, 4, 5};
        for (int x = 0; x < 3; x++) {
            ts.add(task("t" + x, flat("d" + x, 1, 0, 3), new Arrival.Sporadic(periods[x]), periods[x], 0, x + 1, 3,
                    new Binding.AnyTpus()));
        }
        SystemSpec spec = spec("uni", 3, List.of(), ts, STRICT);
        AnalysisResult serial = AnalysisSoundnessTest.check(new Random(3), spec, new GlobalSerialResponseTime(), true);
        assertThat(serial.allSchedulable()).isTrue();
        assertThat(serial.tasks()).extracting(b -> b.responseBound().orElseThrow()).containsExactly(1L, 2L, 4L);
        assertThat(GlobalGangStrictResponseTime.tightest().analyze(spec).allSchedulable()).isFalse();
    }

    @Test
    void notApplicableWhereTwoJobsCanRunAtOnce() {
        // One task of width 2 on 4 TPUs: two of its own jobs fit side by side.
        SystemSpec own = spec("own", 4, List.of(), List.of(task("a", flat("da", 3, 0, 4), new Arrival.Sporadic(4), 4, 2, 1,
                2, new Binding.AnyTpus())), STRICT);
        GlobalSerialResponseTime a = new GlobalSerialResponseTime();
        assertThat(a.appliesTo(own)).isFalse();
        TaskBound b = a.analyze(own).tasks().get(0);
        assertThat(b.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(b.reason()).contains("at most half");
        assertThat(b.responseBound()).isEmpty();
        SystemSpec edf = spec("edf", 3, List.of(), blockedOnce(STRICT).tasks(),
                new Scheduler(Placement.GLOBAL, Policy.EDF, Protocol.GANG_STRICT));
        assertThat(a.appliesTo(edf)).isFalse();
    }
}
