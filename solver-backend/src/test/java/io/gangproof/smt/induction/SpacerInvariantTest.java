package io.gangproof.smt.induction;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.spec.SystemSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Spacer fallback: without the protocol lemmas, Spacer finds an invariant of its own that
 * re-checks as 1-inductive and safe; where the relation reaches a bad state it says so.
 */
class SpacerInvariantTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Test
    void spacerFindsAnInvariantForAscendingLocksThatReChecks() {
        SystemSpec spec = KInductionTest.load("deadlock-free-ascending.gang");
        ProtocolModel m = ProtocolModel.of(spec, new ArrayList<>()).orElseThrow();
        SafetyGoal goal = SafetyGoal.deadlockFree();
        SpacerInvariant.Answer a = SpacerInvariant.find(m, goal, TIMEOUT);
        assertThat(a).isInstanceOf(SpacerInvariant.Answer.Invariant.class);
        Lemma spacer = ((SpacerInvariant.Answer.Invariant) a).lemma();
        // Spacer's invariant alone, with no protocol lemma: the three obligations are unsat.
        for (Obligation o : List.of(KInduction.initiation(m, goal, List.of(spacer), 0),
                KInduction.consecution(m, goal, List.of(spacer), 1), KInduction.safety(m, goal, List.of(spacer)))) {
            assertThat(Z3Obligations.check(o.smt(), TIMEOUT)).as(o.name()).isEqualTo("unsat");
        }
    }

    @Test
    void spacerReachesTheDeadlockOfOppositeLockOrders() {
        SystemSpec spec = KInductionTest.load("deadlock-per-tpu.gang");
        ProtocolModel m = ProtocolModel.of(spec, new ArrayList<>()).orElseThrow();
        assertThat(SpacerInvariant.find(m, SafetyGoal.deadlockFree(), TIMEOUT))
                .isInstanceOf(SpacerInvariant.Answer.BadReachable.class);
        InductionOutcome o = KInduction.prove(m, SafetyGoal.deadlockFree(), TIMEOUT);
        assertThat(((InductionOutcome.Failed) o).reason()).contains("Spacer finds a path");
    }
}
