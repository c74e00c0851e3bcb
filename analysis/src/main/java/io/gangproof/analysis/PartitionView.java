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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A partitioned spec cut into its partitions. Reload (semantics §5) is charged here: every TPU
 * starts with no DNN loaded, so the first job ever on a partition reloads. When a partition runs
 * a single DNN that is the only reload ever, charged once per busy window as
 * {@code oneTimeReload}; when several DNNs share it, any job may reload, so every task's
 * {@code exec} includes its DNN's reload. {@code tasks} are in priority order (highest first);
 * {@code positions[x]} is where {@code tasks.get(x)} stood in the task list the view was built
 * from (an array no one writes: records compare it by identity, and nothing compares views).
 */
record PartitionView(String pipeline, int size, List<ChargedTask> tasks, long oneTimeReload, int[] positions) {

    /** The partitioned analyses apply under {@code policy} once every task is bound to a named pipeline. */
    static boolean applies(SystemSpec spec, Policy policy) {
        return spec.scheduler().placement() == Placement.PARTITIONED && spec.scheduler().policy() == policy
                && spec.tasks().stream().allMatch(t -> t.binding() instanceof Binding.OnPipeline);
    }

    /**
     * The partitions of a partitioned spec, in the order their pipelines are first named by a
     * task, or none with the reason it is not one; {@code positions} are indices into
     * {@code spec.tasks()}. Groups by a scan of the pipelines seen so far (there are at most as
     * many as TPUs), names compared by identity first: the resolver binds a task to its
     * pipeline's own name string, and a hash map per analysed set cost more than the analysis.
     */
    static Result of(SystemSpec spec) {
        if (spec.scheduler().placement() != Placement.PARTITIONED) {
            return new Result(List.of(), Optional.of("placement is " + spec.scheduler().placement().keyword()
                    + ", not partitioned"));
        }
        List<Task> all = spec.tasks();
        int n = all.size();
        String[] names = new String[Math.min(n, 8)];
        int[] groupOf = new int[n];
        int[] count = new int[names.length];
        int groups = 0;
        for (int x = 0; x < n; x++) {
            Task t = all.get(x);
            if (!(t.binding() instanceof Binding.OnPipeline on)) {
                return new Result(List.of(), Optional.of("task " + t.name()
                        + " has no pipeline yet; run PartitionAssignment first"));
            }
            int g = indexOf(names, groups, on.pipeline());
            if (g < 0) {
                if (groups == names.length) {
                    names = Arrays.copyOf(names, groups * 2);
                    count = Arrays.copyOf(count, groups * 2);
                }
                names[groups] = on.pipeline();
                g = groups++;
            }
            groupOf[x] = g;
            count[g]++;
        }
        // Each group's spec positions, in spec order, one array cut into ranges.
        int[] start = new int[groups + 1];
        for (int g = 0; g < groups; g++) {
            start[g + 1] = start[g] + count[g];
        }
        int[] order = new int[n];
        int[] fill = Arrays.copyOf(start, groups);
        for (int x = 0; x < n; x++) {
            order[fill[groupOf[x]]++] = x;
        }
        List<PartitionView> parts = new ArrayList<>(groups);
        TimeFormat time = TimeFormat.of(spec);
        for (int g = 0; g < groups; g++) {
            Pipeline pipeline = pipeline(spec, names[g]);
            if (pipeline == null) {
                return new Result(List.of(), Optional.of("no pipeline " + names[g]));
            }
            int k = pipeline.size();
            int[] positions = Arrays.copyOfRange(order, start[g], start[g + 1]);
            Task[] tasks = new Task[positions.length];
            for (int x = 0; x < tasks.length; x++) {
                tasks[x] = all.get(positions[x]);
            }
            List<Task> group = Arrays.asList(tasks);
            long[] wcet = wcets(group, k);
            if (wcet == null) {
                for (Task t : group) {
                    if (!t.dnn().supports(k)) {
                        return new Result(List.of(), Optional.of("DNN " + t.dnn().name() + " of task " + t.name()
                                + " has no latency for " + k + " TPUs"));
                    }
                }
            }
            parts.add(build(names[g], k, group, wcet, time, positions));
        }
        return new Result(parts, Optional.empty());
    }

    /** The index of {@code name} among the first {@code n} of {@code names}, or -1; by identity before equality. */
    private static int indexOf(String[] names, int n, String name) {
        for (int g = 0; g < n; g++) {
            if (names[g] == name) {
                return g;
            }
        }
        for (int g = 0; g < n; g++) {
            if (names[g].equals(name)) {
                return g;
            }
        }
        return -1;
    }

    /** The first pipeline named {@code name} (as {@code Platform.pipeline}, without a stream per partition), or null. */
    private static Pipeline pipeline(SystemSpec spec, String name) {
        List<Pipeline> pipelines = spec.platform().pipelines();
        for (Pipeline p : pipelines) {
            if (p.name() == name) {
                return p;
            }
        }
        for (Pipeline p : pipelines) {
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

    /**
     * One partition of {@code size} TPUs running {@code tasks}; its {@code positions} are indices
     * into {@code tasks}.
     */
    static PartitionView build(String pipeline, int size, List<Task> tasks, TimeFormat time) {
        long[] wcet = new long[tasks.size()];
        int[] positions = new int[wcet.length];
        for (int x = 0; x < wcet.length; x++) {
            wcet[x] = tasks.get(x).dnn().wcet(size);
            positions[x] = x;
        }
        return build(pipeline, size, tasks, wcet, time, positions);
    }

    /**
     * As {@link #build(String, int, List, TimeFormat)} with {@code wcet[x]} the wcet of task x at
     * {@code size} and {@code from[x]} the position to report for it.
     */
    private static PartitionView build(String pipeline, int size, List<Task> tasks, long[] wcet, TimeFormat time,
            int[] from) {
        int n = wcet.length;
        // Whether the DNNs differ matters only for reload: with none, both ways charge 0 (and
        // comparing names reads every DNN's name, the costliest part of this method).
        boolean reloads = false;
        for (Task t : tasks) {
            reloads |= t.dnn().reload() != 0;
        }
        boolean shared = false;
        if (reloads) {
            for (Task t : tasks) {
                shared |= !sameName(t.dnn(), tasks.get(0).dnn());
            }
        }
        // Sorted by priority, ties in the given order (as a stable sort): priority in the high
        // half of a key, position in the low half.
        long[] key = new long[n];
        for (int x = 0; x < n; x++) {
            key[x] = ((long) tasks.get(x).priority() << 32) | x;
        }
        Arrays.sort(key);
        ChargedTask[] charged = new ChargedTask[n];
        int[] positions = new int[n];
        long once = shared || n == 0 ? 0 : tasks.get(n - 1).dnn().reload();
        for (int y = 0; y < n; y++) {
            int x = (int) key[y];
            Task t = tasks.get(x);
            long c = wcet[x];
            long reload = t.dnn().reload();
            if (shared) {
                c = Ticks.add(c, reload);
            }
            charged[y] = new ChargedTask(t.name(), t.priority(), size, c, t.period(), t.deadline(), t.jitter(),
                    t.dnn().name(), reload, time);
            positions[y] = from[x];
        }
        return new PartitionView(pipeline, size, ImmutableSlice.wrap(charged), once, positions);
    }

    /** Hashes first: names are cached-hash strings, and most DNNs of a partition differ. */
    private static boolean sameName(Dnn a, Dnn b) {
        return a == b || (a.name().hashCode() == b.name().hashCode() && a.name().equals(b.name()));
    }

    record Result(List<PartitionView> partitions, Optional<String> notApplicable) {
    }
}
