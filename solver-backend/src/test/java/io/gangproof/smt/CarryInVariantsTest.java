package io.gangproof.smt;

import io.gangproof.analysis.AnalysisCatalog;
import io.gangproof.analysis.AnalysisResult;
import io.gangproof.analysis.ResponseTimeAnalysis;
import io.gangproof.analysis.TaskBound;
import io.gangproof.analysis.Witness;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.testing.SpecArbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Example;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every carry-in variant of the global tests (docs/analysis.md §5a): its witnesses are confirmed
 * by Z3, and the same witness with one tick less carry-in is refuted at the carry-in constraint
 * (the analysis writes the rule's bound exactly, so the rule's encoding must reject anything less).
 */
class CarryInVariantsTest {
    private static final Duration T = Duration.ofSeconds(60);

    @Provide
    Arbitrary<SystemSpec> global() {
        return SpecArbitraries.smallFixedSpecs().filter(s -> s.scheduler().placement() == Placement.GLOBAL
                && s.scheduler().policy() == Policy.FP);
    }

    private static Witness.Gang lessCarryIn(Witness.Gang g) {
        return new Witness.Gang(g.argument(), g.carryInRule(), g.tpus(), g.width(), g.headWidth(), g.exec(), g.jitter(),
                g.beta(), g.carryIn() - 1, g.carryInDualNumerator(), g.carryInDualDenominator(), g.interference(),
                g.waitBound(), g.response());
    }

    private static WitnessVerdict check(SystemSpec spec, AnalysisResult r, TaskBound b, Witness w) {
        TaskBound t = new TaskBound(b.task(), b.outcome(), b.reason(), b.responseBound(), b.blockingBound(),
                b.inversionBound(), b.overtakesBound(), w);
        return WitnessCheck.check(spec, r, t, WitnessCheck.Claim.response(b.responseBound().get()), T);
    }

    /** The coral case studies under every variant: confirmed, and refuted with less carry-in (which they have). */
    @Example
    void coralUnderEveryVariant() {
        int tampered = 0;
        for (String name : List.of("coral-quad-strict.gang", "coral-quad-greedy.gang")) {
            tampered += confirmAndTamper(Fixtures.load(name));
        }
        assertThat(tampered).as("witnesses with carry-in to tamper with").isGreaterThan(0);
    }

    @Property(tries = 30)
    void everyVariantIsConfirmedAndLessCarryInRefuted(@ForAll("global") SystemSpec spec) {
        confirmAndTamper(spec);
    }

    /**
     * Every gang witness' wait is the least solution of its wait condition (no acceleration on
     * these small specs), so the same witness with one tick less wait is refuted; for wide heads
     * (docs/analysis.md §5d) this shows the head-wait term is what holds the wait up.
     */
    @Property(tries = 30)
    void witnessesWithLessWaitAreRefuted(@ForAll("global") SystemSpec spec) {
        lessWaitRefuted(spec);
    }

    /** A set where X (width 1) waits behind the wider W: beta = 2 only with the head-wait term. */
    @Example
    void aWideHigherPriorityHeadIsPaidFor() {
        String text = """
                system wide_head {
                  resolution 1 ms
                  platform { tpus 3 }
                  dnn narrow { latency { 1: 3 ms } }
                  dnn wide { latency { 3: 1 ms } }
                  task A { runs narrow  sporadic 18 ms  priority 1  tpus 1 }
                  task W { runs wide  sporadic 9 ms  priority 2  tpus 3 }
                  task X { runs narrow  sporadic 14 ms  deadline 9 ms  priority 3  tpus 1 }
                  task Y { runs narrow  sporadic 10 ms  priority 4  tpus 1 }
                  scheduler global fp with gang-strict
                }
                """;
        SystemSpec spec = io.gangproof.spec.parse.SpecLoader.loadText("wide-head.gang", text, Fixtures.SPECS).orThrow();
        assertThat(lessWaitRefuted(spec)).as("wide-heads witnesses that pay for a wide head").isGreaterThan(0);
    }

