package io.gangproof.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.scheduler.check.TraceChecker;
import io.gangproof.scheduler.check.Violation;
import io.gangproof.scheduler.replay.Replayer;
import io.gangproof.scheduler.replay.ReplayResult;
import io.gangproof.scheduler.scenario.RandomScenarios;
import io.gangproof.scheduler.trace.JobRecord;
import io.gangproof.scheduler.trace.Occupancy;
import io.gangproof.scheduler.trace.Trace;
import io.gangproof.scheduler.trace.TraceJson;
import io.gangproof.spec.Placement;
import io.gangproof.scheduler.Scenario;
import io.gangproof.spec.SystemSpec;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.LongRange;

/** Every trace written can be read back and replayed to the same result; schedules obey §5's invariants. */
class RoundTripPropertyTest {
    @Property(tries = 300)
    void writtenTracesReadBackAndReplayToTheSameResult(@ForAll long specSeed, @ForAll boolean contended,
            @ForAll long scenarioSeed, @ForAll @LongRange(min = 0, max = 60) long horizon) {
        SystemSpec spec = RandomSpecs.generate(specSeed, contended);
        Trace t = ReferenceScheduler.run(spec, RandomScenarios.generate(spec, horizon, scenarioSeed), horizon);
        List<Violation> violations = TraceChecker.checkAll(spec, t);
        Trace claimed = t.withViolations(violations);
        Trace back = TraceJson.read(TraceJson.write(claimed));
        assertThat(back).isEqualTo(claimed);
        assertThat(TraceJson.readScenario(TraceJson.writeScenario(t.scenario()))).isEqualTo(t.scenario());
        assertThat(TraceChecker.checkAll(spec, back)).isEqualTo(violations);
        ReplayResult r = Replayer.replay(spec, back);
        if (violations.isEmpty()) {
            assertThat(r).isInstanceOf(ReplayResult.Reproduced.class);
        } else {
            assertThat(r).isInstanceOf(ReplayResult.Confirmed.class);
            assertThat(((ReplayResult.Confirmed) r).violations()).isEqualTo(violations);
        }
    }

    @Property(tries = 400)
    void agreesWithALiteralTickByTickReadingOfTheRules(@ForAll long specSeed, @ForAll boolean contended,
            @ForAll long scenarioSeed, @ForAll @LongRange(min = 0, max = 60) long horizon) {
        SystemSpec spec = RandomSpecs.generate(specSeed, contended);
        Scenario scenario = RandomScenarios.generate(spec, horizon, scenarioSeed);
        Trace t = ReferenceScheduler.run(spec, scenario, horizon);
        LiteralScheduler literal = LiteralScheduler.run(spec, scenario, horizon);
        var expected = literal.byId();
        assertThat(t.jobs()).hasSize(expected.size());
        for (JobRecord j : t.jobs()) {
            LiteralScheduler.Job e = expected.get(j.id());
            assertThat(j.start()).as(j.id() + " start").isEqualTo(e.start);
            assertThat(j.tpus()).as(j.id() + " TPUs").isEqualTo(e.taken);
            assertThat(j.acquisitions()).extracting(a -> a.time()).as(j.id() + " acquisition times").isEqualTo(e.takenAt);
            if (j.start().isPresent()) {
                assertThat(j.reloadTime()).as(j.id() + " reload").isEqualTo(e.reload);
            }
        }
        long firstDeadlock = t.deadlocks().isEmpty() ? -1 : t.deadlocks().get(0).time();
        assertThat(firstDeadlock).isEqualTo(literal.firstDeadlock);
        // Shows in the jqwik report that the generator reaches every protocol, waiting and deadlocks.
        Statistics.label("protocol").collect(spec.scheduler().protocol());
        Statistics.label("some job waited").collect(t.jobs().stream()
                .anyMatch(j -> j.start().isEmpty() || j.start().getAsLong() > j.release()));
        Statistics.label("deadlock").collect(firstDeadlock >= 0);
    }

    @Property(tries = 300)
    void schedulesObeyTheExecutionRules(@ForAll long specSeed, @ForAll long scenarioSeed,
            @ForAll @LongRange(min = 0, max = 80) long horizon) {
        SystemSpec spec = RandomSpecs.generate(specSeed);
        ExecutableSpec x = ExecutableSpec.of(spec);
        Trace t = ReferenceScheduler.run(spec, RandomScenarios.generate(spec, horizon, scenarioSeed), horizon);
        for (JobRecord j : t.jobs()) {
            int task = x.taskIndex(j.task());
            if (j.start().isPresent()) {
                long s = j.start().getAsLong();
                assertThat(s).isGreaterThanOrEqualTo(j.release());
                assertThat(j.tpus()).hasSize(x.level(task)).doesNotHaveDuplicates();
                assertThat(j.acquisitions()).allSatisfy(a -> assertThat(a.time()).isBetween(j.release(), s));
                if (spec.scheduler().placement() != Placement.GLOBAL) {
                    assertThat(j.tpus()).containsExactlyInAnyOrderElementsOf(spec.eligibleTpus(spec.task(j.task())));
                }
                if (!spec.scheduler().protocol().perTpu()) {
                    assertThat(j.acquisitions()).allSatisfy(a -> assertThat(a.time()).isEqualTo(s));
                }
                assertThat(j.reloadTime()).isIn(0L, spec.task(j.task()).dnn().reload());
            } else {
                assertThat(j.finish()).isEmpty();
            }
            if (j.finish().isPresent()) {
                assertThat(j.finish().getAsLong()).isEqualTo(j.end().getAsLong()).isLessThanOrEqualTo(horizon);
            }
        }
        assertThat(t.occupancy()).isEqualTo(Occupancy.of(t.jobs(), horizon));
        // A TPU is held by at most one job at a time.
        List<Occupancy> occ = t.occupancy();
        for (int i = 1; i < occ.size(); i++) {
            Occupancy a = occ.get(i - 1);
            Occupancy b = occ.get(i);
            if (a.tpu() == b.tpu() && !a.job().equals(b.job())) {
                assertThat(b.from()).as("TPU %d: %s then %s", a.tpu(), a, b).isGreaterThanOrEqualTo(a.to());
            }
        }
        // Gang protocols cannot deadlock: nobody holds while waiting.
        if (!spec.scheduler().protocol().perTpu()) {
            assertThat(t.deadlocks()).isEmpty();
        }
    }
}
