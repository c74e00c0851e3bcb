package io.gangproof.smt;

import io.gangproof.analysis.AnalysisCatalog;
import io.gangproof.analysis.AnalysisResult;
import io.gangproof.analysis.Outcome;
import io.gangproof.analysis.PropertyBounds;
import io.gangproof.analysis.ResponseTimeAnalysis;
import io.gangproof.analysis.TaskBound;
import io.gangproof.analysis.Witness;
import io.gangproof.spec.Bound;
import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The facade for {@code gangproof check}: runs the spec's analysis, checks the witness of every
 * task the property is about with Z3 ({@link WitnessCheck}) and answers {@link ProofOutcome.Proved}
 * only when every one of them is confirmed (semantics §8 {@code PROVED}).
 */
public final class ProofCheck {
    /** The default solver timeout per witness check. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private ProofCheck() {
    }

    public static ProofOutcome prove(SystemSpec spec, Property property, Optional<Path> certificateDir,
            Duration timeout) {
        if (property instanceof Property.DeadlockFree) {
            return new ProofOutcome.NotProved("not an analysis property");
        }
        if (property instanceof Property.Overtakes) {
            return new ProofOutcome.NotProved("overtakes has no witness check yet (docs/smt.md)");
        }
        Optional<ResponseTimeAnalysis> analysis = AnalysisCatalog.forSpec(spec);
        if (analysis.isEmpty()) {
            return new ProofOutcome.NotProved("no analysis models this spec's scheduler");
        }
        AnalysisResult result = analysis.get().analyze(spec);
        if (!result.applicable()) {
            return new ProofOutcome.NotProved("analysis " + result.analysis() + " does not apply: "
                    + result.tasks().get(0).reason());
        }
        List<String> tasks = new ArrayList<>();
        if (property.task().isPresent()) {
            tasks.add(property.task().get());
        } else {
            for (Task t : spec.tasks()) {
                tasks.add(t.name());
            }
        }
        List<Path> certificates = new ArrayList<>();
        long proved = 0;
        for (String name : tasks) {
            Optional<TaskBound> tb = result.task(name);
            if (tb.isEmpty()) {
                return new ProofOutcome.NotProved("no task " + name);
            }
            TaskBound b = tb.get();
            if (b.witness() instanceof Witness.None) {
                return new ProofOutcome.NotProved("task " + name + ": no witness (" + b.reason() + ")");
            }
            WitnessCheck.Claim claim;
            long bound;
            if (property instanceof Property.Deadlines) {
                if (b.outcome() != Outcome.SCHEDULABLE) {
                    return new ProofOutcome.NotProved("task " + name + " not accepted by " + result.analysis() + ": "
                            + b.reason());
                }
                claim = WitnessCheck.Claim.response(spec.task(name).deadline());
                bound = b.responseBound().orElseThrow();
            } else {
                Optional<Long> derived = PropertyBounds.derived(result, property);
                if (derived.isEmpty() || b.outcome() == Outcome.NOT_APPLICABLE) {
                    return new ProofOutcome.NotProved("task " + name + ": " + result.analysis()
                            + " gives no bound for this property (" + b.reason() + ")");
                }
                Bound pb = property instanceof Property.Response ? ((Property.Response) property).bound()
                        : ((Property.Inversion) property).bound();
                long limit = pb instanceof Bound.Value ? ((Bound.Value) pb).value() : derived.get();
                if (derived.get() > limit) {
                    return new ProofOutcome.NotProved("task " + name + ": the analysis bound " + derived.get()
                            + " exceeds " + limit);
                }
                claim = property instanceof Property.Response ? WitnessCheck.Claim.response(limit)
                        : WitnessCheck.Claim.inversion(limit);
                bound = derived.get();
            }
            WitnessCheck.Encoding enc;
            try {
                Optional<WitnessCheck.Encoding> e = WitnessCheck.encode(spec, result.analysis(), b, claim);
                if (e.isEmpty()) {
                    return new ProofOutcome.NotProved("task " + name + ": witness kind "
                            + b.witness().getClass().getSimpleName() + " has no SMT encoding yet");
                }
                enc = e.get();
            } catch (WitnessCheck.Mismatch m) {
                return new ProofOutcome.NotProved("task " + name + ": witness refuted: witness does not fit the spec: "
                        + m.getMessage());
            } catch (ArithmeticException | IllegalArgumentException x) {
                return new ProofOutcome.NotProved("task " + name + ": cannot encode: " + x.getMessage());
            }
            WitnessVerdict v = WitnessCheck.solve(enc, timeout);
            if (v instanceof WitnessVerdict.Refuted) {
                return new ProofOutcome.NotProved("task " + name + ": witness refuted by z3: "
                        + ((WitnessVerdict.Refuted) v).constraint());
            }
            if (v instanceof WitnessVerdict.Unknown) {
                return new ProofOutcome.NotProved("task " + name + ": " + ((WitnessVerdict.Unknown) v).reason());
            }
            if (certificateDir.isPresent()) {
                certificates.add(Certificates.write(certificateDir.get(), spec, property, name, enc.smt()));
            }
            proved = Math.max(proved, bound);
        }
        return new ProofOutcome.Proved(certificates, proved, result.analysis());
    }
}
