package io.gangproof.check;

import io.gangproof.spec.SystemSpec;
import io.gangproof.symbolic.cert.ZoneGraphChecker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Saves the symbolic engine's closed zone graph as {@code OUT/certificates/<spec>.zone-graph}
 * and re-checks it at once with the independent checker (docs/symbolic.md §12). A certificate
 * the checker rejects is a bug of the engine or of the checker: an internal error, never a verdict.
 */
final class ZoneGraphCertificateFile {
    /** The file, its size, and the time the independent check took (counted in the verdict's time, not its text). */
    record Written(Path file, long bytes, int states, double seconds) {
        String summary() {
            // The file itself is listed with the verdict's certificates (--verbose, JSON).
            return "its certificate (" + states + " states, " + bytes + " bytes) re-checked by the independent checker";
        }
    }

    private ZoneGraphCertificateFile() {
    }

    static Written writeAndCheck(Path dir, SystemSpec spec, String text) {
        Path file = dir.resolve(spec.name() + ".zone-graph");
        OutputFiles.write(file, text);
        long start = System.nanoTime();
        ZoneGraphChecker.Verdict v = ZoneGraphChecker.check(spec, text);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (v.outcome() != ZoneGraphChecker.Outcome.ACCEPTED) {
            throw new IllegalStateException("symbolic engine: the independent checker rejects its certificate " + file
                    + ": " + v.reason());
        }
        return new Written(file, text.getBytes(StandardCharsets.UTF_8).length, v.states(), seconds);
    }
}
