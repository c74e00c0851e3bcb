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
     * {@code spec.tasks()}. Each task's pipeline is found by a scan of the declared ones, names
     * compared by identity first (the resolver binds a task to its pipeline's own name string):
     * a hash map per analysed set cost more than the analysis.
     */
    static Result of(SystemSpec spec) {
        if (spec.scheduler().placement() != Placement.PARTITIONED) {
            return new Result(List.of(), Optional.of("placement is " + spec.scheduler().placement().keyword()
                    + ", not partitioned"));
        }
        List<Task> all = spec.tasks();
        List<Pipeline> declared = spec.platform().pipelines();
        int n = all.size();
        // Groups in order of first use: the name tasks give, its pipeline (null when none is declared).
        String[] names = new String[declared.size() + 1];
        Pipeline[] pipes = new Pipeline[names.length];
        int[] count = new int[names.length];
        int[] groupOfDeclared = new int[declared.size()];
        Arrays.fill(groupOfDeclared, -1);
        int[] groupOf = new int[n];
        int groups = 0;
        for (int x = 0; x < n; x++) {
            Task t = all.get(x);
            if (!(t.binding() instanceof Binding.OnPipeline on)) {
                return new Result(List.of(), Optional.of("task " + t.name()
                        + " has no pipeline yet; run PartitionAssignment first"));
            }
            String name = on.pipeline();
            int d = indexOf(declared, name);
            int g = d >= 0 ? groupOfDeclared[d] : undeclared(names, pipes, groups, name);
            if (g < 0) {
                if (groups == names.length) {
                    names = Arrays.copyOf(names, groups * 2);
                    pipes = Arrays.copyOf(pipes, groups * 2);
                    count = Arrays.copyOf(count, groups * 2);
                }
                g = groups++;
                names[g] = name;
                if (d >= 0) {
                    pipes[g] = declared.get(d);
                    groupOfDeclared[d] = g;
                }
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
            if (pipes[g] == null) {
                return new Result(List.of(), Optional.of("no pipeline " + names[g]));
            }
            int k = pipes[g].size();
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

    /** The index of the first pipeline named {@code name}, or -1; by identity before equality. */
    private static int indexOf(List<Pipeline> pipelines, String name) {
        for (int d = 0; d < pipelines.size(); d++) {
            if (pipelines.get(d).name() == name) {
                return d;
            }
        }
        for (int d = 0; d < pipelines.size(); d++) {
            if (pipelines.get(d).name().equals(name)) {
                return d;
            }
        }
        return -1;
    }

    /** The group among the first {@code n} that names {@code name} and has no declared pipeline, or -1. */
    private static int undeclared(String[] names, Pipeline[] pipes, int n, String name) {
        for (int g = 0; g < n; g++) {
            if (pipes[g] == null && names[g].equals(name)) {
                return g;
            }
        }
        return -1;
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
