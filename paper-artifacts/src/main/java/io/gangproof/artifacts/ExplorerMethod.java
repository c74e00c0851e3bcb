package io.gangproof.artifacts;

import io.gangproof.model.Explorer;
import io.gangproof.model.ExplorerOptions;
import io.gangproof.model.ExplorerResult;
import io.gangproof.spec.Property;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import java.util.List;
import java.util.Optional;

/**
 * The exhaustive explorer as ground truth for {@code global fp} with one protocol: it searches
 * every behaviour (sporadic gaps included) for a deadline miss. Accepted only when no behaviour
 * misses a deadline <em>and</em> the reachable states repeated (docs/semantics.md §13), so no
 * miss exists at any instant; rejected when a behaviour misses one; otherwise (a limit hit, no
 * repetition before the horizon, a hyperperiod above {@code maxHyperperiod}) unknown.
 *
 * <p>Only deterministic limits decide: states and memory (counted by the search, not measured).
 * The time limit is set far above any search these limits allow, so the result never depends
 * on the machine.
 */
final class ExplorerMethod implements Method {
    private static final long TIME_LIMIT_MILLIS = 3_600_000L;
    private final String id;
    private final Protocol protocol;
    private final Experiment.ExplorerSettings settings;

    ExplorerMethod(String id, Protocol protocol, Experiment.ExplorerSettings settings) {
        this.id = id;
        this.protocol = protocol;
        this.settings = settings;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Outcome decide(SystemSpec spec) {
        return outcome(explore(Variants.global(spec, protocol), settings));
    }

    /** Explores the deadlines of {@code spec} under its own scheduler; empty when the set is too large to try. */
    static Optional<ExplorerResult> explore(SystemSpec spec, Experiment.ExplorerSettings settings) {
        Optional<Long> hyper = spec.hyperperiod();
        if (hyper.isEmpty() || hyper.get() > settings.maxHyperperiod()) {
            return Optional.empty();
        }
        long maxPeriod = spec.tasks().stream().mapToLong(Task::period).max().orElse(1);
        long maxDeadline = spec.tasks().stream().mapToLong(Task::deadline).max().orElse(1);
        long horizon = maxPeriod + settings.horizonHyperperiods() * hyper.get() + maxDeadline;
        ExplorerOptions options = ExplorerOptions.DEFAULTS.withHorizon(horizon).withMaxStates(settings.maxStates())
                .withMemoryBytes(settings.memoryMiB() << 20).withTimeLimitMillis(TIME_LIMIT_MILLIS);
        List<ExplorerResult> r = Explorer.check(spec, List.of(new Property.Deadlines(Optional.empty())), options);
        return Optional.of(r.get(0));
    }

    static Outcome outcome(Optional<ExplorerResult> result) {
        if (result.isEmpty()) {
            return Outcome.UNKNOWN;
        }
        ExplorerResult r = result.get();
        if (r instanceof ExplorerResult.Violated) {
            return Outcome.REJECTED;
        }
        if (r instanceof ExplorerResult.Proved) {
            return Outcome.ACCEPTED;
        }
        return Outcome.UNKNOWN;
    }
}
