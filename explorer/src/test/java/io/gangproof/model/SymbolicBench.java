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
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * The symbolic engine against the tick explorer (docs/symbolic.md §11), not a test. Run it with
 * {@code explorer/bench-symbolic.sh}. Three tables: (a) every coral-* spec, (b) one system
 * written at 1 ms, 100 us, 10 us and 1 us (every time rounded up to the resolution), (c) every
 * bundled spec with the ratio of the tick explorer's time to the symbolic engine's where both
 * decide. Each figure is the median of {@code -Drepeats} runs (default 3; a run that hits a
 * limit is not repeated); times are CPU
 * seconds of the process (all threads: the machine is shared, so wall time says little) with
 * the wall time beside. {@code -Dlimit.seconds} (default 10) bounds the symbolic engine's wall
 * time, {@code -Dtick.limit.seconds} (default the same) the tick explorer's.
 * Analysis-derived bounds ({@code <= bound}) have no number here, so those properties are left
 * out; the load ({@code /proc/loadavg}) is printed before and after.
 */
public final class SymbolicBench {
    private static final String[] CORAL = {"coral-dynamic", "coral-quad-strict", "coral-quad-partitioned",
        "coral-quad-greedy", "coral-octo-strict"};
    private static final String[] OTHERS = {"starvation-strict", "starvation-greedy", "deadlock-free-ascending",
        "deadlock-per-tpu", "timing-anomaly", "textbook-buttazzo-ex8-1", "textbook-buttazzo-ex8-2",
        "textbook-buttazzo-fig8-6"};

    private SymbolicBench() {
    }

    /** One engine's run: median process CPU and wall seconds, and what it answered. */
    private record Run(double cpu, double wall, String summary, boolean decided) {
    }

    public static void main(String[] args) throws Exception {
        long limit = Long.getLong("limit.seconds", 10) * 1000;
        long tickLimit = Long.getLong("tick.limit.seconds", limit / 1000) * 1000;
        int repeats = Integer.getInteger("repeats", 3);
        Map<String, Run> coral = new java.util.HashMap<>();
        System.out.println("load before: " + load());
        System.out.println("\n(a) coral-* specs, symbolic engine (median of " + repeats + ")\n");
        System.out.println("| spec | CPU s | wall s | symbolic states | closed | verdicts |");
        System.out.println("|---|---|---|---|---|---|");
        for (String name : CORAL) {
            Run s = symbolic(BundledSpecs.load(name), limit, repeats);
            coral.put(name, s);
            System.out.printf("| %s | %.2f | %.2f | %s |%n", name, s.cpu, s.wall, s.summary);
        }
        for (String base : System.getProperty("rescale", "coral-dynamic").split(",")) {
            System.out.println("\n(b) " + base + " at four resolutions (latencies rounded up)\n");
            System.out.println("| resolution | symbolic CPU s | wall s | states | closed | verdicts"
                    + " | tick explorer CPU s | wall s | verdicts |");
            System.out.println("|---|---|---|---|---|---|---|---|---|");
            SystemSpec spec = BundledSpecs.load(base);
            for (long ns : new long[] {1_000_000, 100_000, 10_000, 1_000}) {
                SystemSpec r = rescaled(spec, ns);
                Run s = symbolic(r, limit, repeats);
                Run t = tick(r, tickLimit, repeats);
                System.out.printf("| %s | %.2f | %.2f | %s | %.2f | %.2f | %s |%n",
                        ns >= 1_000_000 ? ns / 1_000_000 + " ms" : ns / 1000 + " us", s.cpu, s.wall, s.summary,
                        t.cpu, t.wall, t.summary);
            }
        }
        System.out.println("\n(c) every bundled spec: tick explorer / symbolic (CPU) where both decide\n");
        System.out.println("| spec | symbolic CPU s | states | closed | verdicts | tick CPU s | verdicts | ratio |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        List<String> all = new ArrayList<>(Arrays.asList(CORAL));
        all.addAll(Arrays.asList(OTHERS));
        for (String name : all) {
            SystemSpec spec = BundledSpecs.load(name);
            Run s = coral.containsKey(name) ? coral.get(name) : symbolic(spec, limit, repeats);
            Run t = tick(spec, tickLimit, repeats);
            String ratio = s.decided && t.decided ? String.format("%.1f", t.cpu / Math.max(s.cpu, 0.001)) : "-";
            System.out.printf("| %s | %.3f | %s | %.3f | %s | %s |%n", name, s.cpu, s.summary, t.cpu, t.summary, ratio);
        }
        System.out.println("\nload after: " + load());
    }

    private static Run symbolic(SystemSpec spec, long limit, int repeats) {
        long horizon = Horizons.resolve(spec, OptionalLong.empty());
        SymbolicOutcome[] last = new SymbolicOutcome[1];
        double[][] t = measure(repeats, () -> {
            last[0] = SymbolicExplorer.check(spec, new SymbolicOptions(limit, 5_000_000, horizon, Map.of()));
            return last[0].results().stream().noneMatch(r -> r instanceof SymbolicResult.Unknown);
        });
        SymbolicOutcome o = last[0];
        TreeMap<String, Integer> kinds = new TreeMap<>();
        for (SymbolicResult r : o.results()) {
            kinds.merge(r.getClass().getSimpleName(), 1, Integer::sum);
        }
        boolean decided = o.results().stream().noneMatch(r -> r instanceof SymbolicResult.Unknown);
        return new Run(t[0][t[0].length / 2], t[1][t[1].length / 2], String.format("%,d | %s | %s", o.states(),
                o.closed() ? "yes" : "no", kinds), decided);
    }

    private static Run tick(SystemSpec spec, long limit, int repeats) {
        @SuppressWarnings("unchecked")
        List<ExplorerResult>[] last = new List[1];
        double[][] t = measure(repeats, () -> {
            last[0] = Explorer.check(spec, ExplorerOptions.DEFAULTS.withTimeLimitMillis(limit));
            return last[0].stream().noneMatch(r -> r instanceof ExplorerResult.Unknown);
        });
        TreeMap<String, Integer> kinds = new TreeMap<>();
        for (ExplorerResult r : last[0]) {
            kinds.merge(r.verdict().toString(), 1, Integer::sum);
        }
        boolean decided = last[0].stream().noneMatch(r -> r instanceof ExplorerResult.Unknown);
        return new Run(t[0][t[0].length / 2], t[1][t[1].length / 2], kinds.toString(), decided);
    }

    /**
     * Sorted CPU and wall seconds of up to {@code repeats} runs; a run that hits a limit
     * (answers false) is not repeated: its time is the limit's.
     */
    private static double[][] measure(int repeats, BooleanSupplier run) {
        List<double[]> times = new ArrayList<>();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int k = 0; k < repeats; k++) {
            System.gc();
            long c0 = os.getProcessCpuTime();
            long w0 = System.nanoTime();
            boolean decided = run.getAsBoolean();
            times.add(new double[] {(os.getProcessCpuTime() - c0) / 1e9, (System.nanoTime() - w0) / 1e9});
            if (!decided) {
                break;
            }
        }
        double[] cpu = times.stream().mapToDouble(t -> t[0]).sorted().toArray();
        double[] wall = times.stream().mapToDouble(t -> t[1]).sorted().toArray();
        return new double[][] {cpu, wall};
    }

    private static String load() throws Exception {
        return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
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
