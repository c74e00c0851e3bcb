package io.gangproof.smt;

import io.gangproof.spec.Binding;
import io.gangproof.spec.Pipeline;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The partition of one task, re-derived from the spec here (not taken from the analysis), so that
 * the SMT encoding uses the task set of the spec: the tasks bound to the same pipeline, ordered by
 * priority (stable, spec order on ties), each with its charged execution time (semantics §5:
 * {@code wcet(size)}, plus {@code reload} when the partition runs more than one DNN; with one DNN
 * the reload happens once and is charged as {@code oneTimeReload}).
 */
record Partition(String pipeline, int size, List<Member> members, long oneTimeReload) {

    record Member(String name, int priority, long exec, long period, long deadline, long jitter) {
    }

    /**
     * The partitions of the spec last asked about, by pipeline: one {@link ProofCheck#prove} call
     * asks once per task, and building a partition reads every task of the spec. Keyed by the
     * spec's identity (specs are immutable); replaced whole, so threads never see a partial one.
     */
    private record Cache(SystemSpec spec, Map<String, Optional<Partition>> byPipeline) {
    }

    private static volatile Cache last = new Cache(null, Map.of());

    static Optional<Partition> of(SystemSpec spec, String taskName) {
        Task self = spec.task(taskName);
        if (!(self.binding() instanceof Binding.OnPipeline)) {
            return Optional.empty();
        }
        String p = ((Binding.OnPipeline) self.binding()).pipeline();
        Cache c = last;
        if (c.spec() != spec) {
            c = new Cache(spec, new ConcurrentHashMap<>());
            last = c;
        }
        return c.byPipeline().computeIfAbsent(p, k -> build(spec, k));
    }

    private static Optional<Partition> build(SystemSpec spec, String p) {
        Optional<Pipeline> pipeline = spec.platform().pipeline(p);
        if (pipeline.isEmpty()) {
            return Optional.empty();
        }
        int size = pipeline.get().size();
        List<Task> tasks = new ArrayList<>();
        Set<String> dnns = new HashSet<>();
        for (Task t : spec.tasks()) {
            if (t.binding() instanceof Binding.OnPipeline && ((Binding.OnPipeline) t.binding()).pipeline().equals(p)) {
                tasks.add(t);
                dnns.add(t.dnn().name());
            }
        }
        boolean shared = dnns.size() > 1;
        long once = 0;
        List<Member> members = new ArrayList<>();
        for (Task t : tasks) {
            long c = Math.addExact(t.dnn().wcet(size), shared ? t.dnn().reload() : 0);
            if (!shared) {
                once = t.dnn().reload();
            }
            members.add(new Member(t.name(), t.priority(), c, t.period(), t.deadline(), t.jitter()));
        }
        members.sort(Comparator.comparingInt(Member::priority));
        return Optional.of(new Partition(p, size, List.copyOf(members), once));
    }

    /**
     * A serialised global spec as one partition of all {@code m} TPUs (docs/analysis.md §5e),
     * re-derived from the spec: global fp under a gang protocol, every task bound to any TPUs
     * with a fixed level {@code k}, {@code 2 k > m} (no two jobs, not even two of one task, run at
     * once), each charged {@code wcet(k) + reload} (any job may reload), no one-time reload.
     * Empty when the spec is not such a spec.
     */
    static Optional<Partition> serialised(SystemSpec spec) {
        if (spec.scheduler().placement() != Placement.GLOBAL || spec.scheduler().policy() != Policy.FP
                || spec.scheduler().protocol().perTpu()) {
            return Optional.empty();
        }
        int m = spec.platform().tpus();
        List<Member> members = new ArrayList<>();
        for (Task t : spec.tasks()) {
            if (!(t.binding() instanceof Binding.AnyTpus) || !t.levelFixed() || 2L * t.level() <= m
                    || t.level() > m) {
                return Optional.empty();
            }
            members.add(new Member(t.name(), t.priority(), Math.addExact(t.dnn().wcet(t.level()), t.dnn().reload()),
                    t.period(), t.deadline(), t.jitter()));
        }
        members.sort(Comparator.comparingInt(Member::priority));
        return Optional.of(new Partition("serialised (all " + m + " TPUs)", m, List.copyOf(members), 0));
    }

    int indexOf(String task) {
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).name().equals(task)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no task " + task + " in partition " + pipeline);
    }
}
