package io.gangproof.smt;

import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Saved certificates are plain SMT-LIB 2: a second solver, cvc5, answers sat on each. */
class Cvc5RecheckTest {

    @TempDir
    Path dir;

    static Optional<Path> cvc5() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String d : path.split(File.pathSeparator)) {
            Path p = Path.of(d, "cvc5");
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    @Test
    void cvc5AgreesOnEverySavedCertificate() throws Exception {
        Optional<Path> cvc5 = cvc5();
        Assumptions.assumeTrue(cvc5.isPresent(),
                "cvc5 not installed: not on PATH (apt-get install cvc5 to run this re-check)");
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
            Process p = new ProcessBuilder(cvc5.get().toString(), "--lang=smt2", c.toString())
                    .redirectErrorStream(true).start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("cvc5 finishes on %s", c).isTrue();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertThat(out).as(c.toString()).isEqualTo("sat");
        }
    }
}
