package io.gangproof.scheduler.bench;

import io.gangproof.spec.Arrival;
import io.gangproof.spec.Binding;
import io.gangproof.spec.Dnn;
import io.gangproof.spec.DnnExit;
import io.gangproof.spec.Exploration;
import io.gangproof.spec.Latency;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Platform;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.Resolution;
import io.gangproof.spec.Scheduler;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The benchmark workload: 16 TPUs, 50 sporadic tasks of widths 1, 2 or 4 with 8 shared DNNs
 * (so reloads happen), fp, at about 70% TPU-time load. Gang protocols run it under global
 * placement; per-TPU protocols under pinned placement on aligned blocks of TPUs dealt round
 * robin (so every TPU carries about the same load), with lists in descending TPU order for
 * per-tpu-listed (one global order, so it cannot deadlock and keeps completing jobs).
 */
public final class BenchmarkSpecs {
    private BenchmarkSpecs() {
    }

    public static SystemSpec of(Protocol protocol) {
        SplittableRandom r = new SplittableRandom(2026);
        int m = 16;
        boolean pinned = protocol.perTpu();
        List<Dnn> dnns = new ArrayList<>();
        for (int d = 0; d < 8; d++) {
            TreeMap<Integer, Latency> table = new TreeMap<>();
            for (int k : new int[] {1, 2, 4}) {
                long wcet = 200 + r.nextInt(800);
                table.put(k, new Latency(wcet / 2, wcet));
            }
            dnns.add(new Dnn("dnn" + d, 1 << 20, 50, false, List.of(new DnnExit(DnnExit.SINGLE, table))));
        }
        List<Task> tasks = new ArrayList<>();
        Map<Integer, Integer> nextBlock = new java.util.HashMap<>(Map.of(1, 0, 2, 0, 4, 0));
        for (int i = 0; i < 50; i++) {
            int k = new int[] {1, 1, 2, 4}[r.nextInt(4)];
            Dnn dnn = dnns.get(r.nextInt(dnns.size()));
            // Each task brings about 0.7 * 16 / 50 TPUs of load: T = k * wcet * 50 / (0.7 * 16).
            long period = Map.of(1, 1L, 2, 2L, 4, 4L).get(k) * dnn.wcet(k) * 50 * 10 / (7 * m);
            Binding binding = new Binding.AnyTpus();
            if (pinned) {
                int block = nextBlock.get(k);
                nextBlock.put(k, (block + 1) % (m / k));
                int first = block * k;
                List<Integer> tpus = new ArrayList<>();
                for (int t = first + k - 1; t >= first; t--) {
                    tpus.add(t);
                }
                binding = new Binding.Pinned(tpus);
            }
            tasks.add(new Task("t" + i, dnn, new Arrival.Sporadic(period), period, 0, i + 1, new TreeSet<>(List.of(k)),
                    binding));
        }
        return new SystemSpec("bench-" + protocol.keyword(), Resolution.DEFAULT, new Platform(m, 8L << 20, List.of()),
                dnns, tasks, new Scheduler(pinned ? Placement.PINNED : Placement.GLOBAL, Policy.FP, protocol),
                List.of(), Exploration.DEFAULTS);
    }
}
