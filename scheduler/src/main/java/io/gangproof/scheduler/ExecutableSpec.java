package io.gangproof.scheduler;

import io.gangproof.spec.Binding;
import io.gangproof.spec.Dnn;
import io.gangproof.spec.Pipeline;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link SystemSpec} with every decision that synthesis may leave open already made, in
 * the array form the reference scheduler runs on. A spec that still has a choice (a
 * {@code ChoosePipeline} binding, several allowed levels) cannot be executed: {@link #problems}
 * names every such task so the CLI can show them.
 */
public final class ExecutableSpec {
    private final SystemSpec spec;
    final int tpuCount;
    final Placement placement;
    final Protocol protocol;
    final String[] names;
    final int[] priority;
    final int[] nameRank;
    final int[] level;
    /** Per task: the TPUs it is bound to, or an empty array under global placement. */
    final int[][] tpus;
    /** Per task: the order in which a per-TPU protocol takes its locks. */
    final int[][] lockOrder;
    final int[] dnnIndex;
    final long[] reload;
    final long[] relativeDeadline;
    /**
     * Per task: the queue gang-strict stops in. Under partitioned placement one per pipeline,
     * because partitions never interfere (semantics §6); otherwise a single queue (0).
     */
    final int[] strictQueue;
    final int strictQueues;
    private final Map<String, Integer> indexByName = new HashMap<>();

    private ExecutableSpec(SystemSpec spec) {
        this.spec = spec;
        this.tpuCount = spec.platform().tpus();
        this.placement = spec.scheduler().placement();
        this.protocol = spec.scheduler().protocol();
        int n = spec.tasks().size();
        names = new String[n];
        priority = new int[n];
        nameRank = new int[n];
        level = new int[n];
        tpus = new int[n][];
        lockOrder = new int[n][];
        dnnIndex = new int[n];
        reload = new long[n];
        relativeDeadline = new long[n];
        strictQueue = new int[n];
        List<Dnn> dnns = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Task t = spec.tasks().get(i);
            names[i] = t.name();
            indexByName.put(t.name(), i);
            priority[i] = t.priority();
            relativeDeadline[i] = t.deadline();
            reload[i] = t.dnn().reload();
            int d = dnns.indexOf(t.dnn());
            if (d < 0) {
                dnns.add(t.dnn());
                d = dnns.size() - 1;
            }
            dnnIndex[i] = d;
            List<Integer> bound = boundTpus(spec, t).orElse(List.of());
            tpus[i] = bound.stream().mapToInt(Integer::intValue).toArray();
            level[i] = bound.isEmpty() ? t.level() : bound.size();
            if (placement == Placement.PARTITIONED && t.binding() instanceof Binding.OnPipeline p) {
                strictQueue[i] = spec.platform().pipelines().indexOf(spec.platform().pipeline(p.pipeline()).orElseThrow());
            }
            lockOrder[i] = tpus[i].clone();
            if (protocol == Protocol.PER_TPU_ASCENDING) {
                Arrays.sort(lockOrder[i]);
            }
        }
        strictQueues = placement == Placement.PARTITIONED ? Math.max(1, spec.platform().pipelines().size()) : 1;
        String[] sorted = names.clone();
        Arrays.sort(sorted);
        for (int r = 0; r < n; r++) {
            nameRank[indexByName.get(sorted[r])] = r;
        }
    }

    /** The spec in executable form, or an {@link IllegalArgumentException} naming every problem. */
    public static ExecutableSpec of(SystemSpec spec) {
        List<String> problems = problems(spec);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("cannot simulate spec " + spec.name() + ": " + String.join("; ", problems));
        }
        return new ExecutableSpec(spec);
    }

    /** Why the spec cannot be simulated as it stands; empty when it can. */
    public static List<String> problems(SystemSpec spec) {
        List<String> problems = new ArrayList<>();
        int m = spec.platform().tpus();
        Placement placement = spec.scheduler().placement();
        if (spec.scheduler().protocol().perTpu() && placement == Placement.GLOBAL) {
            problems.add("protocol " + spec.scheduler().protocol().keyword() + " needs pinned or partitioned placement");
        }
        for (Task t : spec.tasks()) {
            Binding b = t.binding();
            if (b instanceof Binding.ChoosePipeline) {
                problems.add("task " + t.name() + " has no pipeline yet (it is left to synthesis)");
                continue;
            }
            if (placement == Placement.GLOBAL && !(b instanceof Binding.AnyTpus)) {
                problems.add("task " + t.name() + " is bound to TPUs under global placement");
                continue;
            }
            if (placement == Placement.PARTITIONED && !(b instanceof Binding.OnPipeline)) {
                problems.add("task " + t.name() + " needs a pipeline under partitioned placement");
                continue;
            }
            if (placement == Placement.PINNED && !(b instanceof Binding.Pinned)) {
                problems.add("task " + t.name() + " needs pinned TPUs under pinned placement");
                continue;
            }
            if (b instanceof Binding.OnPipeline p && spec.platform().pipeline(p.pipeline()).isEmpty()) {
                problems.add("task " + t.name() + " uses unknown pipeline " + p.pipeline());
                continue;
            }
            Optional<List<Integer>> bound = boundTpus(spec, t);
            int k;
            if (bound.isPresent()) {
                k = bound.get().size();
                if (bound.get().stream().anyMatch(x -> x < 0 || x >= m) || bound.get().stream().distinct().count() != k) {
                    problems.add("task " + t.name() + " is bound to TPUs " + bound.get() + ", not distinct TPUs in 0.." + (m - 1));
                    continue;
                }
                if (!t.levels().contains(k)) {
                    problems.add("task " + t.name() + " runs on " + k + " TPUs but allows levels " + t.levels());
                    continue;
                }
            } else {
                if (!t.levelFixed()) {
                    problems.add("task " + t.name() + " has levels " + t.levels() + " still to choose");
                    continue;
                }
                k = t.level();
                if (k < 1 || k > m) {
                    problems.add("task " + t.name() + " needs " + k + " TPUs but the platform has " + m);
                    continue;
                }
            }
            if (!t.dnn().supports(k)) {
                problems.add("DNN " + t.dnn().name() + " of task " + t.name() + " has no latency for " + k + " TPUs");
            }
        }
        return problems;
    }

    private static Optional<List<Integer>> boundTpus(SystemSpec spec, Task t) {
        Binding b = t.binding();
        if (b instanceof Binding.OnPipeline p) {
            return spec.platform().pipeline(p.pipeline()).map(Pipeline::tpus);
        }
        if (b instanceof Binding.Pinned p) {
            return Optional.of(p.tpus());
        }
        return Optional.empty();
    }

    public SystemSpec spec() {
        return spec;
    }

    public int taskCount() {
        return names.length;
    }

    /** Index of a task in {@code spec().tasks()}. */
    public int taskIndex(String task) {
        Integer i = indexByName.get(task);
        if (i == null) {
            throw new IllegalArgumentException("the spec has no task " + task);
        }
        return i;
    }

    public Task task(int index) {
        return spec.tasks().get(index);
    }

    /** The number of TPUs every job of the task uses (its parallelism level {@code k}). */
    public int level(int task) {
        return level[task];
    }

    /** The TPUs a job of the task may use (its eligible TPUs, semantics §7). */
    public int[] eligibleTpus(int task) {
        if (tpus[task].length == 0) {
            int[] all = new int[tpuCount];
            Arrays.setAll(all, x -> x);
            return all;
        }
        return tpus[task].clone();
    }

    public int tpuCount() {
        return tpuCount;
    }

    public Placement placement() {
        return placement;
    }

    public Protocol protocol() {
        return protocol;
    }

    /** The TPUs the task is bound to (its pipeline or pinned list), or an empty array under global placement. */
    public int[] boundTpus(int task) {
        return tpus[task].clone();
    }

    /** The order in which a per-TPU protocol takes the task's locks. */
    public int[] lockOrder(int task) {
        return lockOrder[task].clone();
    }

    /** The task's DNN as an index; tasks running the same DNN share it (reloads compare these). */
    public int dnnIndex(int task) {
        return dnnIndex[task];
    }

    /** The reload time of the task's DNN, in ticks. */
    public long reload(int task) {
        return reload[task];
    }

    /** The gang-strict queue of the task: one per pipeline under partitioned placement, else 0. */
    public int strictQueue(int task) {
        return strictQueue[task];
    }

    /** The rank of the task's name in alphabetical order (the last tie-break of the pending order). */
    public int nameRank(int task) {
        return nameRank[task];
    }
}