    private static Witness.Gang lessWait(Witness.Gang g) {
        return new Witness.Gang(g.argument(), g.carryInRule(), g.tpus(), g.width(), g.headWidth(), g.exec(), g.jitter(),
                g.beta(), g.carryIn(), g.carryInDualNumerator(), g.carryInDualDenominator(), g.interference(),
                g.waitBound() - 1, g.response() - 1);
    }

    /** Returns how many wide-heads witnesses that pay for a wide head were refuted with one tick less wait. */
    private static int lessWaitRefuted(SystemSpec spec) {
        int wide = 0;
        for (ResponseTimeAnalysis a : AnalysisCatalog.all()) {
            if (!a.appliesTo(spec)) {
                continue;
            }
            AnalysisResult r = a.analyze(spec);
            for (TaskBound b : r.tasks()) {
                Witness tampered = null;
                if (b.witness() instanceof Witness.Gang g && g.waitBound() > 0) {
                    tampered = lessWait(g);
                    if (a.name().endsWith("/wide-heads")
                            && g.interference().stream().anyMatch(f -> f.width() > g.tpus() - g.beta() + 1)) {
                        wide++;
                    }
                } else if (b.witness() instanceof Witness.GangRounds chain && chain.best().waitBound() > 0) {
                    List<Witness.Gang> rounds = new ArrayList<>(chain.rounds());
                    rounds.set(rounds.indexOf(chain.best()), lessWait(chain.best()));
                    tampered = new Witness.GangRounds(rounds);
                }
                if (tampered == null) {
                    continue;
                }
                long less = b.responseBound().get() - 1;
                TaskBound t = new TaskBound(b.task(), b.outcome(), b.reason(), Optional.of(less), b.blockingBound(),
                        b.inversionBound(), b.overtakesBound(), tampered);
                assertThat(WitnessCheck.check(spec, r, t, WitnessCheck.Claim.response(less), T))
                        .as("%s, %s with one tick less wait", a.name(), b.task())
                        .isInstanceOf(WitnessVerdict.Refuted.class);
            }
        }
        return wide;
    }

    /** Returns how many tampered witnesses were refuted. */
    private static int confirmAndTamper(SystemSpec spec) {
        int refuted = 0;
        for (ResponseTimeAnalysis a : AnalysisCatalog.all()) {
            if (!a.appliesTo(spec) || a.name().contains("sequential")) {
                continue;
            }
            AnalysisResult r = a.analyze(spec);
            for (TaskBound b : r.tasks()) {
                if (b.witness() instanceof Witness.None) {
                    continue;
                }
                assertThat(check(spec, r, b, b.witness())).as("%s, %s", a.name(), b.task())
                        .isInstanceOf(WitnessVerdict.Confirmed.class);
                Witness tampered = null;
                if (b.witness() instanceof Witness.Gang g && g.carryIn() > 0) {
                    tampered = lessCarryIn(g);
                } else if (b.witness() instanceof Witness.GangRounds chain) {
                    List<Witness.Gang> rounds = new ArrayList<>(chain.rounds());
                    for (int n = 0; n < rounds.size() && tampered == null; n++) {
                        if (rounds.get(n).carryIn() > 0) {
                            rounds.set(n, lessCarryIn(rounds.get(n)));
                            tampered = new Witness.GangRounds(rounds);
                        }
                    }
                }
                Statistics.label("tampered carry-in").collect(a.name() + (tampered == null ? ": none to tamper" : ""));
                if (tampered != null) {
                    WitnessVerdict v = check(spec, r, b, tampered);
                    assertThat(v).as("%s, %s with less carry-in", a.name(), b.task())
                            .isInstanceOf(WitnessVerdict.Refuted.class);
                    assertThat(((WitnessVerdict.Refuted) v).constraint()).contains("carry-in");
                    refuted++;
                }
            }
        }
        return refuted;
    }
}
