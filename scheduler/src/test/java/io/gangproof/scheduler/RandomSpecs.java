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
import io.gangproof.spec.Bound;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/** Small random valid SystemSpecs (every placement, policy and protocol), for property tests. */
final class RandomSpecs {
    private RandomSpecs() {
    }

    static SystemSpec generate(long seed) {
        return generate(seed, false);
    }

    /**
     * {@code contended}: pinned per-TPU protocols on 2-3 TPUs, wide lists in random orders and
     * short periods, where hold-and-wait and deadlocks are common.
     */
    static SystemSpec generate(long seed, boolean contended) {
        SplittableRandom r = new SplittableRandom(seed);
        int m = contended ? 2 + r.nextInt(2) : 1 + r.nextInt(4);
        Placement placement = contended ? Placement.PINNED : Placement.values()[r.nextInt(3)];
        Policy policy = Policy.values()[r.nextInt(3)];
        Protocol protocol = contended ? Protocol.values()[2 + r.nextInt(2)]
                : placement == Placement.GLOBAL ? Protocol.values()[r.nextInt(2)] : Protocol.values()[r.nextInt(4)];
        List<Pipeline> pipelines = new ArrayList<>();
        if (placement == Placement.PARTITIONED) {
            List<Integer> tpus = shuffled(m, r);
            int at = 0;
            while (at < m) {
                int size = 1 + r.nextInt(m - at);
                pipelines.add(new Pipeline("p" + pipelines.size(), tpus.subList(at, at + size)));
                at += size;
            }
        }
        int n = contended ? 2 + r.nextInt(3) : 1 + r.nextInt(4);
        List<Integer> priorities = shuffled(n, r);
        List<Task> tasks = new ArrayList<>();
        List<Dnn> dnns = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Integer> tpus;
            Binding binding;
            if (placement == Placement.GLOBAL) {
                tpus = List.of();
                binding = new Binding.AnyTpus();
            } else if (placement == Placement.PARTITIONED) {
                Pipeline p = pipelines.get(r.nextInt(pipelines.size()));
                tpus = p.tpus();
                binding = new Binding.OnPipeline(p.name());
            } else {
                tpus = shuffled(m, r).subList(0, contended ? 2 + r.nextInt(m - 1) : 1 + r.nextInt(m));
                binding = new Binding.Pinned(tpus);
            }
            int k = tpus.isEmpty() ? 1 + r.nextInt(m) : tpus.size();
            Dnn dnn = dnns.isEmpty() || r.nextInt(3) != 0 ? dnn("d" + i, k, r) : dnns.get(r.nextInt(dnns.size()));
            if (!dnn.supports(k)) {
                dnn = dnn("d" + i, k, r);
            }
            if (!dnns.contains(dnn)) {
                dnns.add(dnn);
            }
            long period = contended ? 3 + r.nextInt(6) : 2 + r.nextInt(12);
            Arrival arrival = switch (r.nextInt(3)) {
                case 0 -> new Arrival.Periodic(period, r.nextInt(5));
                case 1 -> new Arrival.PeriodicAnyOffset(period);
                default -> new Arrival.Sporadic(period);
            };
            tasks.add(new Task("T" + i, dnn, arrival, 1 + r.nextLong(period), r.nextInt(3) == 0 ? r.nextInt(4) : 0,
                    priorities.get(i) + 1, new TreeSet<>(List.of(k)), binding));
        }
        List<Property> properties = new ArrayList<>();
        properties.add(new Property.Deadlines(Optional.empty()));
        properties.add(new Property.Response("T0", new Bound.Value(r.nextInt(20))));
        properties.add(new Property.Inversion("T0", new Bound.Value(r.nextInt(5))));
        properties.add(new Property.Overtakes("T0", new Bound.Value(r.nextInt(3))));
        properties.add(new Property.DeadlockFree());
        return new SystemSpec("random" + seed, Resolution.DEFAULT, new Platform(m, 1 << 20, pipelines), dnns, tasks,
                new Scheduler(placement, policy, protocol), properties, Exploration.DEFAULTS);
    }

    private static Dnn dnn(String name, int k, SplittableRandom r) {
        int exits = r.nextInt(3) == 0 ? 2 : 1;
        List<DnnExit> list = new ArrayList<>();
        for (int e = 0; e < exits; e++) {
            long bcet = 1 + r.nextInt(4);
            long wcet = bcet + r.nextInt(3);
            list.add(new DnnExit(exits == 1 ? DnnExit.SINGLE : "e" + e, new TreeMap<>(Map.of(k, new Latency(bcet, wcet)))));
        }
        return new Dnn(name, 0, r.nextInt(3), exits > 1, list);
    }

    private static List<Integer> shuffled(int n, SplittableRandom r) {
        List<Integer> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(i);
        }
        for (int i = n - 1; i > 0; i--) {
            Collections.swap(l, i, r.nextInt(i + 1));
        }
        return l;
    }
}
