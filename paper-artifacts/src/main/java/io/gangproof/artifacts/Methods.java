package io.gangproof.artifacts;

import io.gangproof.analysis.GlobalGangGreedyResponseTime;
import io.gangproof.analysis.GlobalGangStrictResponseTime;
import io.gangproof.spec.Protocol;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The registry of methods, keyed by the id experiment files use. Adding a method is one
 * {@link #register} line in the static block; a factory receives the experiment (for settings
 * such as the explorer's limits). An experiment may list methods under {@code plannedMethods}:
 * they run once registered, and until then the run notes that their series is missing.
 */
public final class Methods {
    private static final Map<String, Function<Experiment.ExplorerSettings, Method>> REGISTRY = new LinkedHashMap<>();

    static {
        register("global-greedy", x -> new GlobalAnalysisMethod("global-greedy", Protocol.GANG_GREEDY,
                new GlobalGangGreedyResponseTime()));
        register("global-strict", x -> new GlobalAnalysisMethod("global-strict", Protocol.GANG_STRICT,
                new GlobalGangStrictResponseTime()));
        register("global-greedy-assigned", x -> new GlobalAssignmentMethod("global-greedy-assigned",
                Protocol.GANG_GREEDY));
        register("global-strict-assigned", x -> new GlobalAssignmentMethod("global-strict-assigned",
                Protocol.GANG_STRICT));
        register("partitioned-heuristic", x -> new PartitionedHeuristicMethod());
        register("partitioned-smt", x -> new PartitionedSynthesisMethod());
        register("explorer-global-greedy", x -> new ExplorerMethod("explorer-global-greedy", Protocol.GANG_GREEDY, x));
        register("explorer-global-strict", x -> new ExplorerMethod("explorer-global-strict", Protocol.GANG_STRICT, x));
    }

    private Methods() {
    }

    /** Adds a method under {@code id}; ids are unique. */
    public static synchronized void register(String id, Function<Experiment.ExplorerSettings, Method> factory) {
        if (REGISTRY.putIfAbsent(id, factory) != null) {
            throw new IllegalStateException("method " + id + " is registered twice");
        }
    }

    public static synchronized boolean known(String id) {
        return REGISTRY.containsKey(id);
    }

    /** Every registered id, in registration order. */
    public static synchronized List<String> ids() {
        return Collections.unmodifiableList(new ArrayList<>(REGISTRY.keySet()));
    }

    /** The method {@code id} configured for {@code experiment}. */
    public static synchronized Method create(String id, Experiment experiment) {
        Function<Experiment.ExplorerSettings, Method> f = REGISTRY.get(id);
        if (f == null) {
            throw new IllegalArgumentException("unknown method '" + id + "'; known: " + ids());
        }
        return f.apply(experiment.explorer());
    }
}
