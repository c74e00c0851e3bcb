package io.gangproof.spec;

import java.util.Collections;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One path through a DNN: a latency table from TPU count {@code k} to an execution-time
 * interval. A DNN without declared exits has one exit named {@link #SINGLE}.
 */
public record DnnExit(String name, NavigableMap<Integer, Latency> table) {
    public static final String SINGLE = "default";

    public DnnExit {
        if (table.isEmpty()) {
            throw new IllegalArgumentException("exit " + name + " has an empty latency table");
        }
        table = Collections.unmodifiableNavigableMap(new TreeMap<>(table));
    }
}
