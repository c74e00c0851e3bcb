package io.gangproof.symbolic.cert;

import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.parse.SpecLoader;
import io.gangproof.symbolic.SymbolicExplorer;
import io.gangproof.symbolic.SymbolicOptions;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Test helpers: a bundled spec, and the certificate the symbolic engine writes for it. */
final class Certificates {
    private Certificates() {
    }

    static SystemSpec bundled(String name) {
        return SpecLoader.load(Path.of("../case-studies/specs/" + name + ".gang")).orThrow();
    }

    /** The certificate of the engine's search, empty when the zone graph did not close or nothing was proved. */
    static Optional<String> of(SystemSpec spec, long horizon) {
        String[] text = new String[1];
        SymbolicExplorer.check(spec, new SymbolicOptions(20_000, 500_000, horizon, Map.of()), t -> text[0] = t);
        return Optional.ofNullable(text[0]);
    }
}
