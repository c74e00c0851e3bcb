package io.gangproof.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether standard error is a terminal, where progress may be drawn. Java only says whether
 * standard input and output are ({@link System#console()}); progress goes to standard error, so
 * that output piped to a file (JSON, say) still shows it, and a log captures none of it. Never
 * under CI ({@code CI} set, as every CI service does) or on a dumb terminal.
 */
public final class StandardError {
    private StandardError() {
    }

    public static boolean isTerminal() {
        if (System.getenv("CI") != null || "dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        try {
            // Linux: file descriptor 2 links to the terminal device it writes to.
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException noProc) {
            return System.console() != null;
        }
    }
}
