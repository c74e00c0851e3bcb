package io.gangproof.model;

import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.parse.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads the specs of case-studies/specs, found from the module directory or the repository root. */
final class BundledSpecs {
    private BundledSpecs() {
    }

    static Path path(String name) {
        for (Path dir : new Path[] {Path.of("../case-studies/specs"), Path.of("case-studies/specs")}) {
            Path p = dir.resolve(name + ".gang");
            if (Files.exists(p)) {
                return p;
            }
        }
        throw new IllegalStateException("bundled spec " + name + " not found from " + Path.of("").toAbsolutePath());
    }

    static SystemSpec load(String name) {
        return SpecLoader.load(path(name)).orThrow();
    }
}
