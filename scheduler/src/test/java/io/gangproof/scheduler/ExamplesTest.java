package io.gangproof.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.scheduler.check.TraceChecker;
import io.gangproof.scheduler.check.Violation;
import io.gangproof.scheduler.scenario.SynchronousScenario;
import io.gangproof.scheduler.trace.JobRecord;
import io.gangproof.scheduler.trace.Trace;
import io.gangproof.spec.Bound;
import io.gangproof.spec.Property;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.SystemSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The two examples of semantics §6, computed by hand there. */
class ExamplesTest {
    private static Trace starvation(Protocol protocol, long horizon) {
        SystemSpec spec = SpecFixture.starvation(protocol);
        return ReferenceScheduler.run(spec, SynchronousScenario.withArrivals(spec, horizon, Map.of("H", List.of(1L))), horizon);
    }

    @Test
    void gangGreedyStarvesTheWideJob() {
        Trace t = starvation(Protocol.GANG_GREEDY, 40);
        JobRecord h = t.job("H#0");
        assertThat(h.start()).isEmpty();
        // A runs [0,3) [4,7) ... on TPU 0, B [2,5) [6,9) ... on TPU 1: never both free.
        assertThat(t.job("A#1").start()).hasValue(4);
        assertThat(t.job("B#0").start()).hasValue(2);
        assertThat(t.job("B#0").tpus()).containsExactly(1);
        SystemSpec spec = SpecFixture.starvation(Protocol.GANG_GREEDY);
        List<Violation> misses = TraceChecker.check(spec, t, new Property.Deadlines(Optional.empty()));
        assertThat(misses).extracting(Violation::jobs).containsExactly(List.of("H#0"));
        assertThat(misses.get(0).time()).isEqualTo(11);
        // Overtakes grow with the horizon: in [1, 40) A#1..A#9 and B#0..B#9 start on H's TPUs.
        List<Violation> over = TraceChecker.check(spec, t, new Property.Overtakes("H", new Bound.Value(18)));
        assertThat(over).hasSize(1);
        assertThat(over.get(0).value()).isEqualTo(19);
        Trace longer = starvation(Protocol.GANG_GREEDY, 400);
        assertThat(TraceChecker.check(spec, longer, new Property.Overtakes("H", new Bound.Value(18))).get(0).value())
                .isEqualTo(199);
    }

    @Test
    void gangStrictMovesTheCostToB() {
        Trace t = starvation(Protocol.GANG_STRICT, 12);
        assertThat(t.job("H#0").start()).hasValue(3);
        assertThat(t.job("H#0").finish()).hasValue(4);
        assertThat(t.job("B#0").start()).hasValue(4);
        assertThat(t.job("B#0").finish()).hasValue(7);
        assertThat(t.job("A#1").start()).hasValue(4);
        assertThat(t.job("A#1").tpus()).containsExactly(0);
        assertThat(t.job("B#0").tpus()).containsExactly(1);
        SystemSpec spec = SpecFixture.starvation(Protocol.GANG_STRICT);
        List<Violation> misses = TraceChecker.check(spec, t, new Property.Deadlines(Optional.empty()));
        assertThat(misses).extracting(Violation::jobs).first().isEqualTo(List.of("B#0"));
        assertThat(misses.get(0).time()).isEqualTo(6);
        assertThat(TraceChecker.check(spec, t, new Property.Deadlines(Optional.of("H")))).isEmpty();
    }

    @Test
    void perTpuListedDeadlocksAtThree() {
        SystemSpec spec = SpecFixture.deadlock(Protocol.PER_TPU_LISTED);
        Trace t = ReferenceScheduler.run(spec, SynchronousScenario.of(spec, 19), 19);
        assertThat(t.deadlocks()).hasSize(1);
        assertThat(t.deadlocks().get(0).time()).isEqualTo(3);
        assertThat(t.deadlocks().get(0).jobs()).containsExactly("B#0", "A#0");
        assertThat(t.deadlocks().get(0).tpus()).containsExactly(0, 1);
        assertThat(t.job("A#0").acquisitions()).extracting(a -> a.tpu() + "@" + a.time()).containsExactly("0@1");
        assertThat(t.job("B#0").acquisitions()).extracting(a -> a.tpu() + "@" + a.time()).containsExactly("1@3");
        assertThat(t.job("A#0").start()).isEmpty();
        List<Violation> v = TraceChecker.check(spec, t, new Property.DeadlockFree());
        assertThat(v).hasSize(1);
        assertThat(v.get(0).time()).isEqualTo(3);
    }

    @Test
    void perTpuAscendingCompletesEveryJob() {
        SystemSpec spec = SpecFixture.deadlock(Protocol.PER_TPU_ASCENDING);
        Trace t = ReferenceScheduler.run(spec, SynchronousScenario.of(spec, 19), 19);
        assertThat(t.deadlocks()).isEmpty();
        assertThat(t.job("C#0").finish()).hasValue(3);
        // A takes TPU 0 at 1 and TPU 1 at 3; B waits for TPU 0 from 2 on and gets both at 5.
        assertThat(t.job("A#0").acquisitions()).extracting(a -> a.tpu() + "@" + a.time()).containsExactly("0@1", "1@3");
        assertThat(t.job("A#0").start()).hasValue(3);
        assertThat(t.job("A#0").finish()).hasValue(5);
        assertThat(t.job("B#0").acquisitions()).extracting(a -> a.tpu() + "@" + a.time()).containsExactly("0@5", "1@5");
        assertThat(t.job("B#0").finish()).hasValue(7);
        assertThat(TraceChecker.check(spec, t, new Property.DeadlockFree())).isEmpty();
        assertThat(TraceChecker.check(spec, t, new Property.Deadlines(Optional.empty()))).isEmpty();
    }
}
