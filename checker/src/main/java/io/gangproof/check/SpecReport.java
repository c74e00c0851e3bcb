package io.gangproof.check;

import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Verdict;
import java.util.List;

/** The results of checking every property of one spec. */
public record SpecReport(String path, SystemSpec spec, List<PropertyResult> results) {
    public SpecReport {
        results = List.copyOf(results);
    }

    public long count(Verdict v) {
        return results.stream().filter(r -> r.verdict() == v).count();
    }
}
