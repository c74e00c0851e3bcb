package io.gangproof.analysis;

import io.gangproof.spec.TimeFormat;
import io.gangproof.spec.Binding;
import io.gangproof.spec.Dnn;
import io.gangproof.spec.Latency;
import io.gangproof.spec.Pipeline;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A partitioned spec cut into its partitions. Reload (semantics §5) is charged here: every TPU
 * starts with no DNN loaded, so the first job ever on a partition reloads. When a partition runs
 * a single DNN that is the only reload ever, charged once per busy window as
 * {@code oneTimeReload}; when several DNNs share it, any job may reload, so every task's
 * {@code exec} includes its DNN's reload.
 */
record PartitionView(String pipeline, int size, List<ChargedTask> tasks, long oneTimeReload) {

    /** The partitions of a partitioned spec, or empty with the reason it is not one. */
    /** The partitioned analyses apply under {@code policy} once every task is bound to a named pipeline. */
    static boolean applies(SystemSpec spec, Policy policy) {
        return spec.scheduler().placement() == Placement.PARTITIONED && spec.scheduler().policy() == policy
                && spec.tasks().stream().allMatch(t -> t.binding() instanceof Binding.OnPipeline);
    }

    static Result of(SystemSpec spec) {
        if (spec.scheduler().placement() != Placement.PARTITIONED) {
            return new Result(List.of(), Optional.of("placement is " + spec.scheduler().placement().keyword()
                    + ", not partitioned"));
        }
        Map<String, List<Task>> byPipeline = new LinkedHashMap<>();
        for (Task t : spec.tasks()) {
            if (!(t.binding() instanceof Binding.OnPipeline)) {
                return new Result(List.of(), Optional.of("task " + t.name()
                        + " has no pipeline yet; run PartitionAssignment first"));
            }
            String p = ((Binding.OnPipeline) t.binding()).pipeline();
            byPipeline.computeIfAbsent(p, x -> new ArrayList<>()).add(t);
        }
        List<PartitionView> parts = new ArrayList<>();
        TimeFormat time = TimeFormat.of(spec);
        for (Map.Entry<String, List<Task>> e : byPipeline.entrySet()) {
            Pipeline pipeline = pipeline(spec, e.getKey());
            if (pipeline == null) {
                return new Result(List.of(), Optional.of("no pipeline " + e.getKey()));
            }
            int k = pipeline.size();
            long[] wcet = wcets(e.getValue(), k);
            if (wcet == null) {
                for (Task t : e.getValue()) {
                    if (!t.dnn().supports(k)) {
                        return new Result(List.of(), Optional.of("DNN " + t.dnn().name() + " of task " + t.name()
                                + " has no latency for " + k + " TPUs"));
                    }
                }
            }
            parts.add(build(e.getKey(), k, e.getValue(), wcet, time));
        }
        return new Result(parts, Optional.empty());
    }

    /** The first pipeline named {@code name} (as {@code Platform.pipeline}, without a stream per partition), or null. */
    private static Pipeline pipeline(SystemSpec spec, String name) {
        for (Pipeline p : spec.platform().pipelines()) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    /**
     * Each task's {@code wcet(size)}, or null when some DNN has no latency for {@code size}. A
     * single-exit DNN (the common case) takes one table lookup instead of {@code supports} then
     * {@code wcet}'s lookup and hull.
     */
    private static long[] wcets(List<Task> tasks, int size) {
        long[] out = new long[tasks.size()];
        for (int x = 0; x < out.length; x++) {
            Dnn d = tasks.get(x).dnn();
            if (d.exits().size() == 1) {
                Latency l = d.exits().get(0).table().get(size);
                if (l == null) {
                    return null;
                }
                out[x] = l.wcet();
            } else if (d.supports(size)) {
                out[x] = d.wcet(size);
            } else {
                return null;
            }
        }
        return out;
    }

    /** One partition of {@code size} TPUs running {@code tasks}. */
    static PartitionView build(String pipeline, int size, List<Task> tasks, TimeFormat time) {
        long[] wcet = new long[tasks.size()];
        for (int x = 0; x < wcet.length; x++) {
            wcet[x] = tasks.get(x).dnn().wcet(size);
        }
        return build(pipeline, size, tasks, wcet, time);
    }

    /** As {@link #build(String, int, List, TimeFormat)} with {@code wcet[x]} the wcet of task x at {@code size}. */
    private static PartitionView build(String pipeline, int size, List<Task> tasks, long[] wcet, TimeFormat time) {
        boolean shared = false;
        for (Task t : tasks) {
            shared |= !sameName(t.dnn(), tasks.get(0).dnn());
        }
        List<ChargedTask> charged = new ArrayList<>(tasks.size());
        long once = 0;
        for (int x = 0; x < wcet.length; x++) {
            Task t = tasks.get(x);
            long c = wcet[x];
            if (shared) {
                c = Ticks.add(c, t.dnn().reload());
            } else {
                once = t.dnn().reload();
            }
            charged.add(new ChargedTask(t.name(), t.priority(), size, c, t.period(), t.deadline(), t.jitter(),
                    t.dnn().name(), t.dnn().reload(), time));
        }
        charged.sort(Comparator.comparingInt(ChargedTask::priority));
        return new PartitionView(pipeline, size, List.copyOf(charged), once);
    }

    /** Hashes first: names are cached-hash strings, and most DNNs of a partition differ. */
    private static boolean sameName(Dnn a, Dnn b) {
        return a == b || (a.name().hashCode() == b.name().hashCode() && a.name().equals(b.name()));
    }

    record Result(List<PartitionView> partitions, Optional<String> notApplicable) {
    }
}
