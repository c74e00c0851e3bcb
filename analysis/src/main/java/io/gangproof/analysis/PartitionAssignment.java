package io.gangproof.analysis;

import io.gangproof.spec.TimeFormat;
import io.gangproof.spec.Binding;
import io.gangproof.spec.Pipeline;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Platform;
import io.gangproof.spec.Policy;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parallelism and partition assignment for {@code partitioned} specs whose tasks have
 * {@link Binding.ChoosePipeline} (and possibly several allowed levels): chooses pipeline sizes,
 * a pipeline per task (hence its level) and, optionally, priorities.
 *
 * <p>Heuristic (documented in {@code docs/analysis.md}): the TPUs not in any declared pipeline
 * are split in every way into pipeline sizes (integer partitions, enumerated largest part first:
 * {m}, {m-1, 1}, {m-2, 2}, ...); an unused part leaves its TPUs idle, so partitions of fewer TPUs
 * are covered too. For each split, tasks to place are taken by decreasing density
 * {@code min_k wcet(k) / D} (exact comparison) and put first-fit into the declared pipelines, then
 * the new ones (largest first), on the first whose size is an allowed level and whose tasks then
 * all pass the acceptance test: {@link NpFpResponseTime} (after {@link AudsleyPriorityAssignment}
 * when priorities may be reassigned) or {@link NpEdfProcessorDemand}. The first split where every
 * task is placed wins. This is first-fit decreasing bin packing with an exact test as the bin
 * capacity (cf. Davis &amp; Burns 2011, "A survey of hard real-time scheduling for multiprocessor
 * systems", ACM CSUR 43(4), §3 on partitioning heuristics).
 *
 * <p>New pipelines are named p0, p1, ... (skipping declared names) and take the free TPUs in
 * ascending order; placed tasks become {@link Binding.OnPipeline} with the single level of their
 * pipeline's size.
 */
public final class PartitionAssignment {
    private final boolean reassignPriorities;
    private final long maxSplits;
    private final NpFpResponseTime fp = new NpFpResponseTime();
    private final NpEdfProcessorDemand edf = new NpEdfProcessorDemand();
    private final AudsleyPriorityAssignment audsley = new AudsleyPriorityAssignment();

    /** {@code reassignPriorities}: under fp, let Audsley's assignment reorder priorities per pipeline. */
    public PartitionAssignment(boolean reassignPriorities) {
        this(reassignPriorities, 100_000);
    }

    public PartitionAssignment(boolean reassignPriorities, long maxSplits) {
        this.reassignPriorities = reassignPriorities;
        this.maxSplits = maxSplits;
    }

    public AssignmentResult assign(SystemSpec spec) {
        if (spec.scheduler().placement() != Placement.PARTITIONED) {
            return new AssignmentResult(Optional.empty(), "partition assignment needs partitioned placement");
        }
        if (spec.scheduler().policy() == Policy.FIFO) {
            return new AssignmentResult(Optional.empty(), "no acceptance test for partitioned fifo");
        }
        Set<Integer> used = new HashSet<>();
        for (Pipeline p : spec.platform().pipelines()) {
            used.addAll(p.tpus());
        }
        List<Integer> free = new ArrayList<>();
        for (int x = 0; x < spec.platform().tpus(); x++) {
            if (!used.contains(x)) {
                free.add(x);
            }
        }
        List<Task> toPlace = new ArrayList<>();
        for (Task t : spec.tasks()) {
            if (t.binding() instanceof Binding.ChoosePipeline) {
                toPlace.add(t);
            }
        }
        toPlace.sort(PartitionAssignment::byDecreasingDensity);
        long splits = 0;
        for (List<Integer> sizes : integerPartitions(free.size())) {
            if (++splits > maxSplits) {
                return new AssignmentResult(Optional.empty(), "gave up after " + maxSplits + " splits of the free TPUs");
            }
            Optional<SystemSpec> s = tryPlace(spec, free, sizes, toPlace);
            if (s.isPresent()) {
                return new AssignmentResult(s, "placed " + toPlace.size() + " tasks with new pipeline sizes " + sizes);
            }
        }
        return new AssignmentResult(Optional.empty(), "no split of the " + free.size()
                + " free TPUs lets first-fit decreasing place every task");
    }

    private static final class Bin {
        final String name;
        final List<Integer> tpus;
        final List<Task> tasks = new ArrayList<>();
        final boolean declared;

        Bin(String name, List<Integer> tpus, boolean declared) {
            this.name = name;
            this.tpus = tpus;
            this.declared = declared;
        }
    }

    private Optional<SystemSpec> tryPlace(SystemSpec spec, List<Integer> free, List<Integer> sizes, List<Task> toPlace) {
        List<Bin> bins = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Pipeline p : spec.platform().pipelines()) {
            Bin b = new Bin(p.name(), p.tpus(), true);
            for (Task t : spec.tasks()) {
                if (t.binding() instanceof Binding.OnPipeline
                        && ((Binding.OnPipeline) t.binding()).pipeline().equals(p.name())) {
                    b.tasks.add(t);
                }
            }
            bins.add(b);
            names.add(p.name());
        }
        int next = 0;
        int counter = 0;
        for (int size : sizes) {
            String name;
            do {
                name = "p" + counter++;
            } while (names.contains(name));
            names.add(name);
            bins.add(new Bin(name, List.copyOf(free.subList(next, next + size)), false));
            next += size;
        }
        Map<String, Task> placed = new LinkedHashMap<>();
        for (Task t : toPlace) {
            boolean ok = false;
            for (Bin b : bins) {
                int k = b.tpus.size();
                if (!t.levels().contains(k) || !t.dnn().supports(k)) {
                    continue;
                }
                Task candidate = new Task(t.name(), t.dnn(), t.arrival(), t.deadline(), t.jitter(), t.priority(),
                        new TreeSet<>(List.of(k)), new Binding.OnPipeline(b.name));
                b.tasks.add(candidate);
                if (accepts(b, spec.scheduler().policy(), TimeFormat.of(spec))) {
                    placed.put(t.name(), candidate);
                    ok = true;
                    break;
                }
                b.tasks.remove(b.tasks.size() - 1);
            }
            if (!ok) {
                return Optional.empty();
            }
        }
        // Declared pipelines that received nothing were never tested: the result must pass as a whole.
        for (Bin b : bins) {
            if (!b.tasks.isEmpty() && !accepts(b, spec.scheduler().policy(), TimeFormat.of(spec))) {
                return Optional.empty();
            }
        }
        List<Pipeline> pipelines = new ArrayList<>();
        for (Bin b : bins) {
            if (b.declared || !b.tasks.isEmpty()) {
                pipelines.add(new Pipeline(b.name, b.tpus));
            }
        }
        List<Task> tasks = new ArrayList<>();
        for (Task t : spec.tasks()) {
            tasks.add(placed.getOrDefault(t.name(), t));
        }
        SystemSpec out = new SystemSpec(spec.name(), spec.resolution(),
                new Platform(spec.platform().tpus(), spec.platform().cacheBytes(), pipelines), spec.dnns(), tasks,
                spec.scheduler(), spec.properties(), spec.exploration());
        if (reassignPriorities && spec.scheduler().policy() == Policy.FP) {
            AssignmentResult a = audsley.assign(out);
            return a.spec();
        }
        return Optional.of(out);
    }

    private boolean accepts(Bin b, Policy policy, TimeFormat time) {
        PartitionView view = PartitionView.build(b.name, b.tpus.size(), b.tasks, time);
        if (policy == Policy.EDF) {
            return edf.analysePartition(view.tasks(), view.oneTimeReload()).stream().allMatch(TaskBound::schedulable);
        }
        if (reassignPriorities) {
            return audsley.order(view.tasks(), view.oneTimeReload()).isPresent();
        }
        List<ChargedTask> ts = view.tasks();
        for (int x = 0; x < ts.size(); x++) {
            if (!fp.analyseTask(ts.get(x), ts.subList(0, x), ts.subList(x + 1, ts.size()), view.oneTimeReload())
                    .schedulable()) {
                return false;
            }
        }
        return true;
    }

    private static int byDecreasingDensity(Task a, Task b) {
        // density = min_k wcet(k) / D; compare a/b exactly, larger first.
        BigInteger ca = BigInteger.valueOf(minWcet(a));
        BigInteger cb = BigInteger.valueOf(minWcet(b));
        int c = cb.multiply(BigInteger.valueOf(a.deadline())).compareTo(ca.multiply(BigInteger.valueOf(b.deadline())));
        return c != 0 ? c : a.name().compareTo(b.name());
    }

    private static long minWcet(Task t) {
        long best = Long.MAX_VALUE;
        for (int k : t.levels()) {
            if (t.dnn().supports(k)) {
                best = Math.min(best, t.dnn().wcet(k));
            }
        }
        return best;
    }

    /** Integer partitions of n, parts non-increasing, the largest first part first ({n} first). */
    static List<List<Integer>> integerPartitions(int n) {
        List<List<Integer>> out = new ArrayList<>();
        partitions(n, n, new ArrayList<>(), out);
        return out;
    }

    private static void partitions(int rest, int max, List<Integer> prefix, List<List<Integer>> out) {
        if (rest == 0) {
            out.add(List.copyOf(prefix));
            return;
        }
        for (int part = Math.min(rest, max); part >= 1; part--) {
            prefix.add(part);
            partitions(rest - part, part, prefix, out);
            prefix.remove(prefix.size() - 1);
        }
    }
}
