package io.gangproof.smt;

import io.gangproof.analysis.AnalysisCatalog;
import io.gangproof.analysis.AnalysisResult;
import io.gangproof.analysis.TaskBound;
import io.gangproof.analysis.Witness;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.SystemSpec;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Gang-greedy chains of rounds: confirmed as produced, refuted when a round is tampered with. */
class GangGreedyTest {
    private static final Duration T = Duration.ofSeconds(60);

    private static WitnessVerdict check(SystemSpec spec, AnalysisResult r, TaskBound b, Witness w, long response) {
        TaskBound t = new TaskBound(b.task(), b.outcome(), b.reason(), Optional.of(response), b.blockingBound(),
                b.inversionBound(), b.overtakesBound(), w);
        return WitnessCheck.check(spec, r, t, WitnessCheck.Claim.response(spec.task(b.task()).deadline()), T);
    }

    private static Witness.Gang withUsed(Witness.Gang g, long delta) {
        List<Witness.InterferenceGroup> fs = new ArrayList<>();
        for (Witness.InterferenceGroup f : g.interference()) {
            long ru = f.responseUsed() + delta;
            fs.add(new Witness.InterferenceGroup(f.firstTask(), f.width(), f.exec(), f.period(), f.count(), f.weight(), ru,
                    WitnessCheckTestSupport.workload(g.waitBound() + 1, f.exec(), f.period(), ru)));
        }
        return new Witness.Gang(g.argument(), g.carryInRule(), g.tpus(), g.width(), g.headWidth(), g.exec(), g.jitter(),
                g.beta(), g.carryIn(), g.carryInDualNumerator(), g.carryInDualDenominator(), fs, g.waitBound(),
                g.response());
    }

    @Test
    void coralGreedyChainsAreConfirmedAndTamperedOnesRefuted() {
        SystemSpec spec = Fixtures.load("coral-quad-greedy.gang");
        AnalysisResult r = AnalysisCatalog.forSpec(spec).orElseThrow().analyze(spec);
        assertThat(r.allSchedulable()).isTrue();
        for (TaskBound b : r.tasks()) {
            Witness.GangRounds chain = (Witness.GangRounds) b.witness();
            assertThat(check(spec, r, b, chain, b.responseBound().get())).as(b.task())
                    .isInstanceOf(WitnessVerdict.Confirmed.class);
            // A bound below every round's response.
            assertThat(check(spec, r, b, chain, b.responseBound().get() - 1)).as(b.task())
                    .isInstanceOf(WitnessVerdict.Refuted.class);
            // Round 0 assuming interferers respond faster than their deadlines (first-miss forbids it).
            Witness.Gang r0 = chain.rounds().get(0);
            if (!r0.interference().isEmpty()) {
                List<Witness.Gang> rounds = new ArrayList<>(chain.rounds());
                rounds.set(0, withUsed(r0, -1));
                WitnessVerdict v = check(spec, r, b, new Witness.GangRounds(rounds), b.responseBound().get());
                assertThat(v).as(b.task()).isInstanceOf(WitnessVerdict.Refuted.class);
                assertThat(((WitnessVerdict.Refuted) v).constraint()).contains("first-miss");
            }
        }
    }

    @Provide
    Arbitrary<SystemSpec> greedy() {
        return GangWitnessConfirmation.globalFp(Protocol.GANG_GREEDY);
    }

    @Property(tries = 50)
    void everyGreedyChainIsConfirmed(@ForAll("greedy") SystemSpec spec) {
        GangWitnessConfirmation.everyWitnessConfirmed(spec, Witness.GangRounds.class,
                b -> ((Witness.GangRounds) b.witness()).rounds().size() > 1 ? " (several rounds)" : "");
    }
}
