package io.gangproof.spec;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A DNN workload (semantics §3): size in bytes, reload time in ticks, and one or more exits.
 * Every exit has a table for the same TPU counts. For a dynamic DNN, {@code wcet(k)} is the
 * maximum and {@code bcet(k)} the minimum over its exits.
 */
public record Dnn(String name, long sizeBytes, long reload, boolean dynamic, List<DnnExit> exits) {
    public Dnn {
        exits = List.copyOf(exits);
        if (exits.isEmpty()) {
            throw new IllegalArgumentException("DNN " + name + " has no latency table");
        }
        if (!dynamic && exits.size() != 1) {
            throw new IllegalArgumentException("a DNN that is not dynamic has exactly one table");
        }
        if (sizeBytes < 0 || reload < 0) {
            throw new IllegalArgumentException("size and reload of DNN " + name + " must be >= 0");
        }
        var levels = exits.get(0).table().keySet();
        for (DnnExit e : exits) {
            if (!e.table().keySet().equals(levels)) {
                throw new IllegalArgumentException("every exit of DNN " + name + " needs the same TPU counts");
            }
        }
    }

    /** A DNN with a single table and no reload. */
    public static Dnn simple(String name, long sizeBytes, java.util.Map<Integer, Latency> table) {
        return new Dnn(name, sizeBytes, 0, false, List.of(new DnnExit(DnnExit.SINGLE, new java.util.TreeMap<>(table))));
    }

    /** The TPU counts this DNN has latencies for. */
    public SortedSet<Integer> levels() {
        return new TreeSet<>(exits.get(0).table().keySet());
    }

    public boolean supports(int k) {
        return exits.get(0).table().containsKey(k);
    }

    /** The hull of the exits' intervals at {@code k}. */
    public Latency latency(int k) {
        Latency hull = null;
        for (DnnExit e : exits) {
            Latency l = e.table().get(k);
            if (l == null) {
                throw new NoSuchElementException("DNN " + name + " has no latency for " + k + " TPUs");
            }
            hull = hull == null ? l : hull.hull(l);
        }
        return hull;
    }

    public long wcet(int k) {
        return latency(k).wcet();
    }

    public long bcet(int k) {
        return latency(k).bcet();
    }

    public DnnExit exit(String exitName) {
        for (DnnExit e : exits) {
            if (e.name().equals(exitName)) {
                return e;
            }
        }
        throw new NoSuchElementException("DNN " + name + " has no exit " + exitName);
    }
}
