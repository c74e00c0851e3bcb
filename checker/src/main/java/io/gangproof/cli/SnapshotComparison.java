package io.gangproof.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gangproof.check.PropertyResult;
import io.gangproof.check.SpecReport;
import io.gangproof.spec.Property;
import io.gangproof.spec.Verdict;
import io.gangproof.spec.parse.Units;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code check --compare SNAPSHOT}: what got worse since a snapshot written by {@code check
 * --snapshot} (the JSON document of semantics §12). A verdict is worse when it is weaker
 * ({@code PROVED} > {@code HOLDS-UP-TO} > {@code UNKNOWN} > {@code VIOLATED}); a bound is worse
 * when it grew. Properties are matched by system name and property text.
 */
final class SnapshotComparison {
    private SnapshotComparison() {
    }

    static List<String> regressions(Path snapshot, List<SpecReport> reports) throws IOException {
        JsonNode old = new ObjectMapper().readTree(snapshot.toFile());
        if (old == null || !old.path("specs").isArray()) {
            throw new IOException("not a gangproof snapshot (no \"specs\" array): " + snapshot);
        }
        List<String> out = new ArrayList<>();
        for (SpecReport report : reports) {
            for (JsonNode s : old.path("specs")) {
                if (!s.path("system").asText().equals(report.spec().name())) {
                    continue;
                }
                for (JsonNode p : s.path("properties")) {
                    String name = p.path("property").asText();
                    report.results().stream().filter(r -> r.description().equals(name)).findFirst()
                            .ifPresent(now -> compare(report, p, now, out));
                }
            }
        }
        return out;
    }

    private static void compare(SpecReport report, JsonNode before, PropertyResult now, List<String> out) {
        String where = now.description() + " in " + report.spec().name();
        Verdict was = verdict(before.path("verdict").asText());
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

    private static Verdict verdict(String label) {
        for (Verdict v : Verdict.values()) {
            if (v.label().equals(label)) {
                return v;
            }
        }
        return Verdict.VIOLATED;
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
