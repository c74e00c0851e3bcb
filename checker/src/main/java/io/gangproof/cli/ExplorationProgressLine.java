package io.gangproof.cli;

import io.gangproof.model.ExplorationProgress;
import java.io.PrintStream;
import java.util.function.Consumer;

/**
 * Shows a running exhaustive search on one terminal line (standard error), at most a few
 * times a second: the instant reached of the horizon, states stored, memory and time.
 * Silent unless standard error is a terminal, so logs and pipes stay clean.
 */
final class ExplorationProgressLine implements Consumer<ExplorationProgress>, AutoCloseable {
    private static final long EVERY_MILLIS = 250;
    private final PrintStream err;
    private final String label;
    private long lastShown = -EVERY_MILLIS;
    private boolean shown;

    private ExplorationProgressLine(PrintStream err, String label) {
        this.err = err;
        this.label = label;
    }

    /** A progress line for an interactive run, or a listener that shows nothing. */
    static ExplorationProgressLine forTerminal(String label) {
        return new ExplorationProgressLine(System.console() != null ? System.err : null, label);
    }

    @Override
    public void accept(ExplorationProgress p) {
        if (err == null || p.elapsedMillis() - lastShown < EVERY_MILLIS) {
            return;
        }
        lastShown = p.elapsedMillis();
        shown = true;
        err.print("\r" + label + ": instant " + p.instant() + " of " + p.horizon() + ", " + p.states()
                + " states, " + (p.memoryBytes() >> 20) + " MiB, " + (p.elapsedMillis() / 1000) + " s   ");
        err.flush();
    }

    @Override
    public void close() {
        if (err != null && shown) {
            err.print("\r" + " ".repeat(100) + "\r");
            err.flush();
        }
    }
}
