package io.gangproof.spec.parse;

import java.util.Optional;

/**
 * Checks an import path as text before it becomes a {@code Path}: a NUL or a control character
 * is never part of a spec's file name, and turning such text into a path throws instead of
 * failing with a message. What the platform still rejects (for example a non-ASCII name when
 * the file system encoding is ASCII, as under {@code LC_ALL=C}) is reported by the caller.
 */
final class ImportPaths {
    private ImportPaths() {
    }

    /** Why {@code raw} cannot be an import path, or empty when it may be one. */
    static Optional<String> problem(String raw) {
        if (raw.isEmpty()) {
            return Optional.of("the path is empty");
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == 0) {
                return Optional.of("it contains a NUL character");
            }
            if (Character.isISOControl(c)) {
                return Optional.of("it contains the control character U+" + String.format("%04X", (int) c));
            }
        }
        return Optional.empty();
    }

    static String hint() {
        String encoding = System.getProperty("sun.jnu.encoding", "unknown");
        return "import a file by a plain relative path such as \"dnns.gang\"; file names are encoded as "
                + encoding + " here" + (encoding.toUpperCase(java.util.Locale.ROOT).contains("UTF") ? ""
                        : ", so non-ASCII names need a UTF-8 locale (for example LC_ALL=C.UTF-8)");
    }
}
