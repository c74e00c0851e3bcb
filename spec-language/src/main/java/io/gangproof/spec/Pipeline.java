package io.gangproof.spec;

import java.util.List;

/** A named, non-empty, ordered list of distinct TPU indices (semantics §2). */
public record Pipeline(String name, List<Integer> tpus) {
    public Pipeline {
        tpus = List.copyOf(tpus);
        if (tpus.isEmpty()) {
            throw new IllegalArgumentException("pipeline " + name + " is empty");
        }
    }

    public int size() {
        return tpus.size();
    }
}
