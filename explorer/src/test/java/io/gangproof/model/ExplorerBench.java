package io.gangproof.model;

import io.gangproof.spec.SystemSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Throughput of the embedded explorer: states per second of the search alone (generation and
 * compilation excluded) and bytes per stored state, median of several runs. Not a test: run
 *
 * <pre>
 * mvn -q -o -pl explorer -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
 * java -cp explorer/target/classes:explorer/target/test-classes:$(cat explorer/target/bench-classpath.txt) io.gangproof.model.ExplorerBench
 * </pre>
 *
 * from the repository root.
 */
public final class ExplorerBench {
    private ExplorerBench() {
    }

    /** 3 sporadic tasks on 4 TPUs with execution-time ranges: the state space grows fast with the horizon. */
    static final String SPORADIC_3_ON_4 = """
            system sporadic_three_on_four {
              resolution 1 ms
              platform { tpus 4 }
              dnn wide { latency { 3: 2 ms .. 3 ms } }
              dnn pair { latency { 2: 2 ms .. 4 ms } }
              dnn one { latency { 1: 1 ms .. 3 ms } }
              task W { runs wide, sporadic 9 ms, priority 1, tpus 3 }
              task P { runs pair, sporadic 6 ms, priority 2, tpus 2 }
              task O { runs one, sporadic 4 ms, priority 3, tpus 1 }
              scheduler global fp with gang-greedy
              verify {
                deadlines
                inversion(W) <= 2 ms
                horizon %d ms
              }
            }
            """;

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int horizon = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        bench("3 sporadic tasks / 4 TPUs, horizon " + horizon,
                SingleBehaviourTest.spec(String.format(SPORADIC_3_ON_4, horizon)), runs);
        bench("starvation-strict (largest bundled), horizon 40", BundledSpecs.load("starvation-strict"), runs);
        bench("starvation-strict, horizon 4000", BundledSpecs.load("starvation-strict"), runs, 4000);
        // issue 15: up to 2^100 successors per state; the search ends at its memory limit
        ExplorerOptions limited = ExplorerOptions.DEFAULTS.withMemoryBytes(256L << 20);
        Search.Outcome o = Explorer.measure(SingleBehaviourTest.spec(hundredTasks()), limited);
        System.out.printf("100 tasks of unknown offset / 8 TPUs: %d states, %.1f bytes/state (%.1f of it encoding),"
                + " %.3f s, stopped: %s%n", o.states(), o.bytesPerState(), (double) o.payloadBytes() / o.states(),
                o.seconds(), o.limitHit().orElse("no"));
    }

    /** 100 periodic tasks of unknown offset on 8 TPUs at 1 us, about 30% load. */
    static String hundredTasks() {
        StringBuilder s = new StringBuilder("system hundred {\n  resolution 1 us\n  platform { tpus 8 }\n");
        for (int d = 0; d < 8; d++) {
            s.append("  dnn d").append(d).append(" { latency { 1: ").append(10 + d).append(" us } }\n");
        }
        long[] periods = {1000, 2000, 4000, 5000, 10000};
        for (int i = 0; i < 100; i++) {
            s.append("  task t").append(i).append(" { runs d").append(i % 8).append(", periodic ")
                    .append(periods[i % periods.length]).append(" us, priority ").append(i + 1).append(", tpus 1 }\n");
        }
        return s.append("  scheduler global fp with gang-strict\n  verify { deadlines }\n}\n").toString();
    }

    private static void bench(String name, SystemSpec spec, int runs) {
        bench(name, spec, runs, -1);
    }

    private static void bench(String name, SystemSpec spec, int runs, long horizon) {
        ExplorerOptions options = horizon < 0 ? ExplorerOptions.DEFAULTS : ExplorerOptions.DEFAULTS.withHorizon(horizon);
        // measure() checks the spec's properties; with nothing violated early the whole space is searched
        List<Double> rates = new ArrayList<>();
        List<Double> cpuRates = new ArrayList<>();
        List<Double> bytes = new ArrayList<>();
        Search.Outcome last = null;
        for (int r = 0; r < runs + 1; r++) {
            Search.Outcome o = Explorer.measure(spec, options);
            if (r > 0) { // the first run warms the JIT up
                rates.add(o.states() / o.seconds());
                cpuRates.add(o.states() / o.cpuSeconds());
                bytes.add(o.bytesPerState());
            }
            last = o;
        }
        rates.sort(null);
        cpuRates.sort(null);
        bytes.sort(null);
        System.out.printf("%s: %d states, %d transitions, %.3f s; median %.0f states/s of wall time (min %.0f, max %.0f),"
                + " median %.0f states per CPU second; %.1f bytes/state (%.1f of it encoding)%n", name, last.states(),
                last.transitions(), last.seconds(), rates.get(rates.size() / 2), rates.get(0),
                rates.get(rates.size() - 1), cpuRates.get(cpuRates.size() / 2), bytes.get(bytes.size() / 2),
                (double) last.payloadBytes() / last.states());
    }
}
