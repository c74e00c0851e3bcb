package io.gangproof.scheduler;

import io.gangproof.spec.Arrival;
import io.gangproof.spec.Binding;
import io.gangproof.spec.Dnn;
import io.gangproof.spec.DnnExit;
import io.gangproof.spec.Exploration;
import io.gangproof.spec.Latency;
import io.gangproof.spec.Pipeline;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Platform;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Property;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.Resolution;
import io.gangproof.spec.Scheduler;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Builds SystemSpecs in Java for tests (the parser is written concurrently on main). */
public final class SpecFixture {
    private final int tpus;
    private final Scheduler scheduler;
    private final List<Task> tasks = new ArrayList<>();
    private final List<Pipeline> pipelines = new ArrayList<>();
    private final Map<String, Dnn> dnns = new LinkedHashMap<>();
    private final List<Property> properties = new ArrayList<>();

    private SpecFixture(int tpus, Placement placement, Policy policy, Protocol protocol) {
        this.tpus = tpus;
        this.scheduler = new Scheduler(placement, policy, protocol);
    }

    public static SpecFixture system(int tpus, Placement placement, Policy policy, Protocol protocol) {
        return new SpecFixture(tpus, placement, policy, protocol);
    }

    public SpecFixture pipeline(String name, Integer... members) {
        pipelines.add(new Pipeline(name, List.of(members)));
        return this;
    }

    /** A DNN with one exact latency {@code c} at level {@code k} and the given reload time. */
    public static Dnn dnn(String name, int k, long c, long reload) {
        return new Dnn(name, 0, reload, false, List.of(new DnnExit(DnnExit.SINGLE, new TreeMap<>(Map.of(k, Latency.exactly(c))))));
    }

    public SpecFixture global(String name, int priority, Arrival arrival, long deadline, int k, long c) {
        return task(name, priority, arrival, deadline, 0, k, new Binding.AnyTpus(), dnn("d" + name, k, c, 0));
    }

    public SpecFixture pinned(String name, int priority, Arrival arrival, long deadline, List<Integer> on, long c) {
        return task(name, priority, arrival, deadline, 0, on.size(), new Binding.Pinned(on), dnn("d" + name, on.size(), c, 0));
    }

    public SpecFixture partitioned(String name, int priority, Arrival arrival, long deadline, String pipeline, long c) {
        int k = pipelines.stream().filter(p -> p.name().equals(pipeline)).findFirst().orElseThrow().size();
        return task(name, priority, arrival, deadline, 0, k, new Binding.OnPipeline(pipeline), dnn("d" + name, k, c, 0));
    }

    public SpecFixture task(String name, int priority, Arrival arrival, long deadline, long jitter, int k, Binding binding,
            Dnn dnn) {
        dnns.putIfAbsent(dnn.name(), dnn);
        tasks.add(new Task(name, dnn, arrival, deadline, jitter, priority, new TreeSet<>(List.of(k)), binding));
        return this;
    }

    public SpecFixture property(Property p) {
        properties.add(p);
        return this;
    }

    public SystemSpec build() {
        return new SystemSpec("fixture", Resolution.DEFAULT, new Platform(tpus, 8L << 20, pipelines),
                new ArrayList<>(dnns.values()), tasks, scheduler, properties, Exploration.DEFAULTS);
    }

    public static Arrival periodic(long period, long offset) {
        return new Arrival.Periodic(period, offset);
    }

    public static Arrival sporadic(long period) {
        return new Arrival.Sporadic(period);
    }

    /** Semantics §6: m = 2, global fp; H (k=2) starves under gang-greedy. */
    public static SystemSpec starvation(Protocol protocol) {
        return system(2, Placement.GLOBAL, Policy.FP, protocol)
                .global("H", 1, sporadic(10), 10, 2, 1)
                .global("A", 2, periodic(4, 0), 4, 1, 3)
                .global("B", 3, periodic(4, 2), 4, 1, 3)
                .property(new Property.Deadlines(java.util.Optional.empty()))
                .build();
    }

    /** Semantics §6: m = 2, pinned fp; A [0,1] and B [1,0] deadlock under per-tpu-listed. */
    public static SystemSpec deadlock(Protocol protocol) {
        return system(2, Placement.PINNED, Policy.FP, protocol)
                .pinned("C", 3, periodic(20, 0), 20, List.of(1), 3)
                .pinned("A", 2, periodic(20, 1), 20, List.of(0, 1), 2)
                .pinned("B", 1, periodic(20, 2), 20, List.of(1, 0), 2)
                .property(new Property.DeadlockFree())
                .build();
    }
}
