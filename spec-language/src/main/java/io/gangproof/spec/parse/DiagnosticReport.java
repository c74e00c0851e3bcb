package io.gangproof.spec.parse;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the diagnostics of a load for a person: at most {@link #PER_FILE} per file, then a
 * line saying how many more there are. A file of random bytes has an error on nearly every
 * token; printing all of them helps nobody and made the output grow without bound.
 */
public final class DiagnosticReport {
    public static final int PER_FILE = 100;

    private DiagnosticReport() {
    }

    public static String render(List<Diagnostic> diagnostics) {
        StringBuilder out = new StringBuilder();
        Map<String, Integer> shown = new HashMap<>();
        Map<String, Integer> left = new LinkedHashMap<>();
        for (Diagnostic d : diagnostics) {
            int n = shown.merge(d.file(), 1, Integer::sum);
            if (n <= PER_FILE) {
                out.append(d.render());
            } else {
                left.merge(d.file(), 1, Integer::sum);
            }
        }
        left.forEach((file, n) -> out.append(Printable.escape(file)).append(": and ").append(n).append(" more ")
                .append(n == 1 ? "diagnostic" : "diagnostics").append(" (the first ").append(PER_FILE)
                .append(" are shown)\n"));
        return out.toString();
    }
}
