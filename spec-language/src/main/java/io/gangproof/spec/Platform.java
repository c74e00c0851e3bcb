package io.gangproof.spec;

import java.util.List;
import java.util.Optional;

/** {@code tpus} identical TPUs indexed {@code 0..tpus-1}, each with {@code cacheBytes} of parameter cache. */
public record Platform(int tpus, long cacheBytes, List<Pipeline> pipelines) {
    public Platform {
        pipelines = List.copyOf(pipelines);
        if (tpus < 1) {
            throw new IllegalArgumentException("need at least one TPU");
        }
    }

    public Optional<Pipeline> pipeline(String name) {
        return pipelines.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
