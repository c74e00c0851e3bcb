package io.gangproof.spec.testing;

import io.gangproof.spec.Arrival;
import io.gangproof.spec.Binding;
import io.gangproof.spec.Bound;
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
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds a random valid {@link SystemSpec} from a stream of {@link Choices}. Every spec it
 * builds satisfies the invariants documented on {@code SystemSpec} (checked by
 * {@link SpecInvariants}), so {@code SpecLoader.loadText(SpecWriter.write(s))} gives back
 * {@code s}. Choice 0 is always the simplest alternative.
 *
 * <p>Entry points: {@link SpecArbitraries} for jqwik, {@link #large(int, long)} for a big
 * spec from a seed.
 */
public final class SpecGenerator {
    /** Bounds on what is generated. All times are in ticks. */
    public record Limits(int maxTasks, int maxTpus, int maxDnns, int maxExits, long maxPeriod, long maxLatency,
            long maxReload, int maxProperties, boolean fixedLevelsOnly) {
        /** Everything the language has, with times up to 10^9 ticks. */
        public static final Limits FULL = new Limits(8, 8, 5, 3, 1_000_000_000L, 100_000_000L, 1_000_000L, 6,
                false);
        /** At most 3 tasks on at most 4 TPUs with periods up to 12 ticks: small enough to explore exhaustively. */
        public static final Limits SMALL = new Limits(3, 4, 3, 2, 12, 6, 2, 3, false);

        /** The same limits, but every task has a fixed level and a concrete binding (no synthesis choices). */
        public Limits withFixedLevelsOnly() {
            return new Limits(maxTasks, maxTpus, maxDnns, maxExits, maxPeriod, maxLatency, maxReload, maxProperties,
                    true);
        }
    }

    private static final long[] RESOLUTIONS_NS = {1_000L, 1L, 10L, 100L, 250L, 2L, 5_000L, 10_000L, 100_000L,
        1_000_000L, 1_500L, 7L};
    private static final String[] SYSTEM_NAMES = {"sys", "coral_quad", "S", "_edge"};
    private static final String[] TASK_PREFIXES = {"t", "task_", "Detect", "_job", "x"};
    private static final String[] DNN_PREFIXES = {"net", "dnn_", "MobileNet", "_m", "x"};
    private static final String[] EXIT_PREFIXES = {"e", "early", "full_", "exit_"};
    private static final String[] PIPELINE_PREFIXES = {"p", "left", "pipe_", "x"};

    private final Choices c;
    private final Limits lim;
    private final int fixedTaskCount;
    private final int fixedPropertyCount;
    private int m;
    private Placement placement;
    private final List<Dnn> dnns = new ArrayList<>();
    private final List<Pipeline> pipelines = new ArrayList<>();

    private SpecGenerator(Choices c, Limits lim, int fixedTaskCount, int fixedPropertyCount) {
        this.c = c;
        this.lim = lim;
        this.fixedTaskCount = fixedTaskCount;
        this.fixedPropertyCount = fixedPropertyCount;
    }

    /** A spec built from {@code choices} within {@code limits}. */
    public static SystemSpec generate(Choices choices, Limits limits) {
        return new SpecGenerator(choices, limits, -1, -1).system();
    }

    /**
     * A large spec with exactly {@code tasks} tasks (for benchmarks), from a seed. It has up to
     * 8 TPUs, up to {@code tasks / 20} shared DNNs (plus any a binding needs), and {@code tasks / 4}
     * properties. The same seed gives the same spec.
     */
    public static SystemSpec large(int tasks, long seed) {
        return large(tasks, new java.util.SplittableRandom(seed));
    }

    /** {@link #large(int, long)} drawing from {@code random}. */
    public static SystemSpec large(int tasks, java.util.SplittableRandom random) {
        if (tasks < 1) {
            throw new IllegalArgumentException("need at least one task");
        }
        Limits l = new Limits(tasks, 8, Math.max(1, tasks / 20), 3, 1_000_000_000L, 100_000_000L, 1_000_000L,
                Math.max(1, tasks / 4), false);
        return new SpecGenerator(Choices.from(random), l, tasks,
                Math.max(1, tasks / 4)).system();
    }

    private SystemSpec system() {
        String name = pick(SYSTEM_NAMES) + (c.chance(50) ? String.valueOf(c.below(100)) : "");
        Resolution resolution = new Resolution(c.chance(15) ? c.between(1L, 1_000_000L)
                : RESOLUTIONS_NS[c.below(RESOLUTIONS_NS.length)]);
        m = c.between(1, lim.maxTpus());
        placement = Placement.values()[c.below(3)];
        long cache = cache();
        pipelines.addAll(placement == Placement.PARTITIONED ? disjointPipelines() : anyPipelines());
        int initialDnns = c.between(1, lim.maxDnns());
        for (int i = 0; i < initialDnns; i++) {
            dnns.add(dnn(Optional.empty()));
        }
        int taskCount = fixedTaskCount > 0 ? fixedTaskCount : c.between(1, lim.maxTasks());
        List<Integer> priorities = priorities(taskCount);
        List<Task> tasks = new ArrayList<>();
        String taskPrefix = pick(TASK_PREFIXES);
        for (int i = 0; i < taskCount; i++) {
            tasks.add(task(taskPrefix + i, priorities.get(i)));
        }
        Policy policy = Policy.values()[c.below(Policy.values().length)];
        Protocol protocol = placement == Placement.GLOBAL ? (c.chance(50) ? Protocol.GANG_GREEDY : Protocol.GANG_STRICT)
                : Protocol.values()[c.below(Protocol.values().length)];
        if (c.below(4) == 0) {
            protocol = Protocol.GANG_STRICT; // the default: also written out, but worth seeing often
        }
        List<Property> properties = properties(tasks);
        // Built last: a task may have added a pipeline.
        Platform platform = new Platform(m, cache, pipelines);
        return new SystemSpec(name, resolution, platform, dnns, tasks, new Scheduler(placement, policy, protocol),
                properties, exploration());
    }

    // ---------------------------------------------------------------- platform

    private long cache() {
        switch (c.below(5)) {
            case 0:
                return 8L << 20; // the default
            case 1:
                return c.between(1L, 64L) << 20;
            case 2:
                return c.between(1L, 100_000L) * 1_000L;
            case 3:
                return c.between(0L, 1L << 33);
            default:
                return c.between(1L, 4L) << 30;
        }
    }

    /** Under partitioned placement: pipelines over disjoint sets of TPUs, each in a random order. */
    private List<Pipeline> disjointPipelines() {
        List<Integer> order = shuffled(m);
        int used = c.between(0, m);
        List<Pipeline> out = new ArrayList<>();
        String prefix = pick(PIPELINE_PREFIXES);
        int from = 0;
        while (from < used) {
            int size = c.between(1, used - from);
            out.add(new Pipeline(prefix + out.size(), order.subList(from, from + size)));
            from += size;
        }
        return out;
    }

    /** Under global or pinned placement: any pipelines, perhaps overlapping. */
    private List<Pipeline> anyPipelines() {
        int count = c.below(4);
        List<Pipeline> out = new ArrayList<>();
        String prefix = pick(PIPELINE_PREFIXES);
        for (int i = 0; i < count; i++) {
            out.add(new Pipeline(prefix + i, orderedSubset(c.between(1, m))));
        }
        return out;
    }

    // ---------------------------------------------------------------- DNNs

    /** A new DNN; its table contains {@code mustHave} levels if given. */
    private Dnn dnn(Optional<SortedSet<Integer>> mustHave) {
        String name = pick(DNN_PREFIXES) + dnns.size();
        SortedSet<Integer> levels = new TreeSet<>();
        mustHave.ifPresent(levels::addAll);
        int extra = c.below(Math.min(m, 4) + 1);
        for (int i = 0; i < extra || levels.isEmpty(); i++) {
            levels.add(c.chance(10) ? c.between(1, 64) : c.between(1, m));
        }
        boolean dynamic = c.chance(30);
        List<DnnExit> exits = new ArrayList<>();
        int exitCount = dynamic ? c.between(1, lim.maxExits()) : 1;
        String exitPrefix = pick(EXIT_PREFIXES);
        for (int i = 0; i < exitCount; i++) {
            TreeMap<Integer, Latency> table = new TreeMap<>();
            for (int k : levels) {
                table.put(k, latency());
            }
            exits.add(new DnnExit(dynamic ? exitPrefix + i : DnnExit.SINGLE, table));
        }
        long size = c.chance(70) ? size() : 0;
        long reload = c.chance(40) ? c.between(1L, lim.maxReload()) : 0;
        return new Dnn(name, size, reload, dynamic, exits);
    }

    private Latency latency() {
        long wcet = time(1, lim.maxLatency());
        if (c.chance(60)) {
            return Latency.exactly(wcet);
        }
        return new Latency(c.between(1L, wcet), wcet);
    }

    private long size() {
        switch (c.below(4)) {
            case 0:
                return c.between(1L, 1L << 34);
            case 1:
                return c.between(1L, 100_000L) * 100_000L; // e.g. 3.4 MB
            case 2:
                return c.between(1L, 4_096L) << 10;
            default:
                return c.between(1L, 2_000L) * 1_000L;
        }
    }

    /** A DNN whose table has every level in {@code levels}: an existing one, or a new one. */
    private Dnn dnnSupporting(SortedSet<Integer> levels) {
        List<Dnn> fit = dnns.stream().filter(d -> d.levels().containsAll(levels)).toList();
        if (fit.isEmpty() || (dnns.size() < lim.maxDnns() && c.chance(10))) {
            Dnn d = dnn(Optional.of(levels));
            dnns.add(d);
            return d;
        }
        return fit.get(c.below(fit.size()));
    }

    /** A DNN with at least one level in 1..m, and a non-empty set of such levels. */
    private Dnn dnnForLevels(List<SortedSet<Integer>> levelsOut) {
        List<Dnn> fit = dnns.stream().filter(d -> d.levels().first() <= m).toList();
        Dnn d;
        if (fit.isEmpty()) {
            d = dnnSupporting(new TreeSet<>(List.of(c.between(1, m))));
        } else {
            d = fit.get(c.below(fit.size()));
        }
        List<Integer> available = new ArrayList<>(d.levels().headSet(m + 1));
        SortedSet<Integer> levels = new TreeSet<>();
        levels.add(available.get(c.below(available.size())));
        if (!lim.fixedLevelsOnly() && c.chance(35)) {
            for (int k : available) {
                if (c.chance(60)) {
                    levels.add(k);
                }
            }
        }
        levelsOut.add(levels);
        return d;
    }

    // ---------------------------------------------------------------- tasks

    private List<Integer> priorities(int n) {
        List<Integer> out = new ArrayList<>();
        switch (c.below(3)) {
            case 0:
                for (int i = 1; i <= n; i++) {
                    out.add(i);
                }
                return out;
            case 1:
                for (int i : shuffled(n)) {
                    out.add(i + 1);
                }
                return out;
            default:
                TreeSet<Integer> used = new TreeSet<>();
                int max = c.chance(20) ? Integer.MAX_VALUE : 10 * n + 10;
                while (out.size() < n) {
                    int p = c.between(1, max);
                    while (used.contains(p)) {
                        p = p == max ? 1 : p + 1;
                    }
                    used.add(p);
                    out.add(p);
                }
                return out;
        }
    }

    private Task task(String name, int priority) {
        Binding binding;
        SortedSet<Integer> levels;
        Dnn dnn;
        if (placement == Placement.PINNED && !lim.fixedLevelsOnly() && c.chance(25)) {
            List<SortedSet<Integer>> out = new ArrayList<>();
            dnn = dnnForLevels(out);
            levels = out.get(0);
            binding = new Binding.ChoosePipeline();
        } else if (placement == Placement.PINNED) {
            List<Integer> tpus = orderedSubset(c.between(1, m));
            levels = new TreeSet<>(List.of(tpus.size()));
            dnn = dnnSupporting(levels);
            binding = new Binding.Pinned(tpus);
        } else if (placement == Placement.PARTITIONED && !pipelines.isEmpty()
                && (lim.fixedLevelsOnly() || c.chance(60))) {
            Pipeline p = pipelines.get(c.below(pipelines.size()));
            levels = new TreeSet<>(List.of(p.size()));
            dnn = dnnSupporting(levels);
            binding = new Binding.OnPipeline(p.name());
        } else if (placement == Placement.PARTITIONED && lim.fixedLevelsOnly()) {
            // No pipeline to bind to and no synthesis wanted: give the platform one.
            Pipeline p = new Pipeline(pick(PIPELINE_PREFIXES) + "_all", shuffled(m));
            pipelines.add(p);
            levels = new TreeSet<>(List.of(p.size()));
            dnn = dnnSupporting(levels);
            binding = new Binding.OnPipeline(p.name());
        } else {
            List<SortedSet<Integer>> out = new ArrayList<>();
            dnn = dnnForLevels(out);
            levels = out.get(0);
            binding = placement == Placement.GLOBAL ? new Binding.AnyTpus() : new Binding.ChoosePipeline();
        }
        long period = time(1, lim.maxPeriod());
        Arrival arrival;
        switch (c.below(3)) {
            case 0:
                arrival = new Arrival.Periodic(period, c.chance(85) ? c.between(0L, period - 1) : time(0, lim
                        .maxPeriod()));
                break;
            case 1:
                arrival = new Arrival.PeriodicAnyOffset(period);
                break;
            default:
                arrival = new Arrival.Sporadic(period);
                break;
        }
        long deadline = c.chance(50) ? period : c.between(1L, period);
        long jitter = c.chance(30) ? c.between(1L, period) : 0;
        return new Task(name, dnn, arrival, deadline, jitter, priority, levels, binding);
    }

    // ---------------------------------------------------------------- verify

    private List<Property> properties(List<Task> tasks) {
        int count = fixedPropertyCount >= 0 ? fixedPropertyCount : c.below(lim.maxProperties() + 1);
        List<Property> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String t = tasks.get(c.below(tasks.size())).name();
            switch (c.below(6)) {
                case 0:
                    out.add(new Property.Deadlines(Optional.empty()));
                    break;
                case 1:
                    out.add(new Property.Deadlines(Optional.of(t)));
                    break;
                case 2:
                    out.add(new Property.Response(t, timeBound()));
                    break;
                case 3:
                    out.add(new Property.Inversion(t, timeBound()));
                    break;
                case 4:
                    out.add(new Property.Overtakes(t, c.chance(50) ? new Bound.FromAnalysis()
                            : new Bound.Value(c.between(0L, 10L))));
                    break;
                default:
                    out.add(new Property.DeadlockFree());
                    break;
            }
        }
        return out;
    }

    private Bound timeBound() {
        return c.chance(50) ? new Bound.FromAnalysis() : new Bound.Value(time(0, lim.maxPeriod()));
    }

    private Exploration exploration() {
        Optional<Long> horizon = c.chance(50) ? Optional.of(time(1, 10 * lim.maxPeriod())) : Optional.empty();
        Optional<Long> states = c.chance(30) ? Optional.of(c.between(1L, 100_000_000L)) : Optional.empty();
        Optional<Long> millis = c.chance(30) ? Optional.of(c.chance(50) ? c.between(1L, 600L) * 1_000L
                : c.between(1L, 3_600_000L)) : Optional.empty();
        Optional<Long> memory = c.chance(30) ? Optional.of(c.chance(50) ? c.between(1L, 64L) << 30
                : c.between(1L, 1L << 36)) : Optional.empty();
        return new Exploration(horizon, states, millis, memory);
    }

    // ---------------------------------------------------------------- helpers

    /** A time in {@code [lo, hi]} ticks on a rough log scale, so that small and large values both occur. */
    private long time(long lo, long hi) {
        long top = lo;
        int digits = c.below(Long.toString(hi).length() + 1);
        long scale = 1;
        for (int i = 0; i < digits && scale <= hi / 10; i++) {
            scale *= 10;
        }
        top = Math.max(lo, Math.min(hi, lo + scale));
        return c.between(lo, top);
    }

    /** {@code 0..n-1} in a random order (the identity order for choice 0). */
    private List<Integer> shuffled(int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(i);
        }
        for (int i = n - 1; i > 0; i--) {
            int j = i - c.below(i + 1);
            Integer x = out.get(i);
            out.set(i, out.get(j));
            out.set(j, x);
        }
        return out;
    }

    /** {@code k} distinct TPUs of {@code 0..m-1}, in a random order. */
    private List<Integer> orderedSubset(int k) {
        return List.copyOf(shuffled(m).subList(0, k));
    }

    private String pick(String[] options) {
        return options[c.below(options.length)];
    }
}
