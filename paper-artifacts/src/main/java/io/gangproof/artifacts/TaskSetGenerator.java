package io.gangproof.artifacts;

import io.gangproof.spec.Arrival;
import io.gangproof.spec.Binding;
import io.gangproof.spec.Dnn;
import io.gangproof.spec.Exploration;
import io.gangproof.spec.Fraction;
import io.gangproof.spec.Latency;
import io.gangproof.spec.Platform;
import io.gangproof.spec.Property;
import io.gangproof.spec.Resolution;
import io.gangproof.spec.Scheduler;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Generates the task set of one (point, sample) of an experiment, deterministically from the
 * experiment seed and the two indices alone, so that any shard regenerates exactly the same set.
 *
 * <p>Steps (with {@code m} TPUs and target normalised utilisation {@code U}):
 * <ol>
 *   <li>the task count {@code n}, uniform in {@code tasks.min..tasks.max};</li>
 *   <li>per task a width {@code k_i}: uniform, or from DNN tables ({@link DnnTables}), in which
 *       case the task's DNN also gets the table's other useful levels, scaled ({@link #scaled});</li>
 *   <li>per task a period {@code T_i}, log-uniform (Emberson, Stafford &amp; Davis 2010):
 *       {@code r} uniform in {@code [ln Tmin, ln(Tmax + g))}, {@code T = floor(e^r / g) g};</li>
 *   <li>TPU-time utilisations {@code v_i = k_i C_i / T_i}, summing to {@code U m}, each at most
 *       {@code maxTaskUtilisation}, from the chosen generator;</li>
 *   <li>{@code C_i = round(v_i T_i / k_i)}, clamped to {@code [1, T_i]}; implicit deadlines
 *       {@code D_i = T_i}; no jitter, no reload; exact execution times ({@code bcet = wcet});
 *       rate-monotonic priorities (ties: task index).</li>
 * </ol>
 * The rounding of step 5 moves the utilisation, so the set's <em>actual</em> normalised TPU-time
 * utilisation {@code sum k_i C_i / T_i / m} is computed exactly ({@link SystemSpec#tpuTimeUtilisation})
 * and decides the bin. The spec is built with {@code global fp gang-strict}; each method
 * re-targets it to the scheduler it analyses.
 */
public final class TaskSetGenerator {
    private final Experiment experiment;
    private final UtilisationGenerator generator;

    public TaskSetGenerator(Experiment experiment) {
        this.experiment = experiment;
        this.generator = UtilisationGenerator.byId(experiment.generator()).orElseThrow();
    }

    /** A generated set and its exact normalised TPU-time utilisation. */
    public record Generated(SystemSpec spec, Fraction utilisation) {
    }

    public Generated generate(int point, int sample) {
        SplittableRandom random = new SplittableRandom(seed(experiment.seed(), point, sample));
        int m = experiment.tpus();
        int n = experiment.minTasks() + random.nextInt(experiment.maxTasks() - experiment.minTasks() + 1);
        int[] widths = new int[n];
        String[] sources = new String[n];
        DnnTables.Entry[] entries = new DnnTables.Entry[n];
        for (int i = 0; i < n; i++) {
            if (experiment.widths() instanceof Experiment.WidthSource.Uniform u) {
                widths[i] = u.min() + random.nextInt(u.max() - u.min() + 1);
                sources[i] = "w";
            } else {
                DnnTables tables = ((Experiment.WidthSource.DnnTable) experiment.widths()).tables();
                DnnTables.Entry e = tables.entries().get(random.nextInt(tables.entries().size()));
                widths[i] = e.usefulLevels().get(random.nextInt(e.usefulLevels().size()));
                sources[i] = e.dnn();
                entries[i] = e;
            }
        }
        long[] periods = new long[n];
        long g = experiment.periodGranularity();
        double lo = StrictMath.log(experiment.minPeriod());
        double hi = StrictMath.log(experiment.maxPeriod() + g);
        for (int i = 0; i < n; i++) {
            double r = lo + (hi - lo) * random.nextDouble();
            long t = (long) StrictMath.floor(StrictMath.exp(r) / g) * g;
            periods[i] = Math.max(experiment.minPeriod(), Math.min(experiment.maxPeriod(), t));
        }
        double total = experiment.points().get(point).doubleValue() * m;
        double[] v = generator.generate(n, total, experiment.maxTaskUtilisation().doubleValue(), random);
        List<Task> tasks = new ArrayList<>();
        List<Dnn> dnns = new ArrayList<>();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingLong((Integer i) -> periods[i]).thenComparing(i -> i));
        int[] priority = new int[n];
        for (int rank = 0; rank < n; rank++) {
            priority[order[rank]] = rank + 1;
        }
        for (int i = 0; i < n; i++) {
            long c = StrictMath.round(v[i] * periods[i] / widths[i]);
            c = Math.max(1, Math.min(periods[i], c));
            Map<Integer, Latency> table = new java.util.TreeMap<>();
            table.put(widths[i], Latency.exactly(c));
            if (entries[i] != null) {
                table.putAll(scaled(entries[i], widths[i], c));
            }
            Dnn dnn = Dnn.simple(sources[i] + "_" + (i + 1), 0, table);
            dnns.add(dnn);
            Arrival arrival = experiment.arrival().equals("sporadic") ? new Arrival.Sporadic(periods[i])
                    : new Arrival.Periodic(periods[i], 0);
            tasks.add(new Task("t" + (i + 1), dnn, arrival, periods[i], 0, priority[i], new TreeSet<>(List.of(widths[i])),
                    new Binding.AnyTpus()));
        }
        SystemSpec spec = new SystemSpec(experiment.name().replace('-', '_') + "_p" + point + "_s" + sample,
                Resolution.DEFAULT, new Platform(m, 8L << 20, List.of()), dnns, tasks, Scheduler.DEFAULT,
                List.of(new Property.Deadlines(Optional.empty())), Exploration.DEFAULTS);
        return new Generated(spec, spec.tpuTimeUtilisation());
    }

    /**
     * The table's other useful levels scaled so that the drawn level has latency {@code c}:
     * {@code C(k) = max(1, round(c * L(k) / L(width)))}, exact integer arithmetic (half up).
     */
    static Map<Integer, Latency> scaled(DnnTables.Entry entry, int width, long c) {
        Map<Integer, Latency> out = new java.util.TreeMap<>();
        java.math.BigInteger base = java.math.BigInteger.valueOf(entry.wcet().get(width));
        for (Map.Entry<Integer, Long> e : entry.wcet().entrySet()) {
            java.math.BigInteger num = java.math.BigInteger.valueOf(c).multiply(java.math.BigInteger.valueOf(e.getValue()))
                    .multiply(java.math.BigInteger.TWO).add(base);
            long v = num.divide(base.multiply(java.math.BigInteger.TWO)).longValueExact();
            out.put(e.getKey(), Latency.exactly(e.getKey() == width ? c : Math.max(1, v)));
        }
        return out;
    }

    /**
     * The seed of one task set, from the experiment seed and the indices only (SplitMix64
     * finaliser applied to each in turn): independent of shards, threads and run order.
     */
    static long seed(long experimentSeed, int point, int sample) {
        long s = mix(experimentSeed ^ 0x9E3779B97F4A7C15L);
        s = mix(s + 0x9E3779B97F4A7C15L * (point + 1L));
        s = mix(s + 0xBF58476D1CE4E5B9L * (sample + 1L));
        return s;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
