package io.gangproof.check;

import io.gangproof.scheduler.replay.ReplayResult;
import io.gangproof.scheduler.replay.Replayer;
import io.gangproof.scheduler.trace.Trace;
import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Verdict;
import io.gangproof.spec.format.SpecWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Runs every property of a spec through every engine and keeps the strongest answer:
 * {@code VIOLATED} (a replayed trace) over {@code PROVED} over {@code HOLDS-UP-TO} over
 * {@code UNKNOWN}. Engines are independent implementations of one semantics, so a
 * {@code VIOLATED} next to a {@code PROVED} means one of them is wrong: that is an
 * {@link EngineDisagreement}, never silently resolved.
 */
public final class Checker {
    private final List<Engine> engines;

    public Checker(List<Engine> engines) {
        this.engines = List.copyOf(engines);
    }

    /** Two engines contradict each other on one property: a bug in one of them. */
    public static final class EngineDisagreement extends RuntimeException {
        public EngineDisagreement(String message) {
            super(message);
        }
    }

    public SpecReport check(String path, SystemSpec spec, CheckOptions given) {
        CheckOptions options = given.analysisBounds().isEmpty()
                ? given.withAnalysisBounds(AnalysisEngine.derivedBounds(spec)) : given;
        List<PropertyResult> results = new ArrayList<>();
        for (Property p : spec.properties()) {
            results.add(check(spec, p, options));
        }
        return new SpecReport(path, spec, results);
    }

    private PropertyResult check(SystemSpec spec, Property p, CheckOptions options) {
        long start = System.nanoTime();
        List<PropertyResult> answers = new ArrayList<>();
        for (Engine e : engines) {
            e.check(spec, p, options).ifPresent(answers::add);
        }
        String description = SpecWriter.describe(spec, p);
        Optional<PropertyResult> violated = first(answers, Verdict.VIOLATED);
        Optional<PropertyResult> proved = first(answers, Verdict.PROVED);
        if (violated.isPresent() && proved.isPresent()) {
            throw new EngineDisagreement(description + ": engine " + violated.get().engine() + " found a violation ("
                    + violated.get().trace().map(Object::toString).orElse("no trace") + ") but engine "
                    + proved.get().engine() + " proved it");
        }
        Optional<PropertyResult> best = answers.stream().min(Comparator.comparingInt(r -> rank(r.verdict())));
        if (best.isPresent() && best.get().verdict() == Verdict.UNKNOWN && answers.size() > 1) {
            return withEveryReason(best.get(), answers);
        }
        if (best.isPresent()) {
            return best.get().counterexample().isPresent() ? confirmed(spec, best.get(), options) : best.get();
        }
        String reason = engines.isEmpty() ? "no engine available yet"
                : "no engine could decide it (" + String.join(", ", engines.stream().map(Engine::name).toList()) + ")";
        return PropertyResult.unknown(p, description, "none", reason, (System.nanoTime() - start) / 1e9);
    }

    /**
     * Every counterexample is replayed by the reference scheduler (semantics §8) before it is
     * reported; one that does not replay to a violation of its property is an engine bug.
     */
    private static PropertyResult confirmed(SystemSpec spec, PropertyResult r, CheckOptions options) {
        Trace trace = r.counterexample().orElseThrow();
        ReplayResult replay = Replayer.replay(spec, trace, options.analysisBounds());
        boolean confirmed = replay instanceof ReplayResult.Confirmed c
                && c.violations().stream().anyMatch(v -> v.property().equals(r.property()));
        if (!confirmed) {
            throw new EngineDisagreement(r.description() + ": the counterexample of engine " + r.engine()
                    + " does not replay in the reference scheduler: " + replay);
        }
        return options.outputDir().map(dir -> r.withTrace(TraceFiles.write(dir, spec, r.property(), trace)))
                .orElse(r);
    }

    /** Nobody decided: say what each engine found, e.g. an analysis bound and the explorer's limit. */
    private static PropertyResult withEveryReason(PropertyResult best, List<PropertyResult> answers) {
        String reasons = String.join("; ", answers.stream()
                .map(r -> r.engine() + ": " + r.reason().orElse("no answer")).toList());
        Optional<Long> bound = answers.stream().map(PropertyResult::bound).flatMap(Optional::stream).findFirst();
        String engines = String.join("+", answers.stream().map(PropertyResult::engine).toList());
        return new PropertyResult(best.property(), best.description(), Verdict.UNKNOWN, engines, bound,
                best.horizon(), best.states(), answers.stream().mapToDouble(PropertyResult::seconds).sum(),
                Optional.empty(), Optional.of(reasons));
    }

    private static Optional<PropertyResult> first(List<PropertyResult> answers, Verdict v) {
        return answers.stream().filter(r -> r.verdict() == v).findFirst();
    }

    private static int rank(Verdict v) {
        switch (v) {
            case VIOLATED:
                return 0;
            case PROVED:
                return 1;
            case HOLDS_UP_TO:
                return 2;
            default:
                return 3;
        }
    }
}
