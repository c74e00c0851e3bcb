package io.gangproof.spec.parse;

import java.util.Optional;

/**
 * One problem found in a spec, located at a line and column (both 1-based), rendered in the
 * format of semantics §12: {@code path:line:col: error: message}, the offending line with a
 * caret under the column, and a hint where one helps.
 */
public record Diagnostic(Severity severity, String file, int line, int column, int length, String message,
        String sourceLine, Optional<String> hint) {

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
        return file + ":" + line + ":" + column + ": " + severity.label() + ": " + message;
    }

    public String render() {
        StringBuilder out = new StringBuilder(headline()).append('\n');
        if (!sourceLine.isEmpty()) {
            String shown = sourceLine.replace('\t', ' ');
            out.append("  ").append(shown).append('\n');
            int caretAt = Math.min(column - 1, shown.length());
            int width = Math.max(1, Math.min(length, shown.length() - caretAt));
            out.append("  ").append(" ".repeat(Math.max(0, caretAt))).append('^').append("~".repeat(width - 1))
                    .append('\n');
        }
        hint.ifPresent(h -> out.append("  hint: ").append(h).append('\n'));
        return out.toString();
    }
}
