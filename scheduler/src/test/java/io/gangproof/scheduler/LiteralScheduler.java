package io.gangproof.scheduler;

import io.gangproof.spec.Binding;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A second, deliberately naive reading of semantics §5-§6 for cross-checking the reference
 * scheduler: it steps through every tick, re-sorts the pending jobs with a comparator written
 * from the table, and after every start or lock acquisition rescans from the front, exactly
 * as the text says ("repeatedly ... until none can"). Slow on purpose; test code only.
 */
final class LiteralScheduler {
    static final class Job {
        final ScenarioJob in;
        final Task task;
        final long deadline;
        final List<Integer> order;
        final List<Integer> taken = new ArrayList<>();
        final List<Long> takenAt = new ArrayList<>();
        OptionalLong start = OptionalLong.empty();
        long end = Long.MAX_VALUE;
        long reload;

        Job(ScenarioJob in, Task task, List<Integer> order) {
            this.in = in;
            this.task = task;
            this.deadline = in.arrival() + task.deadline();
            this.order = order;
        }
    }

    final List<Job> jobs = new ArrayList<>();
    long firstDeadlock = -1;

    static LiteralScheduler run(SystemSpec spec, Scenario scenario, long horizon) {
        LiteralScheduler s = new LiteralScheduler();
        s.execute(spec, scenario, horizon);
        return s;
    }

    private void execute(SystemSpec spec, Scenario scenario, long horizon) {
        int m = spec.platform().tpus();
        Protocol protocol = spec.scheduler().protocol();
        for (ScenarioJob sj : scenario.jobs()) {
            if (sj.arrival() > horizon) {
                continue;
            }
            Task t = spec.task(sj.task());
            List<Integer> order = new ArrayList<>();
            if (!(t.binding() instanceof Binding.AnyTpus)) {
                order.addAll(spec.eligibleTpus(t));
                if (protocol == Protocol.PER_TPU_ASCENDING) {
                    order.sort(null);
                }
            }
            jobs.add(new Job(sj, t, order));
        }
        Comparator<Job> pendingOrder = comparator(spec.scheduler().policy());
        Job[] holder = new Job[m];
        String[] lastDnn = new String[m];
        List<Job> pending = new ArrayList<>();
        for (long t = 0; t <= horizon; t++) {
            for (Job j : jobs) {
                if (j.end == t) {
                    for (int tpu : j.taken) {
                        holder[tpu] = null;
                    }
                }
            }
            for (Job j : jobs) {
                if (j.in.release() == t) {
                    pending.add(j);
                }
            }
            pending.sort(pendingOrder);
            boolean progress = true;
            while (progress) {
                progress = false;
                if (protocol.perTpu()) {
                    for (Job j : pending) {
                        int next = j.order.get(j.taken.size());
                        if (holder[next] == null) {
                            holder[next] = j;
                            j.taken.add(next);
                            j.takenAt.add(t);
                            if (j.taken.size() == j.order.size()) {
                                start(j, t, lastDnn);
                                pending.remove(j);
                            }
                            progress = true;
                            break;
                        }
                    }
                } else {
                    List<Object> stoppedQueues = new ArrayList<>();
                    for (Job j : pending) {
                        Object queue = spec.scheduler().placement() == Placement.PARTITIONED
                                ? ((Binding.OnPipeline) j.task.binding()).pipeline() : "one queue";
                        if (stoppedQueues.contains(queue)) {
                            continue;
                        }
                        List<Integer> want = new ArrayList<>();
                        if (j.order.isEmpty()) {
                            for (int tpu = 0; tpu < m && want.size() < j.task.level(); tpu++) {
                                if (holder[tpu] == null) {
                                    want.add(tpu);
                                }
                            }
                            if (want.size() < j.task.level()) {
                                want = null;
                            }
                        } else {
                            for (int tpu : j.order) {
                                if (holder[tpu] != null) {
                                    want = null;
                                    break;
                                }
                                want.add(tpu);
                            }
                        }
                        if (want != null) {
                            for (int tpu : want) {
                                holder[tpu] = j;
                                j.taken.add(tpu);
                                j.takenAt.add(t);
                            }
                            start(j, t, lastDnn);
                            pending.remove(j);
                            progress = true;
                            break;
                        }
                        if (protocol == Protocol.GANG_STRICT) {
                            stoppedQueues.add(queue);
                        }
                    }
                }
            }
            if (firstDeadlock < 0 && protocol.perTpu() && hasCycle(pending, holder)) {
                firstDeadlock = t;
            }
        }
    }

    private static void start(Job j, long t, String[] lastDnn) {
        boolean reload = false;
        for (int tpu : j.taken) {
            if (!j.task.dnn().name().equals(lastDnn[tpu])) {
                reload = true;
            }
            lastDnn[tpu] = j.task.dnn().name();
        }
        j.reload = reload ? j.task.dnn().reload() : 0;
        j.start = OptionalLong.of(t);
        j.end = t + j.reload + j.in.executionTime();
    }

    /** Some waiting job that holds a lock reaches itself by following "waits for the holder of my next TPU". */
    private static boolean hasCycle(List<Job> pending, Job[] holder) {
        for (Job j : pending) {
            if (j.taken.isEmpty()) {
                continue;
            }
            Job at = j;
            for (int step = 0; step <= pending.size(); step++) {
                Job next = holder[at.order.get(at.taken.size())];
                if (next == null || next.start.isPresent()) {
                    break;
                }
                if (next == j) {
                    return true;
                }
                at = next;
            }
        }
        return false;
    }

    private static Comparator<Job> comparator(Policy policy) {
        Comparator<Job> byPriority = Comparator.comparingInt(j -> j.task.priority());
        Comparator<Job> first;
        if (policy == Policy.FP) {
            first = byPriority;
        } else if (policy == Policy.EDF) {
            first = Comparator.<Job>comparingLong(j -> j.deadline).thenComparing(byPriority);
        } else {
            first = Comparator.<Job>comparingLong(j -> j.in.arrival()).thenComparing(byPriority);
        }
        return first.thenComparingLong(j -> j.in.arrival()).thenComparing(j -> j.task.name());
    }

    Map<String, Job> byId() {
        Map<String, Job> m = new HashMap<>();
        jobs.forEach(j -> m.put(j.in.id(), j));
        return m;
    }
}
