package io.gangproof.junit;

import io.gangproof.check.Engine;
import io.gangproof.check.SimulationEngine;
import io.gangproof.check.SmtEngine;
import io.gangproof.check.StandardEngines;
import io.gangproof.model.ExplorerOptions;
import io.gangproof.smt.search.ViolationSearch;
import io.gangproof.spec.SystemSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The engines a {@link SpecTests} run asks, by the names of {@code gangproof check --engine}
 * (none: every default engine), and the time limit of the searching engines (the explorer,
 * and each Z3 query of {@code smt}). A spec's own {@code limit time} overrides the limit for
 * that spec, as it does for {@code gangproof check}.
 */
record EngineChoice(List<String> names, Optional<Duration> timeLimit) {
    /** The names {@link #engines} accepts, with the {@link Engine#name()} each selects. */
    static final Map<String, String> NAMES = Map.of("proof", "analysis+z3", "analysis", "analysis", "simulation",
            SimulationEngine.NAME, "explorer", "explorer", "smt", "smt");

    static final EngineChoice DEFAULTS = new EngineChoice(List.of(), Optional.empty());

    EngineChoice {
        names = List.copyOf(names);
        for (String n : names) {
            if (!NAMES.containsKey(n)) {
                throw new IllegalArgumentException("unknown engine '" + n + "': one of "
                        + String.join(", ", new java.util.TreeSet<>(NAMES.keySet())));
            }
        }
        if (timeLimit.isPresent() && (timeLimit.get().isNegative() || timeLimit.get().isZero())) {
            throw new IllegalArgumentException("the time limit must be positive, got " + timeLimit.get());
        }
    }

    /** The limit for this spec's searches: none when the spec says `limit time` (it decides then). */
    Optional<Duration> limitFor(SystemSpec spec) {
        return spec.exploration().timeLimitMillis().isPresent() ? Optional.empty() : timeLimit;
    }

    List<Engine> forSpec(SystemSpec spec) {
        Optional<Duration> limit = limitFor(spec);
        ExplorerOptions explorer = limit.map(d -> new ExplorerOptions(OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.of(Math.max(1, d.toMillis())), OptionalLong.empty(), Map.of(), p -> { }))
                .orElse(ExplorerOptions.DEFAULTS);
        List<Engine> standard = StandardEngines.of(SimulationEngine.DEFAULT_RUNS, explorer);
        if (names.isEmpty()) {
            return standard;
        }
        List<Engine> chosen = new ArrayList<>();
        for (String n : names) {
            if (n.equals("smt")) {
                ViolationSearch.Limits d = ViolationSearch.Limits.DEFAULTS;
                chosen.add(new SmtEngine(new ViolationSearch.Limits(limit.orElse(d.timeout()), d.maxSize())));
            } else {
                standard.stream().filter(e -> e.name().equals(NAMES.get(n))).forEach(chosen::add);
            }
        }
        return chosen;
    }
}
