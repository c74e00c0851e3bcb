package io.gangproof.smt.induction;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.smt.Cvc5;
import io.gangproof.spec.Bound;
import io.gangproof.spec.Property;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.SystemSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every induction certificate the issue-12 targets save is plain SMT-LIB 2 that a second
 * solver, cvc5, also answers {@code unsat} on: initiation, consecution and safety.
 */
class Cvc5InductionRecheckTest {

    @TempDir
    Path dir;

    @Test
    void cvc5AnswersUnsatOnEveryInductionCertificate() throws Exception {
        Optional<Path> cvc5 = Cvc5.locate();
        Assumptions.assumeTrue(cvc5.isPresent(), Cvc5.NOT_INSTALLED);
        List<Path> certs = new ArrayList<>();
        for (SystemSpec s : KInductionTest.bundled()) {
            if (s.scheduler().protocol() != Protocol.PER_TPU_LISTED) {
                certs.addAll(proved(s, new Property.DeadlockFree()));
            }
        }
        certs.addAll(proved(KInductionTest.load("coral-quad-strict.gang"), overtakes("detect")));
        certs.addAll(proved(KInductionTest.load("coral-quad-partitioned.gang"), overtakes("detect")));
        certs.addAll(proved(KInductionTest.load("coral-octo-strict.gang"), overtakes("segment")));
        assertThat(certs).hasSizeGreaterThanOrEqualTo(30);
        for (Path c : certs) {
            assertThat(Cvc5.answer(cvc5.get(), c)).as(c.toString()).isEqualTo("unsat");
        }
    }

    private static Property overtakes(String task) {
        return new Property.Overtakes(task, new Bound.Value(0));
    }

    private List<Path> proved(SystemSpec s, Property p) {
        InductionOutcome o = KInduction.prove(s, p, Optional.of(dir), KInduction.DEFAULT_TIMEOUT);
        assertThat(o).as(s.name() + " " + p).isInstanceOf(InductionOutcome.Proved.class);
        return ((InductionOutcome.Proved) o).certificates();
    }
}
