package io.gangproof.smt;

import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Saved certificates are plain SMT-LIB 2: a second solver, cvc5, answers sat on each. */
class Cvc5RecheckTest {

    @TempDir
    Path dir;

    @Test
    void cvc5AgreesOnEverySavedCertificate() throws Exception {
        Optional<Path> cvc5 = Cvc5.locate();
        Assumptions.assumeTrue(cvc5.isPresent(), Cvc5.NOT_INSTALLED);
        List<Path> certs = new ArrayList<>();
        for (SystemSpec spec : List.of(Fixtures.load("coral-quad-partitioned.gang"), Fixtures.coralEdf(),
                Fixtures.load("coral-quad-strict.gang"), Fixtures.load("coral-quad-greedy.gang"))) {
            ProofOutcome o = ProofCheck.prove(spec, new Property.Deadlines(Optional.empty()), Optional.of(dir),
                    Duration.ofSeconds(60));
            assertThat(o).isInstanceOf(ProofOutcome.Proved.class);
            certs.addAll(((ProofOutcome.Proved) o).certificates());
        }
        assertThat(certs).isNotEmpty();
        for (Path c : certs) {
            assertThat(Cvc5.answer(cvc5.get(), c)).as(c.toString()).isEqualTo("sat");
        }
    }
}
