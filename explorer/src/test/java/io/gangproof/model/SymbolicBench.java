package io.gangproof.model;

import io.gangproof.spec.Arrival;
import io.gangproof.spec.Dnn;
import io.gangproof.spec.DnnExit;
import io.gangproof.spec.Exploration;
import io.gangproof.spec.Latency;
import io.gangproof.spec.Property;
import io.gangproof.spec.Resolution;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import io.gangproof.symbolic.SymbolicExplorer;
import io.gangproof.symbolic.SymbolicOptions;
import io.gangproof.symbolic.SymbolicOutcome;
import io.gangproof.symbolic.SymbolicResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The symbolic engine against the tick explorer (docs/symbolic.md), not a test: time and
 * symbolic states per coral-* spec, and one system written at 1 ms, 100 us, 10 us and 1 us
 * (latencies rounded up to the resolution). Run from the repository root:
 *
 * <pre>
 * mvn -q -o -pl explorer -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
 * java -cp explorer/target/classes:explorer/target/test-classes:$(cat explorer/target/bench-classpath.txt) io.gangproof.model.SymbolicBench
 * </pre>
 *
 * ({@code dependency:build-classpath} needs {@code -am} in the same run: offline, the unreleased
 * modules resolve only inside the reactor.)
 * Both engines get {@code -Dlimit.seconds} (default 10) each; results in docs/symbolic.md.
 */
public final class SymbolicBench {
    private SymbolicBench() {
    }

    public static void main(String[] args) {
        long limit = Long.getLong("limit.seconds", 10) * 1000;
        System.out.println("spec | symbolic: s, states, closed, verdicts | tick explorer: s, verdicts");
        for (String name : new String[] {"coral-dynamic", "coral-quad-strict", "coral-quad-partitioned",
            "coral-quad-greedy", "coral-octo-strict", "starvation-strict", "deadlock-free-ascending",
            "timing-anomaly", "textbook-buttazzo-ex8-1"}) {
            row(name, BundledSpecs.load(name), limit);
        }
        SystemSpec base = BundledSpecs.load("coral-dynamic");
        for (long ns : new long[] {1_000_000, 100_000, 10_000, 1_000}) {
            row("coral-dynamic at " + ns / 1000 + " us", rescaled(base, ns), limit);
        }
    }

    private static void row(String name, SystemSpec spec, long limit) {
        long horizon = Horizons.resolve(spec, OptionalLong.empty());
        SymbolicOutcome s = SymbolicExplorer.check(spec, new SymbolicOptions(limit, 5_000_000, horizon, Map.of()));
        long t0 = System.nanoTime();
        List<ExplorerResult> tick = Explorer.check(spec, ExplorerOptions.DEFAULTS.withTimeLimitMillis(limit));
        double tickSeconds = (System.nanoTime() - t0) / 1e9;
        List<String> sv = new ArrayList<>();
        for (SymbolicResult r : s.results()) {
            sv.add(r.getClass().getSimpleName());
        }
        List<String> tv = new ArrayList<>();
        for (ExplorerResult r : tick) {
            tv.add(r.verdict().toString());
        }
        System.out.printf("%s | %.2f s, %d states, closed %s, %s | %.2f s, %s%n", name, s.seconds(), s.states(),
                s.closed(), sv, tickSeconds, tv);
    }

    /** The same system at another resolution: every time rounded up to a whole number of ticks. */
    static SystemSpec rescaled(SystemSpec spec, long nanosPerTick) {
        long from = spec.resolution().nanosPerTick();
        List<Dnn> dnns = new ArrayList<>();
        for (Dnn d : spec.dnns()) {
            dnns.add(rescaled(d, from, nanosPerTick));
        }
        List<Task> tasks = new ArrayList<>();
        for (Task t : spec.tasks()) {
            Arrival a = t.arrival();
            Arrival na = a instanceof Arrival.Periodic p ? new Arrival.Periodic(up(p.period(), from, nanosPerTick),
                    up(p.offset(), from, nanosPerTick)) : a instanceof Arrival.PeriodicAnyOffset p
                    ? new Arrival.PeriodicAnyOffset(up(p.period(), from, nanosPerTick))
                    : new Arrival.Sporadic(up(a.period(), from, nanosPerTick));
            tasks.add(new Task(t.name(), rescaled(t.dnn(), from, nanosPerTick), na, up(t.deadline(), from,
                    nanosPerTick), up(t.jitter(), from, nanosPerTick), t.priority(), t.levels(), t.binding()));
        }
        List<Property> props = spec.properties().stream().filter(p -> p.declaredBound().isEmpty()).toList();
        return new SystemSpec(spec.name(), new Resolution(nanosPerTick), spec.platform(), dnns, tasks,
                spec.scheduler(), props, Exploration.DEFAULTS);
    }

    private static Dnn rescaled(Dnn d, long from, long to) {
        List<DnnExit> exits = new ArrayList<>();
        for (DnnExit e : d.exits()) {
            TreeMap<Integer, Latency> table = new TreeMap<>();
            e.table().forEach((k, l) -> table.put(k, new Latency(up(l.bcet(), from, to), up(l.wcet(), from, to))));
            exits.add(new DnnExit(e.name(), table));
        }
        return new Dnn(d.name(), d.sizeBytes(), up(d.reload(), from, to), d.dynamic(), exits);
    }

    private static long up(long ticks, long from, long to) {
        long ns = Math.multiplyExact(ticks, from);
        return (ns + to - 1) / to;
    }
}
