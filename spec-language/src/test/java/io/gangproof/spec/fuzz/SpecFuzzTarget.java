package io.gangproof.spec.fuzz;

import io.gangproof.spec.parse.Diagnostic;
import io.gangproof.spec.parse.DiagnosticReport;
import io.gangproof.spec.parse.LoadResult;
import io.gangproof.spec.parse.SpecLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One fuzz input: arbitrary bytes as a spec, loaded with imports resolved among the bundled
 * specs. Every input must end in a valid spec or in diagnostics that say so (semantics §12),
 * and the rendered diagnostics must be printable as they are. Anything else (an exception, an
 * invalid result without an error, a raw control character in the output) is a finding.
 * Used by {@link SpecFuzzTest} (the smoke run) and by Jazzer's own driver (fuzz.sh).
 */
public final class SpecFuzzTarget {
    /** The bundled specs: their imports ({@code dnn/...}) resolve from here. */
    static final Path BUNDLED = Path.of("..", "case-studies", "specs").toAbsolutePath().normalize();
    static final long SLOW_NANOS = 2_000_000_000L;

    static final AtomicLong INPUTS = new AtomicLong();
    static final AtomicLong DIAGNOSED = new AtomicLong();
    static final AtomicLong ACCEPTED = new AtomicLong();
    static final AtomicLong SLOW = new AtomicLong();
    static final AtomicLong SLOWEST_NANOS = new AtomicLong();
    static final long STARTED;

    static {
        // Loading a bundled spec once loads (and, under Jazzer, instruments) the loader's classes, which
        // takes seconds on a busy machine; otherwise the first input of every run would count as slow.
        SpecLoader.load(BUNDLED.resolve("coral-dynamic.gang"));
        STARTED = System.nanoTime();
    }

    private SpecFuzzTarget() {
    }

    /** Jazzer's entry point for the standalone driver. */
    public static void fuzzerTestOneInput(byte[] data) {
        run(data);
    }

    /** Called by Jazzer's standalone driver when the run ends. */
    public static void fuzzerTearDown() {
        System.out.println(statistics());
    }

    static void run(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        long start = System.nanoTime();
        LoadResult r = SpecLoader.loadText("fuzz.gang", text, BUNDLED);
        String rendered = DiagnosticReport.render(r.diagnostics());
        long took = System.nanoTime() - start;
        INPUTS.incrementAndGet();
        SLOWEST_NANOS.accumulateAndGet(took, Math::max);
        if (took > SLOW_NANOS) {
            SLOW.incrementAndGet();
            keepSlow(data);
        }
        if (r instanceof LoadResult.Loaded) {
            ACCEPTED.incrementAndGet();
        } else if (r.diagnostics().stream().anyMatch(Diagnostic::isError)) {
            DIAGNOSED.incrementAndGet();
        } else {
            throw new AssertionError("an invalid spec without an error diagnostic: " + r.diagnostics());
        }
        for (int i = 0; i < rendered.length(); i++) {
            char c = rendered.charAt(i);
            if (c != '\n' && (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u202E')) {
                throw new AssertionError("a raw U+" + String.format("%04X", (int) c) + " in the diagnostics:\n"
                        + rendered);
            }
        }
    }

    /** Inputs over 2 s are kept for a look when gangproof.fuzz.slowDir names a folder (fuzz.sh sets it). */
    private static void keepSlow(byte[] data) {
        String dir = System.getProperty("gangproof.fuzz.slowDir");
        if (dir != null) {
            try {
                Files.createDirectories(Path.of(dir));
                Files.write(Path.of(dir, "slow-" + INPUTS.get() + ".gang"), data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static String statistics() {
        double seconds = (System.nanoTime() - STARTED) / 1e9;
        return String.format("fuzz: %d inputs in %.0f s (%.0f/s): %d diagnosed, %d accepted, %d over 2 s "
                + "(slowest %.3f s)", INPUTS.get(), seconds, INPUTS.get() / Math.max(seconds, 1e-9), DIAGNOSED.get(),
                ACCEPTED.get(), SLOW.get(), SLOWEST_NANOS.get() / 1e9);
    }
}
