package io.gangproof.check;

import io.gangproof.scheduler.check.TraceChecker;
import io.gangproof.scheduler.trace.Trace;
import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.format.SpecWriter;
import io.gangproof.symbolic.SymbolicExplorer;
import io.gangproof.symbolic.SymbolicOptions;
import io.gangproof.symbolic.SymbolicOutcome;
import io.gangproof.symbolic.SymbolicResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The symbolic-time engine (docs/symbolic.md) for {@code gangproof check}: the first property
 * asked about a spec runs one zone-graph search for all of them; the others are answered from
 * it. {@code PROVED} rests on the closed zone graph (semantics §8), saved under {@code OUT/certificates}
 * and re-checked by the independent checker when there is an output folder; a counterexample comes as
 * the reference scheduler's trace, which the checker replays again. Specs it cannot search
 * (levels or pipelines left to synthesis) and properties whose bound has no number get no answer.
 */
public final class SymbolicEngine implements Engine {
    private final long timeLimitMillis;
    private SystemSpec cachedSpec;
    private CheckOptions cachedOptions;
    private SymbolicOutcome cached;
    /** The certificate file of the cached search, with what its independent check found; null when none. */
    private ZoneGraphCertificateFile.Written certificate;

    public SymbolicEngine() {
        this(SymbolicOptions.DEFAULT_TIME_LIMIT_MILLIS);
    }

    /** {@code timeLimitMillis}: for specs that set no {@code limit time}. */
    public SymbolicEngine(long timeLimitMillis) {
        this.timeLimitMillis = timeLimitMillis;
    }

    @Override
    public String name() {
        return SymbolicExplorer.NAME;
    }

    /** One zone-graph search answers every property of the spec. */
    @Override
    public boolean answersTogether() {
        return true;
    }

    @Override
    public Optional<PropertyResult> check(SystemSpec spec, Property property, CheckOptions options) {
        return check(spec, List.of(property), options).get(0);
    }

    /**
     * One search for all of the spec's properties; it is bounded by the spec's {@code limit time}
     * (else this engine's default) and by what is left of the property's budget, if less.
     */
    @Override
    public synchronized List<Optional<PropertyResult>> check(SystemSpec spec, List<Property> properties,
            CheckOptions options) {
        if (SymbolicExplorer.unsupported(spec).isPresent()) {
            return properties.stream().map(p -> Optional.<PropertyResult>empty()).toList();
        }
        CheckOptions key = options.withDeadline(0);
        boolean covered = cached != null && properties.stream().allMatch(p -> cached.results().stream()
                .anyMatch(r -> r.property().equals(p)));
        if (!spec.equals(cachedSpec) || !key.equals(cachedOptions) || !covered) {
            long time = spec.exploration().timeLimitMillis().orElse(timeLimitMillis);
            OptionalLong left = options.remainingMillis();
            if (left.isPresent()) {
                time = Math.max(1, Math.min(time, left.getAsLong()));
            }
            List<Property> all = new ArrayList<>(spec.properties());
            properties.stream().filter(p -> !all.contains(p)).forEach(all::add);
            SystemSpec searched = all.equals(spec.properties()) ? spec : new SystemSpec(spec.name(),
                    spec.resolution(), spec.platform(), spec.dnns(), spec.tasks(), spec.scheduler(), all,
                    spec.exploration());
            String[] text = new String[1];
            cached = SymbolicExplorer.check(searched, new SymbolicOptions(time, SymbolicOptions.DEFAULT_MAX_STATES,
                    options.horizon(spec), options.analysisBounds()), options.outputDir().isPresent() ? t -> text[0] = t
                    : null);
            certificate = text[0] == null ? null : ZoneGraphCertificateFile.writeAndCheck(
                    options.outputDir().orElseThrow().resolve("certificates"), searched, text[0]);
            cachedSpec = spec;
            cachedOptions = key;
        }
        List<Optional<PropertyResult>> out = new ArrayList<>();
        for (Property p : properties) {
            out.add(cached.results().stream().filter(r -> r.property().equals(p)).findFirst()
                    .map(r -> toPropertyResult(spec, r, options)));
        }
        return out;
    }

    private PropertyResult toPropertyResult(SystemSpec spec, SymbolicResult r, CheckOptions options) {
        String description = SpecWriter.describe(spec, r.property());
        Optional<Long> bound = options.numericBound(r.property());
        double seconds = cached.seconds();
        if (r instanceof SymbolicResult.Proved p) {
            String evidence = certificate != null ? "; " + certificate.summary()
                    : options.outputDir().isPresent() && p.states() > SymbolicExplorer.MAX_CERTIFICATE_STATES
                    ? "; no certificate (more than " + SymbolicExplorer.MAX_CERTIFICATE_STATES + " states)" : "";
            return new PropertyResult(p.property(), description, io.gangproof.spec.Verdict.PROVED, name(), bound,
                    Optional.empty(), Optional.of(p.states()), seconds + (certificate == null ? 0 : certificate.seconds()),
                    Optional.empty(), Optional.of("the closed zone graph: " + p.states() + " symbolic states, "
                            + p.transitions() + " transitions, every successor simulated by a stored state and"
                            + " none violating, so it holds at every instant (docs/symbolic.md)" + evidence),
                    Optional.empty(), certificate == null ? List.of() : List.of(certificate.file()));
        }
        if (r instanceof SymbolicResult.Violated v) {
            // The trace claims every violation its schedule shows, as replay demands (docs/traces.md).
            Trace trace = TraceChecker.claimingAll(spec, v.trace(), options.analysisBounds());
            String message = trace.violations().stream().filter(x -> x.property().equals(v.property())).findFirst()
                    .orElse(v.trace().violations().get(0)).message();
            return new PropertyResult(v.property(), description, io.gangproof.spec.Verdict.VIOLATED, name(), bound,
                    Optional.of(trace.horizon()), Optional.of(v.states()), seconds, Optional.empty(),
                    Optional.of(message), Optional.of(trace));
        }
        SymbolicResult.Unknown u = (SymbolicResult.Unknown) r;
        return new PropertyResult(u.property(), description, io.gangproof.spec.Verdict.UNKNOWN, name(), bound,
                Optional.empty(), Optional.of(u.states()), seconds, Optional.empty(), Optional.of(u.reason()));
    }
}
