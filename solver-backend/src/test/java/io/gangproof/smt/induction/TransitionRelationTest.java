package io.gangproof.smt.induction;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.scheduler.ReferenceScheduler;
import io.gangproof.scheduler.Scenario;
import io.gangproof.scheduler.scenario.RandomScenarios;
import io.gangproof.scheduler.trace.JobRecord;
import io.gangproof.scheduler.trace.Trace;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.Scheduler;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.format.SpecWriter;
import io.gangproof.spec.testing.SpecArbitraries;
import io.gangproof.spec.testing.SpecGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.TreeSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/**
 * The relation describes the reference scheduler: on random small specs and random scenarios,
 * every instant of the trace steps from the abstraction of the previous instant to the
 * abstraction of this one with the trace's releases and finishes as inputs, and under fp (the
 * exact part: the dispatch is a function of state and inputs) to no other successor.
 */
class TransitionRelationTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Provide
    Arbitrary<SystemSpec> specs() {
        return SpecArbitraries.within(new SpecGenerator.Limits(3, 4, 2, 2, 8, 4, 1, 1, true));
    }

    @Property(tries = 15)
    void everyInstantOfTheReferenceSchedulerIsAStepOfTheRelation(@ForAll("specs") SystemSpec generated,
            @ForAll Policy policy, @ForAll Protocol protocol, @ForAll @LongRange(min = 0, max = 1000) long seed) {
        SystemSpec spec = variant(generated, policy, protocol);
        int checked = agreeOnOneScenario(spec, 16, seed);
        Statistics.label("policy").collect(spec.scheduler().describe());
        Statistics.label("instants checked").collect(checked > 4 ? "> 4" : Integer.toString(checked));
    }

    /** The examples of semantics §6, where the protocols differ most, under several scenarios each. */
    @Test
    void theBundledExamplesOfEveryProtocolAgree() {
        for (String file : List.of("starvation-strict.gang", "starvation-greedy.gang", "deadlock-per-tpu.gang",
                "deadlock-free-ascending.gang", "timing-anomaly.gang")) {
            SystemSpec spec = KInductionTest.load(file);
            for (long seed = 0; seed < 3; seed++) {
                assertThat(agreeOnOneScenario(spec, 24, seed)).as(file).isPositive();
            }
        }
    }

    /** Checks every instant of one random scenario; returns the number of instants checked. */
    private static int agreeOnOneScenario(SystemSpec spec, long horizon, long seed) {
        ProtocolModel m = ProtocolModel.of(spec, new ArrayList<>()).orElseThrow();
        Scenario scenario = RandomScenarios.generate(spec, horizon, seed);
        Trace trace = ReferenceScheduler.run(spec, scenario, horizon);
        String context = SpecWriter.write(spec) + "\nseed " + seed;
        TreeSet<Long> instants = new TreeSet<>();
        for (JobRecord j : trace.jobs()) {
            instants.add(j.release());
            j.acquisitions().forEach(a -> instants.add(a.time()));
            j.end().ifPresent(instants::add);
        }
        ConcreteState before = ConcreteState.initial(m);
        int checked = 0;
        for (long t = 0; t < horizon; t++) {
            ConcreteState after = ConcreteState.at(m, trace, t);
            if (instants.contains(t)) {
                assertThat(check(m, before, after, trace, t, false)).as("admitted at %d: %s", t, context)
                        .isEqualTo("sat");
                if (m.priorityOrder()) {
                    assertThat(check(m, before, after, trace, t, true)).as("unique at %d: %s", t, context)
                            .isEqualTo("unsat");
                }
                checked++;
            }
            before = after;
        }
        return checked;
    }

    /** The spec under another policy and protocol (per-TPU protocols need bound TPUs: global keeps its own). */
    static SystemSpec variant(SystemSpec s, Policy policy, Protocol protocol) {
        Protocol p = protocol.perTpu() && s.scheduler().placement() == Placement.GLOBAL ? s.scheduler().protocol()
                : protocol;
        return new SystemSpec(s.name(), s.resolution(), s.platform(), s.dnns(), s.tasks(),
                new Scheduler(s.scheduler().placement(), policy, p), s.properties(), s.exploration());
    }

    /** Z3 on "the step from {@code before} with the trace's inputs reaches {@code after}" (or, negated, another state). */
    private static String check(ProtocolModel m, ConcreteState before, ConcreteState after, Trace trace, long t,
            boolean other) {
        TransitionRelation rel = new TransitionRelation(m, OptionalInt.empty());
        SmtText s = new SmtText();
        State from = rel.state("s0");
        State to = rel.state("s1");
        from.declare(s);
        to.declare(s);
        rel.step(s, from, to, "c0");
        s.assertTerm("the state before", SmtText.and(before.equalities(from)));
        long[] rel0 = ConcreteState.releases(m, trace, t);
        boolean[] fin = ConcreteState.finishes(m, trace, t);
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < m.taskCount(); i++) {
            inputs.add(SmtText.eq("c0_arr_" + i, SmtText.num(rel0[i])));
        }
        for (int p = 0; p < m.tpus(); p++) {
            // Only a running TPU's finish input matters; a free one's is left open.
            if (before.run()[p]) {
                inputs.add(SmtText.eq("c0_fin_" + p, Boolean.toString(fin[p])));
            }
        }
        s.assertTerm("the instant's inputs", SmtText.and(inputs));
        String reached = SmtText.and(after.equalities(to));
        s.assertTerm(other ? "another successor" : "the trace's successor", other ? SmtText.not(reached) : reached);
        return Z3Obligations.check(s.finish(), TIMEOUT);
    }
}
