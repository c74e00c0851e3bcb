package io.gangproof.smt;

import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.parse.SpecLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

final class Fixtures {
    static final Path SPECS = Path.of("..", "case-studies", "specs");

    private Fixtures() {
    }

    static SystemSpec load(String file) {
        return SpecLoader.load(SPECS.resolve(file)).orThrow();
    }

    /** The coral partitioned spec with its scheduler switched to {@code partitioned edf}. */
    static SystemSpec coralEdf() throws IOException {
        Path f = SPECS.resolve("coral-quad-partitioned.gang");
        String text = Files.readString(f).replace("scheduler partitioned fp with gang-strict",
                "scheduler partitioned edf with gang-strict");
        return SpecLoader.loadText("coral-quad-partitioned-edf.gang", text, SPECS).orThrow();
    }
}
