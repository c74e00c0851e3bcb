package io.gangproof.spec.parse;

import java.util.Optional;

/**
 * One problem found in a spec, located at a line and column (both 1-based), rendered in the
 * format of semantics §12: {@code path:line:col: error: message}, the offending line with a
 * caret under the column, and a hint where one helps. What is printed is escaped
 * ({@link Printable}), and a long line is shown only around the caret, so that many errors on
 * one long line print a bounded amount each.
 */
public record Diagnostic(Severity severity, String file, int line, int column, int length, String message,
        String sourceLine, Optional<String> hint) {
    /** Characters of a source line shown before the caret when the line is too long to show whole. */
    static final int BEFORE_CARET = 60;
    /** The most characters of a source line (or a message) shown. */
    static final int MAX_SHOWN = 160;

    public enum Severity {
        ERROR, WARNING;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Diagnostic {
        length = Math.max(1, length);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The first line, {@code path:line:col: error: message}. */
    public String headline() {
        return Printable.escape(file) + ":" + line + ":" + column + ": " + severity.label() + ": "
                + Printable.escape(shorten(message));
    }

    public String render() {
        StringBuilder out = new StringBuilder(headline()).append('\n');
        if (!sourceLine.isEmpty()) {
            appendLineWithCaret(out);
        }
        hint.ifPresent(h -> out.append("  hint: ").append(Printable.escape(shorten(h))).append('\n'));
        return out.toString();
    }

    private static String shorten(String text) {
        return text.length() <= 2 * MAX_SHOWN ? text : text.substring(0, 2 * MAX_SHOWN) + "...";
    }

    /** The line (or the part of it around the caret), escaped, with the caret under the escaped column. */
    private void appendLineWithCaret(StringBuilder out) {
        int caret = Math.min(Math.max(0, column - 1), sourceLine.length());
        int from = sourceLine.length() <= MAX_SHOWN ? 0 : Math.max(0, caret - BEFORE_CARET);
        int to = Math.min(sourceLine.length(), from + MAX_SHOWN);
        StringBuilder shown = new StringBuilder(from > 0 ? "..." : "");
        int caretAt = -1;
        int caretEnd = -1;
        int end = Math.min(caret + length, to);
        for (int i = from; i < to; i++) {
            if (i == caret) {
                caretAt = shown.length();
            }
            char c = sourceLine.charAt(i);
            shown.append(c == '\t' ? " " : Printable.needsEscape(c) ? Printable.escaped(c) : String.valueOf(c));
            if (i == end - 1) {
                caretEnd = shown.length();
            }
        }
        if (caretAt < 0) {
            caretAt = shown.length();
        }
        if (to < sourceLine.length()) {
            shown.append("...");
        }
        int width = Math.max(1, caretEnd - caretAt);
        out.append("  ").append(shown).append('\n');
        out.append("  ").append(" ".repeat(caretAt)).append('^').append("~".repeat(width - 1)).append('\n');
    }
}
