package io.gangproof.spec.parse;

/**
 * Makes spec text safe to print in a diagnostic: control characters, line and paragraph
 * separators ({@code U+0085}, {@code U+2028}, {@code U+2029}) and bidirectional overrides
 * ({@code U+202E} and the like) are shown as {@code \\uXXXX} escapes, so a diagnostic is always
 * exactly the lines it seems to be and reads in the order it is written.
 */
public final class Printable {
    private Printable() {
    }

    public static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (needsEscape(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(escaped(c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    static boolean needsEscape(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || (c >= '\u200E' && c <= '\u200F')
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u061C'
                || c == '\uFEFF';
    }

    static String escaped(char c) {
        return String.format("\\u%04X", (int) c);
    }
}
