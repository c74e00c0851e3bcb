package io.gangproof.smt.synthesis;

import io.gangproof.analysis.AssignmentResult;
import io.gangproof.analysis.PartitionAssignment;
import io.gangproof.spec.Policy;
import io.gangproof.spec.SystemSpec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Synthesis vs the heuristic on seeded random 20-task / 8-TPU partitioned inputs (levels and
 * pipelines to choose). Not a test: run {@code solver-backend/bench-synthesis.sh [sets] [seed]
 * [timeout-s] [fp|edf] [min-load] [max-load]}. Prints per set status, TPUs of each, smallest slack, iterations and times,
 * then medians. Load: level-1 utilisation per TPU, uniform in [min-load, max-load] (default 0.1..0.5). Wall-clock times on one thread (Z3 runs in this thread).
 */
public final class SynthesisBench {
    private SynthesisBench() {
    }

    public static void main(String[] args) {
        int sets = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 2026;
        Duration timeout = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 60);
        Policy policy = args.length > 3 ? Policy.valueOf(args[3].toUpperCase(java.util.Locale.ROOT)) : Policy.FP;
        double minLoad = args.length > 4 ? Double.parseDouble(args[4]) : 0.1;
        double maxLoad = args.length > 5 ? Double.parseDouble(args[5]) : 0.5;
        int n = 20;
        int m = 8;
        // warm-up (JIT, Z3 native load) on other seeds
        Random warm = new Random(seed ^ 0x5eed);
        for (int i = 0; i < 3; i++) {
            new PartitionSynthesis().synthesize(SynthesisSpecs.random(warm, n, m, policy, false, 0.5), timeout);
        }
        Random rnd = new Random(seed);
        List<Double> synthMs = new ArrayList<>();
        List<Double> heurMs = new ArrayList<>();
        List<Double> searchMs = new ArrayList<>();
        Map<SynthesisResult.Status, Integer> statuses = new EnumMap<>(SynthesisResult.Status.class);
        int fewer = 0;
        int same = 0;
        int onlySynthesis = 0;
        System.out.printf("%-4s %-5s %-11s %6s %6s %6s %6s %10s %10s %10s %10s%n", "set", "load", "status", "tpus",
                "heur", "slack", "iters", "synth ms", "z3 ms", "reverif ms", "heur ms");
        for (int i = 0; i < sets; i++) {
            double load = minLoad + (maxLoad - minLoad) * rnd.nextDouble();
            SystemSpec spec = SynthesisSpecs.random(rnd, n, m, policy, false, load);
            long h0 = System.nanoTime();
            AssignmentResult h = new PartitionAssignment(policy == Policy.FP).assign(spec);
            double hms = (System.nanoTime() - h0) / 1e6;
            SynthesisResult r = new PartitionSynthesis().synthesize(spec, timeout);
            double sms = r.totalTime().toNanos() / 1e6;
            synthMs.add(sms);
            double vms = r.reverifyTime().toNanos() / 1e6;
            searchMs.add(sms - vms);
            heurMs.add(hms);
            statuses.merge(r.status(), 1, Integer::sum);
            String ht = h.found() ? Integer.toString(SynthesisResult.tpusUsedBy(h.spec().get())) : "-";
            if (h.found() && r.found()) {
                if (r.tpusUsed() < SynthesisResult.tpusUsedBy(h.spec().get())) {
                    fewer++;
                } else {
                    same++;
                }
            } else if (r.found()) {
                onlySynthesis++;
            }
            System.out.printf("%-4d %-5.2f %-11s %6s %6s %6s %6d %10.1f %10.1f %10.1f %10.1f%n", i, load, r.status(),
                    r.found() ? Integer.toString(r.tpusUsed()) : "-", ht,
                    r.found() ? Long.toString(r.smallestSlack()) : "-", r.iterations(), sms,
                    r.solverTime().toNanos() / 1e6, vms, hms);
        }
        System.out.printf("%nstatuses %s%n", statuses);
        System.out.printf("both found: synthesis fewer TPUs %d, same %d; only synthesis found %d%n", fewer, same,
                onlySynthesis);
        System.out.printf("median synthesis %.1f ms (max %.1f ms), of which search %.1f ms (max %.1f ms); "
                + "median heuristic %.1f ms (max %.1f ms)%n", median(synthMs), Collections.max(synthMs),
                median(searchMs), Collections.max(searchMs), median(heurMs), Collections.max(heurMs));
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        int k = s.size();
        return k % 2 == 1 ? s.get(k / 2) : (s.get(k / 2 - 1) + s.get(k / 2)) / 2;
    }
}
