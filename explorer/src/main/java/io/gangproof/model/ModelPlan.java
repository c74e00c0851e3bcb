package io.gangproof.model;

import io.gangproof.spec.Arrival;
import io.gangproof.spec.Binding;
import io.gangproof.spec.Bound;
import io.gangproof.spec.Dnn;
import io.gangproof.spec.DnnExit;
import io.gangproof.spec.Latency;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import io.gangproof.spec.format.SpecWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Everything the generated model needs from a spec, as plain {@code int} tables, with the
 * checks that make the model's {@code int} arithmetic exact: every instant the model can
 * compute (horizon plus the longest hold, deadline or jitter) stays below {@link #TICK_LIMIT}.
 * Task {@code i} of the model is {@code spec.tasks().get(i)}; TPU masks are {@code long}
 * bit sets (the resolver allows at most 64 TPUs).
 */
record ModelPlan(SystemSpec spec, int horizon, List<ModelledProperty> properties, List<SkippedProperty> skipped,
        int[] level, int[] priorityRank, int[] deadline, int[] jitter, int[] dnnIndex, int[] reload, long[] eligible,
        int[][] lockOrder, int[][] execLow, int[][] execHigh, int[] execCount, int[] jobCapacity, boolean tracksReload,
        int[] inversionCap, int[] overtakeCap) {

    /** Instants and durations in a model stay below this, so sums of two never overflow an {@code int}. */
    static final long TICK_LIMIT = 1L << 30;

    /**
     * Job slots (arrivals per task up to the horizon, summed) a model may have: the generated
     * model allocates per-slot arrays when it is built, so a horizon of 10^9 ticks with a 1-tick
     * period would exhaust the heap before the search and its limits start.
     */
    static final long JOB_SLOT_LIMIT = 1L << 20;

    /** Tasks a model may have: 100 compile (measured by ScaleBench); 1,000 exceed the JVM's method size. */
    static final int TASK_LIMIT = 100;

    /** A property the model checks: bit {@code index} of {@link io.gangproof.model.runtime.TransitionModel#step}. */
    record ModelledProperty(int index, Property property, String description, int taskIndex, int bound) {
    }

    /** A property left out of the model, and why (it ends as UNKNOWN). */
    record SkippedProperty(Property property, String description, String reason) {
    }

    int taskCount() {
        return spec.tasks().size();
    }

    int tpuCount() {
        return spec.platform().tpus();
    }

    int totalJobCapacity() {
        return Arrays.stream(jobCapacity).sum();
    }

    boolean hasInversion() {
        return Arrays.stream(inversionCap).anyMatch(c -> c > 0);
    }

    boolean hasOvertakes() {
        return Arrays.stream(overtakeCap).anyMatch(c -> c > 0);
    }

    /**
     * Builds the plan; {@code analysisBounds} gives numbers for {@code <= bound} properties.
     *
     * @throws UnmodellableSpecException when the spec has choices left to synthesis or numbers too
     *     large for the model
     */
    static ModelPlan of(SystemSpec spec, List<Property> properties, long horizon, Map<Property, Long> analysisBounds) {
        if (horizon < 0 || horizon >= TICK_LIMIT) {
            throw new UnmodellableSpecException("horizon " + horizon + " ticks is outside 0.." + (TICK_LIMIT - 1));
        }
        if (spec.tasks().isEmpty()) {
            throw new UnmodellableSpecException("the system has no task");
        }
        List<Task> tasks = spec.tasks();
        int n = tasks.size();
        int m = spec.platform().tpus();
        if (m > 64) {
            throw new UnmodellableSpecException("more than 64 TPUs");
        }
        int[] level = new int[n];
        int[] rank = new int[n];
        int[] deadline = new int[n];
        int[] jitter = new int[n];
        int[] dnnIndex = new int[n];
        int[] reload = new int[n];
        long[] eligible = new long[n];
        int[][] locks = new int[n][];
        int[][] lo = new int[n][];
        int[][] hi = new int[n][];
        int[] count = new int[n];
        int[] capacity = new int[n];
        boolean tracksReload = false;
        List<Task> byPriority = spec.tasksByPriority();
        for (int i = 0; i < n; i++) {
            Task t = tasks.get(i);
            if (!t.levelFixed()) {
                throw new UnmodellableSpecException("task " + t.name() + " has parallelism levels " + t.levels()
                        + " still to choose (synthesis)");
            }
            if (t.binding() instanceof Binding.ChoosePipeline) {
                throw new UnmodellableSpecException("task " + t.name() + " has its pipeline still to choose (synthesis)");
            }
            level[i] = t.level();
            rank[i] = byPriority.indexOf(t);
            deadline[i] = small(t.deadline(), "deadline of " + t.name());
            jitter[i] = small(t.jitter(), "jitter of " + t.name());
            dnnIndex[i] = spec.dnns().indexOf(t.dnn());
            reload[i] = small(t.dnn().reload(), "reload of " + t.dnn().name());
            tracksReload |= t.dnn().reload() > 0;
            List<Integer> elig = spec.eligibleTpus(t);
            long mask = 0L;
            for (int tpu : elig) {
                mask |= 1L << tpu;
            }
            eligible[i] = mask;
            // Per-TPU protocols take locks in the listed order, or ascending; gang protocols never read it.
            List<Integer> order = new ArrayList<>(elig);
            if (spec.scheduler().protocol() == io.gangproof.spec.Protocol.PER_TPU_ASCENDING
                    || spec.scheduler().placement() == Placement.GLOBAL) {
                order.sort(null);
            }
            locks[i] = order.stream().mapToInt(Integer::intValue).toArray();
            if (spec.scheduler().protocol().perTpu() && locks[i].length != level[i]) {
                throw new UnmodellableSpecException("task " + t.name() + " has level " + level[i] + " but "
                        + locks[i].length + " TPUs to lock");
            }
            long[][] union = executionTimes(t.dnn(), level[i]);
            lo[i] = new int[union.length];
            hi[i] = new int[union.length];
            long total = 0;
            for (int s = 0; s < union.length; s++) {
                lo[i][s] = small(union[s][0], "execution time of " + t.name());
                hi[i][s] = small(union[s][1], "execution time of " + t.name());
                total = Math.addExact(total, union[s][1] - union[s][0] + 1);
            }
            count[i] = small(total, "number of execution times of " + t.name());
            long hold = Math.addExact(union[union.length - 1][1], t.dnn().reload());
            small(Math.addExact(Math.addExact(horizon, hold), Math.addExact(t.deadline(), t.jitter())),
                    "horizon plus the longest hold, deadline and jitter of " + t.name());
            // At most one arrival per period fits in 0..horizon, whatever the arrival model.
            capacity[i] = small(horizon / t.period() + 1, "job count of " + t.name());
            if (t.arrival() instanceof Arrival.Periodic p) {
                small(p.offset(), "offset of " + t.name());
            }
            small(t.period(), "period of " + t.name());
        }
        if (n > TASK_LIMIT) {
            throw new UnmodellableSpecException(n + " tasks, more than the " + TASK_LIMIT + " the generated model holds"
                    + " (its methods grow with the tasks, and the JVM limits a method to 64 KiB of code)");
        }
        long slots = 0;
        for (int c : capacity) {
            slots += c;
        }
        if (slots > JOB_SLOT_LIMIT) {
            throw new UnmodellableSpecException("the model would hold " + slots + " job slots up to the horizon of "
                    + horizon + " ticks, above the limit of " + JOB_SLOT_LIMIT + " (give a smaller horizon)");
        }
        List<ModelledProperty> modelled = new ArrayList<>();
        List<SkippedProperty> skipped = new ArrayList<>();
        int[] invCap = new int[n];
        int[] ovtCap = new int[n];
        for (Property p : properties) {
            String description = SpecWriter.describe(spec, p);
            int task = p.task().map(name -> tasks.indexOf(spec.task(name))).orElse(-1);
            OptionalLong bound = boundOf(p, analysisBounds);
            if (bound.isEmpty() && !(p instanceof Property.Deadlines) && !(p instanceof Property.DeadlockFree)) {
                skipped.add(new SkippedProperty(p, description, "no number was supplied for the analysis bound"));
                continue;
            }
            if (modelled.size() == 63) {
                skipped.add(new SkippedProperty(p, description, "a model checks at most 63 properties at once"));
                continue;
            }
            // Counters and ages never exceed horizon + 1 within the horizon, so larger bounds clamp exactly.
            int b = (int) Math.min(bound.orElse(0), horizon + 1);
            if (p instanceof Property.Inversion) {
                invCap[task] = Math.max(invCap[task], b + 1);
            } else if (p instanceof Property.Overtakes) {
                ovtCap[task] = Math.max(ovtCap[task], b + 1);
            }
            modelled.add(new ModelledProperty(modelled.size(), p, description, task, b));
        }
        return new ModelPlan(spec, (int) horizon, List.copyOf(modelled), List.copyOf(skipped), level, rank, deadline,
                jitter, dnnIndex, reload, eligible, locks, lo, hi, count, capacity, tracksReload, invCap, ovtCap);
    }

    private static OptionalLong boundOf(Property p, Map<Property, Long> analysisBounds) {
        Optional<Bound> b = p.declaredBound();
        if (b.isEmpty()) {
            return OptionalLong.empty();
        }
        if (b.get() instanceof Bound.Value v) {
            return OptionalLong.of(v.value());
        }
        Long supplied = analysisBounds.get(p);
        if (supplied == null || supplied < 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(supplied);
    }

    /**
     * The distinct execution times of a job at level {@code k}: the union of its exits'
     * intervals, as sorted disjoint intervals. Exits with overlapping intervals give the same
     * execution times, and an exit changes nothing else (semantics §3), so choosing among the
     * union's values covers every behaviour once.
     */
    static long[][] executionTimes(Dnn dnn, int k) {
        List<long[]> intervals = new ArrayList<>();
        for (DnnExit e : dnn.exits()) {
            Latency l = e.table().get(k);
            intervals.add(new long[] {l.bcet(), l.wcet()});
        }
        intervals.sort((a, b) -> Long.compare(a[0], b[0]));
        List<long[]> merged = new ArrayList<>();
        for (long[] iv : intervals) {
            if (!merged.isEmpty() && iv[0] <= merged.get(merged.size() - 1)[1] + 1) {
                long[] lastIv = merged.get(merged.size() - 1);
                lastIv[1] = Math.max(lastIv[1], iv[1]);
            } else {
                merged.add(new long[] {iv[0], iv[1]});
            }
        }
        return merged.toArray(new long[0][]);
    }

    private static int small(long value, String what) {
        if (value < 0 || value >= TICK_LIMIT) {
            throw new UnmodellableSpecException(what + " (" + value + ") is too large for the model (limit "
                    + TICK_LIMIT + ")");
        }
        return (int) value;
    }
}
