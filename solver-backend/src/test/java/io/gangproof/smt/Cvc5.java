package io.gangproof.smt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** cvc5, the second solver that re-checks saved certificates in the tests (installed by .ci/run). */
public final class Cvc5 {
    public static final String NOT_INSTALLED = "cvc5 not installed: not on PATH (apt-get install cvc5 to run this "
            + "re-check)";

    private Cvc5() {
    }

    /** The cvc5 executable on {@code PATH}, if any. */
    public static Optional<Path> locate() {
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

    /** cvc5's answer on one SMT-LIB 2 file (it must finish within a minute). */
    public static String answer(Path cvc5, Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cvc5.toString(), "--lang=smt2", file.toString()).redirectErrorStream(true)
                .start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("cvc5 finishes on %s", file).isTrue();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    }
}
