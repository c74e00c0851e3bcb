package io.gangproof.artifacts;

import io.gangproof.analysis.AnalysisResult;
import io.gangproof.analysis.ResponseTimeAnalysis;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.SystemSpec;

/**
 * A global gang analysis as an acceptance test: accepted when it bounds every task's response
 * time by its deadline ({@link AnalysisResult#allSchedulable()}); anything else is a failed
 * sufficient test, counted as rejected.
 */
final class GlobalAnalysisMethod implements Method {
    private final String id;
    private final Protocol protocol;
    private final ResponseTimeAnalysis analysis;

    GlobalAnalysisMethod(String id, Protocol protocol, ResponseTimeAnalysis analysis) {
        this.id = id;
        this.protocol = protocol;
        this.analysis = analysis;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Outcome decide(SystemSpec spec) {
        SystemSpec s = Variants.global(spec, protocol);
        if (!analysis.appliesTo(s)) {
            throw new IllegalStateException(analysis.name() + " does not apply to generated set " + s.name());
        }
        return analysis.analyze(s).allSchedulable() ? Outcome.ACCEPTED : Outcome.REJECTED;
    }
}
