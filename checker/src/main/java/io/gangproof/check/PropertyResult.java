package io.gangproof.check;

import io.gangproof.scheduler.trace.Trace;
import io.gangproof.spec.Property;
import io.gangproof.spec.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The verdict on one property with its evidence (semantics §8, §12). {@code bound} is in
 * ticks ({@code response}, {@code inversion}) or jobs ({@code overtakes}). A {@code VIOLATED}
 * answer carries its {@code counterexample} as a reference-scheduler trace; the
 * {@link Checker} replays it and writes it to {@code trace}. A {@code PROVED} answer lists the
 * {@code certificates} (SMT-LIB files) it rests on, shown with {@code --verbose} and in JSON.
 * {@code asked} names the engines the checker asked about the property, in order (empty for
 * one engine's own answer).
 */
public record PropertyResult(Property property, String description, Verdict verdict, String engine,
        Optional<Long> bound, Optional<Long> horizon, Optional<Long> states, double seconds, Optional<Path> trace,
        Optional<String> reason, Optional<Trace> counterexample, List<Path> certificates, List<String> asked) {

    public PropertyResult {
        certificates = List.copyOf(certificates);
        asked = List.copyOf(asked);
    }

    public PropertyResult(Property property, String description, Verdict verdict, String engine, Optional<Long> bound,
            Optional<Long> horizon, Optional<Long> states, double seconds, Optional<Path> trace,
            Optional<String> reason, Optional<Trace> counterexample) {
        this(property, description, verdict, engine, bound, horizon, states, seconds, trace, reason,
                counterexample, List.of());
    }

    public PropertyResult(Property property, String description, Verdict verdict, String engine, Optional<Long> bound,
            Optional<Long> horizon, Optional<Long> states, double seconds, Optional<Path> trace,
            Optional<String> reason, Optional<Trace> counterexample, List<Path> certificates) {
        this(property, description, verdict, engine, bound, horizon, states, seconds, trace, reason,
                counterexample, certificates, List.of());
    }

    public PropertyResult(Property property, String description, Verdict verdict, String engine, Optional<Long> bound,
            Optional<Long> horizon, Optional<Long> states, double seconds, Optional<Path> trace,
            Optional<String> reason) {
        this(property, description, verdict, engine, bound, horizon, states, seconds, trace, reason,
                Optional.empty());
    }

    public static PropertyResult unknown(Property property, String description, String engine, String reason,
            double seconds) {
        return new PropertyResult(property, description, Verdict.UNKNOWN, engine, Optional.empty(),
                Optional.empty(), Optional.empty(), seconds, Optional.empty(), Optional.of(reason));
    }

    public PropertyResult withTrace(Path file) {
        return new PropertyResult(property, description, verdict, engine, bound, horizon, states, seconds,
                Optional.of(file), reason, counterexample, certificates, asked);
    }

    public PropertyResult withReason(String text) {
        return new PropertyResult(property, description, verdict, engine, bound, horizon, states, seconds, trace,
                Optional.of(text), counterexample, certificates, asked);
    }

    public PropertyResult withAsked(List<String> engines) {
        return new PropertyResult(property, description, verdict, engine, bound, horizon, states, seconds, trace,
                reason, counterexample, certificates, engines);
    }
}
