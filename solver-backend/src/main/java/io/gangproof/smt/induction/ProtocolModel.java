package io.gangproof.smt.induction;

import io.gangproof.spec.Binding;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the one-step relation needs of a spec (semantics §2, §4, §6), as small integer tables:
 * per task its level, the TPUs it is bound to (empty under {@code global}) and its lock order;
 * the admission rule of the protocol; whether the pending order across tasks is known without
 * absolute times (only under {@code fp}, where it is task priority). Task {@code i} is the
 * spec's {@code i}-th task. Durations, periods and deadlines are deliberately absent: the
 * relation lets arrivals and completions happen at any instant (docs/smt.md).
 */
public record ProtocolModel(String specName, List<String> names, int tpus, int[] priority, int[] level,
        int[][] bound, int[][] lockOrder, Admission admission, boolean priorityOrder) {

    /** How one dispatch step picks the job that acts (semantics §6). */
    public enum Admission {
        /** The first pending job that fits starts (gang-greedy; every all-or-nothing protocol under partitioned). */
        FIRST_FIT,
        /** The first pending job starts if it fits, else the instant's dispatch stops (gang-strict). */
        HEAD_ONLY,
        /** The first pending job whose next TPU is free takes that lock (per-tpu-*). */
        NEXT_LOCK,
        /**
         * A deliberately wrong gang-strict for tests: the scan passes one blocked job before it
         * stops, so one lower-priority job may start past it.
         */
        MUTANT_PASS_ONE_BLOCKED
    }

    public int taskCount() {
        return names.size();
    }

    public boolean perTpu() {
        return admission == Admission.NEXT_LOCK;
    }

    public boolean global() {
        return bound[0].length == 0;
    }

    /** Whether task {@code i} comes before task {@code j} in the pending order (fp: priority 1 first). */
    public boolean before(int i, int j) {
        return priority[i] < priority[j];
    }

    /** The TPUs a job of task {@code i} may use (semantics §7, eligible TPUs). */
    public List<Integer> eligible(int i) {
        List<Integer> l = new ArrayList<>();
        if (global()) {
            for (int p = 0; p < tpus; p++) {
                l.add(p);
            }
        } else {
            for (int p : bound[i]) {
                l.add(p);
            }
        }
        return l;
    }

    /** Whether TPU {@code p} is one task {@code i} may use. */
    public boolean eligible(int i, int p) {
        return eligible(i).contains(p);
    }

    /** The same model with another admission rule (mutant tests). */
    public ProtocolModel withAdmission(Admission a) {
        return new ProtocolModel(specName, names, tpus, priority, level, bound, lockOrder, a, priorityOrder);
    }

    /** The model of {@code spec}, or the reason it has none (levels or pipelines still to choose). */
    public static Optional<ProtocolModel> of(SystemSpec spec, List<String> whyNot) {
        int n = spec.tasks().size();
        if (n == 0) {
            whyNot.add("the spec has no task");
            return Optional.empty();
        }
        int[] priority = new int[n];
        int[] level = new int[n];
        int[][] bound = new int[n][];
        int[][] lockOrder = new int[n][];
        Protocol protocol = spec.scheduler().protocol();
        for (int i = 0; i < n; i++) {
            Task t = spec.tasks().get(i);
            if (t.binding() instanceof Binding.ChoosePipeline || !t.levelFixed()) {
                whyNot.add("task " + t.name() + " has its level or pipeline still to choose");
                return Optional.empty();
            }
            priority[i] = t.priority();
            boolean any = t.binding() instanceof Binding.AnyTpus;
            bound[i] = any ? new int[0] : spec.eligibleTpus(t).stream().mapToInt(Integer::intValue).toArray();
            level[i] = any ? t.level() : bound[i].length;
            lockOrder[i] = bound[i].clone();
            if (protocol == Protocol.PER_TPU_ASCENDING) {
                java.util.Arrays.sort(lockOrder[i]);
            }
        }
        Admission admission;
        if (protocol.perTpu()) {
            admission = Admission.NEXT_LOCK;
        } else if (protocol == Protocol.GANG_GREEDY || spec.scheduler().placement() == Placement.PARTITIONED) {
            // Partitioned: a job needs its whole partition, so the first job of a partition fits
            // exactly when every job of it does; stopping per partition is first-fit (semantics §6).
            admission = Admission.FIRST_FIT;
        } else {
            admission = Admission.HEAD_ONLY;
        }
        List<String> names = spec.tasks().stream().map(Task::name).toList();
        return Optional.of(new ProtocolModel(spec.name(), names, spec.platform().tpus(), priority, level, bound,
                lockOrder, admission, spec.scheduler().policy() == Policy.FP));
    }

    /** Task indices from the first in pending order (fp) to the last. */
    public List<Integer> byPriority() {
        List<Integer> l = new ArrayList<>();
        for (int i = 0; i < taskCount(); i++) {
            l.add(i);
        }
        l.sort(Comparator.comparingInt(i -> priority[i]));
        return l;
    }
}
