package io.gangproof.check;

import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.format.SpecWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs every property of a spec through the engines in order; the first engine with an
 * answer decides. A property no engine can decide is {@code UNKNOWN} with the reason.
 */
public final class Checker {
    private final List<Engine> engines;

    public Checker(List<Engine> engines) {
        this.engines = List.copyOf(engines);
    }

    public SpecReport check(String path, SystemSpec spec, CheckOptions options) {
        List<PropertyResult> results = new ArrayList<>();
        for (Property p : spec.properties()) {
            results.add(check(spec, p, options));
        }
        return new SpecReport(path, spec, results);
    }

    private PropertyResult check(SystemSpec spec, Property p, CheckOptions options) {
        long start = System.nanoTime();
        for (Engine e : engines) {
            Optional<PropertyResult> r = e.check(spec, p, options);
            if (r.isPresent()) {
                return r.get();
            }
        }
        String reason = engines.isEmpty() ? "no engine available yet"
                : "no engine could decide it (" + String.join(", ", engines.stream().map(Engine::name).toList()) + ")";
        return PropertyResult.unknown(p, SpecWriter.describe(spec, p), "none", reason,
                (System.nanoTime() - start) / 1e9);
    }
}
