package io.gangproof.cli;

import java.io.PrintWriter;

/**
 * What every run that ends in an uncaught exception or error prints and returns (semantics §12):
 * out of memory is exit 71 with advice, an output that cannot be written is exit 73, anything
 * else is an internal error (exit 70). Never exit 1, which means VIOLATED, and never a stack
 * trace unless --debug asks for one.
 */
final class LastResort {
    private LastResort() {
    }

    static int report(Throwable t, PrintWriter err, boolean debug) {
        int code;
        if (causedBy(t, OutOfMemoryError.class)) {
            err.println("gangproof: out of memory: the spec needs more memory than the JVM has ("
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MiB).");
            err.println("Give the JVM more (GANGPROOF_JAVA_OPTS=-Xmx8g with ./gangproof), or lower the spec's horizon or limits "
                    + "(`limit memory`, `limit states`).");
            code = ExitCodes.OUT_OF_MEMORY;
        } else if (t instanceof io.gangproof.check.OutputFiles.CannotWrite e) {
            err.println("gangproof: " + e.getMessage());
            code = ExitCodes.CANNOT_WRITE;
        } else {
            err.println("gangproof: internal error: " + t);
            code = ExitCodes.INTERNAL;
        }
        if (debug) {
            t.printStackTrace(err);
        } else if (code == ExitCodes.INTERNAL) {
            err.println("Run again with --debug for the stack trace, and please report it.");
        }
        err.flush();
        return code;
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> kind) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (kind.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
