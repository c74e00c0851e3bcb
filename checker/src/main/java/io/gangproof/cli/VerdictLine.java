package io.gangproof.cli;

import io.gangproof.check.PropertyResult;
import io.gangproof.check.SpecReport;
import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.TimeFormat;
import io.gangproof.spec.Verdict;
import io.gangproof.spec.format.PropertyText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The text of {@code check}'s verdicts, one line per property, times in the spec's units: a
 * {@code PROVED} line says the bound proved; certificate paths are for {@code --verbose}
 * (and JSON), the evidence in brackets is the engine, horizon, states and trace.
 */
final class VerdictLine {
    private VerdictLine() {
    }

    static String render(SpecReport report, boolean verbose) {
        TextTable t = new TextTable();
        for (PropertyResult r : report.results()) {
            t.row(r.verdict().label(), PropertyText.of(report.spec(), r.property()), detail(report.spec(), r, verbose) + "[" + evidence(
                    report.spec(), r) + "]");
        }
        return t.render("  ");
    }

    /** The bound proved, in the spec's units ({@code response(t1) <= 4.19 ms}), or what the property bounds. */
    static Optional<String> provedBound(SystemSpec spec, PropertyResult r) {
        if (r.verdict() != Verdict.PROVED || r.bound().isEmpty()) {
            return Optional.empty();
        }
        String value = quantity(spec, r.property(), r.bound().get());
        Property p = r.property();
        if (p instanceof Property.Deadlines) {
            return Optional.of("response" + p.task().map(x -> "(" + x + ")").orElse(" of every task") + " <= "
                    + value);
        }
        String kind = p instanceof Property.Response ? "response" : p instanceof Property.Inversion ? "inversion"
                : "overtakes";
        return Optional.of(kind + "(" + p.task().orElseThrow() + ") <= " + value);
    }

    /** A bound as a person reads it: a time in the spec's units, or a number of jobs for {@code overtakes}. */
    static String quantity(SystemSpec spec, Property p, long value) {
        return p instanceof Property.Overtakes ? value + (value == 1 ? " job" : " jobs")
                : TimeFormat.of(spec).format(value);
    }

    private static String detail(SystemSpec spec, PropertyResult r, boolean verbose) {
        List<String> parts = new ArrayList<>();
        provedBound(spec, r).ifPresent(parts::add);
        r.reason().ifPresent(parts::add);
        String text = String.join(", by ", parts);
        if (verbose && !r.certificates().isEmpty()) {
            text += "; certificates " + String.join(", ", r.certificates().stream().map(Path::toString).toList());
        }
        return text.isEmpty() ? "" : text + " ";
    }

    private static String evidence(SystemSpec spec, PropertyResult r) {
        List<String> parts = new ArrayList<>();
        parts.add(r.engine());
        r.horizon().ifPresent(h -> parts.add("horizon " + TimeFormat.of(spec).format(h)));
        r.states().ifPresent(s -> parts.add(s + " states"));
        r.trace().ifPresent(p -> parts.add("trace " + p));
        return String.join(", ", parts);
    }
}
