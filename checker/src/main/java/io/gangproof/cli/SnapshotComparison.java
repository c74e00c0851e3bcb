package io.gangproof.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gangproof.check.PropertyResult;
import io.gangproof.check.SpecReport;
import io.gangproof.spec.Property;
import io.gangproof.spec.Verdict;
import io.gangproof.spec.parse.InputFiles;
import io.gangproof.spec.parse.Units;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code check --compare SNAPSHOT}: what got worse since a snapshot written by {@code check
 * --snapshot} (the JSON document of semantics §12). A verdict is worse when it is weaker
 * ({@code PROVED} > {@code HOLDS-UP-TO} > {@code UNKNOWN} > {@code VIOLATED}); a bound is worse
 * when it grew. Properties are matched by system name and property text; a baseline entry
 * that matches nothing in this run (a renamed system, an unknown verdict, missing keys) is
 * reported too, so a broken baseline never passes.
 */
final class SnapshotComparison {
    private SnapshotComparison() {
    }

    static List<String> regressions(Path snapshot, List<SpecReport> reports) throws IOException {
        JsonNode old;
        try {
            old = new ObjectMapper().readTree(InputFiles.read(snapshot));
        } catch (InputFiles.Unreadable e) {
            throw new IOException(e.getMessage(), e);
        }
        if (old == null || !old.path("specs").isArray()) {
            throw new IOException("not a gangproof snapshot (no \"specs\" array): " + snapshot);
        }
        List<String> out = new ArrayList<>();
        int index = 0;
        for (JsonNode s : old.path("specs")) {
            index++;
            String system = s.path("system").isTextual() ? s.path("system").asText() : null;
            Optional<SpecReport> report = reports.stream().filter(r -> r.spec().name().equals(system)).findFirst();
            if (system == null || !s.path("properties").isArray()) {
                out.add("baseline entry " + index + " has no \"system\" name or no \"properties\" array: it "
                        + "cannot be matched");
            } else if (report.isEmpty()) {
                out.add("baseline system '" + system + "' (" + s.path("spec").asText("?") + ") is not in this run");
            } else {
                for (JsonNode p : s.path("properties")) {
                    match(report.get(), p, out);
                }
            }
        }
        return out;
    }

    /** Compares one baseline property, or says why it cannot be compared: every entry must be matched. */
    private static void match(SpecReport report, JsonNode p, List<String> out) {
        String system = report.spec().name();
        if (!p.path("property").isTextual() || !p.path("verdict").isTextual()) {
            out.add("a baseline property of " + system + " lacks \"property\" or \"verdict\": it cannot be "
                    + "matched");
            return;
        }
        String name = p.path("property").asText();
        Optional<Verdict> was = verdict(p.path("verdict").asText());
        if (was.isEmpty()) {
            out.add("baseline verdict '" + p.path("verdict").asText() + "' of " + name + " in " + system
                    + " is not a verdict (PROVED, HOLDS-UP-TO, UNKNOWN, VIOLATED)");
            return;
        }
        if (!p.path("bound").isMissingNode() && !p.path("bound").isNull() && !p.path("bound").isIntegralNumber()) {
            out.add("baseline bound of " + name + " in " + system + " is not a whole number: " + p.path("bound"));
            return;
        }
        Optional<PropertyResult> now = report.results().stream().filter(r -> r.description().equals(name))
                .findFirst();
        if (now.isEmpty()) {
            out.add("baseline property '" + name + "' of " + system + " is not checked in this run");
            return;
        }
        compare(report, p, was.get(), now.get(), out);
    }

    private static void compare(SpecReport report, JsonNode before, Verdict was, PropertyResult now,
            List<String> out) {
        String where = now.description() + " in " + report.spec().name();
        if (strength(now.verdict()) < strength(was)) {
            out.add("verdict of " + where + " fell from " + was.label() + " to " + now.verdict().label()
                    + now.reason().map(r -> " (" + r + ")").orElse(""));
        }
        if (before.path("bound").isIntegralNumber() && now.bound().isPresent()
                && now.bound().get() > before.path("bound").asLong()) {
            out.add("bound of " + where + " rose from " + quantity(report, now.property(), before.path("bound")
                    .asLong()) + " to " + quantity(report, now.property(), now.bound().get()));
        }
    }

    private static String quantity(SpecReport report, Property p, long value) {
        if (p instanceof Property.Overtakes) {
            return value + " jobs";
        }
        return Units.formatNanosDecimal(BigInteger.valueOf(value).multiply(BigInteger.valueOf(report.spec()
                .resolution().nanosPerTick())));
    }

    private static Optional<Verdict> verdict(String label) {
        for (Verdict v : Verdict.values()) {
            if (v.label().equals(label)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    static int strength(Verdict v) {
        switch (v) {
            case PROVED:
                return 3;
            case HOLDS_UP_TO:
                return 2;
            case UNKNOWN:
                return 1;
            default:
                return 0;
        }
    }
}
