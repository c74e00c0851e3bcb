package io.gangproof.smt.induction;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.smt.induction.ProtocolModel.Admission;
import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.parse.SpecLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Broken protocols make the induction fail, and a bounded search then finds the bad state:
 * the lemmas are not what makes a proof go through, the protocol is. (The per-TPU mutant, a
 * lock order that is not ascending, is the bundled deadlock-per-tpu.gang; the checker's
 * InductionEngineTest shows the explorer's replayed deadlock for it.)
 */
class MutantProtocolTest {

    @Test
    void aGangStrictThatLetsOneJobPassABlockedOneIsOvertaken() {
        SystemSpec spec = KInductionTest.load("coral-quad-strict.gang");
        ProtocolModel strict = ProtocolModel.of(spec, new ArrayList<>()).orElseThrow();
        assertThat(strict.admission()).isEqualTo(Admission.HEAD_ONLY);
        ProtocolModel mutant = strict.withAdmission(Admission.MUTANT_PASS_ONE_BLOCKED);
        SafetyGoal goal = KInduction.goal(mutant, new Property.Overtakes("detect", new io.gangproof.spec.Bound.Value(0)),
                new ArrayList<>()).orElseThrow();

        assertThat(KInduction.prove(strict, goal, KInduction.DEFAULT_TIMEOUT))
                .isInstanceOf(InductionOutcome.Proved.class);
        InductionOutcome o = KInduction.prove(mutant, goal, KInduction.DEFAULT_TIMEOUT);
        assertThat(o).isInstanceOf(InductionOutcome.Failed.class);
        // Three recognize jobs take three TPUs, detect waits for two, classify passes it: one instant.
        assertThat(((InductionOutcome.Failed) o).step()).isEqualTo("initiation-1");
        assertThat(BoundedSearch.firstBadDepth(mutant, goal, 4, KInduction.DEFAULT_TIMEOUT)).hasValue(1);
        // The real protocol: no bad state within the same depth either.
        assertThat(BoundedSearch.firstBadDepth(strict, goal, 4, KInduction.DEFAULT_TIMEOUT)).isEmpty();
    }

    @Test
    void aLockOrderThatIsNotAscendingDeadlocksInTheBoundedSearch() {
        SystemSpec listed = SpecLoader.load(Path.of("..", "case-studies", "specs", "deadlock-per-tpu.gang")).orThrow();
        ProtocolModel m = ProtocolModel.of(listed, new ArrayList<>()).orElseThrow();
        SafetyGoal goal = SafetyGoal.deadlockFree();
        InductionOutcome o = KInduction.prove(m, goal, KInduction.DEFAULT_TIMEOUT);
        assertThat(o).isInstanceOf(InductionOutcome.Failed.class);
        OptionalInt depth = BoundedSearch.firstBadDepth(m, goal, 4, KInduction.DEFAULT_TIMEOUT);
        assertThat(depth).isPresent();
        SystemSpec ascending = SpecLoader.load(Path.of("..", "case-studies", "specs",
                "deadlock-free-ascending.gang")).orThrow();
        ProtocolModel a = ProtocolModel.of(ascending, new ArrayList<>()).orElseThrow();
        assertThat(BoundedSearch.firstBadDepth(a, goal, depth.getAsInt() + 1, KInduction.DEFAULT_TIMEOUT)).isEmpty();
    }
}
