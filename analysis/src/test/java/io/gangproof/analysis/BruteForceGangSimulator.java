package io.gangproof.analysis;

import io.gangproof.spec.Arrival;
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
import java.util.Random;

/**
 * A deliberately naive, tick-by-tick simulator of semantics §5–§6, used only as a test oracle for
 * the analyses until the reference scheduler (branch {@code scheduler}) can replace it. It favours
 * obviousness over speed: every tick it (1) frees the TPUs of jobs finishing now, (2) makes jobs
 * released now pending, (3) scans the pending jobs in policy order and starts the first that fits
 * (gang-strict: stop at the first that does not fit; gang-greedy and partitioned: skip it), and
 * rescans until nothing starts. Reload: a job starting on TPUs whose last DNN is not all its own
 * (initially none) holds them for {@code reload + e}. Handles {@code global} and
 * {@code partitioned} placement with fp, edf or fifo, and {@code pinned} placement (a job needs all
 * of its listed TPUs; one queue and one scan, as global); not per-tpu protocols.
 */
final class BruteForceGangSimulator {
    private BruteForceGangSimulator() {
    }

    /** One job to simulate: which task, when it arrives, how late it is released, how long it runs. */
    record PlannedJob(Task task, long arrival, long releaseDelay, long exec) {
    }

    /** Largest observed values per task; an unfinished job counts with a lower bound of its response. */
    record Observed(Map<String, Long> response, Map<String, Long> inversion, Map<String, Long> overtakes) {
    }

    private static final class Job {
        final Task task;
        final int taskPriority;
        final long arrival;
        final long release;
        final long exec;
        final long deadline;
        final List<Integer> eligible;
        long start = -1;
        long finish = -1;
        List<Integer> held = List.of();
        long inversion;
        long overtakes;

        Job(Task task, long arrival, long release, long exec, List<Integer> eligible) {
            this.task = task;
            this.taskPriority = task.priority();
            this.arrival = arrival;
            this.release = release;
            this.exec = exec;
            this.deadline = arrival + task.deadline();
            this.eligible = eligible;
        }
    }

    static Observed run(SystemSpec spec, List<PlannedJob> plan, long horizon) {
        Placement placement = spec.scheduler().placement();
        if (spec.scheduler().protocol().perTpu()) {
            throw new IllegalArgumentException("the test simulator models all-or-nothing protocols only");
        }
        Policy policy = spec.scheduler().policy();
        boolean strict = placement != Placement.PARTITIONED && spec.scheduler().protocol() == Protocol.GANG_STRICT;
        int m = spec.platform().tpus();
        List<Job> jobs = new ArrayList<>();
        for (PlannedJob p : plan) {
            jobs.add(new Job(p.task(), p.arrival(), p.arrival() + p.releaseDelay(), p.exec(), spec.eligibleTpus(p.task())));
        }
        Comparator<Job> order = policy == Policy.EDF
                ? Comparator.<Job>comparingLong(j -> j.deadline).thenComparingInt(j -> j.taskPriority)
                        .thenComparingLong(j -> j.arrival).thenComparing(j -> j.task.name())
                : Comparator.<Job>comparingInt(j -> j.taskPriority).thenComparingLong(j -> j.arrival)
                        .thenComparing(j -> j.task.name());
        if (policy == Policy.FIFO) {
            order = Comparator.<Job>comparingLong(j -> j.arrival).thenComparingInt(j -> j.taskPriority)
                    .thenComparing(j -> j.task.name());
        }
        Job[] running = new Job[m];
        String[] lastDnn = new String[m];
        List<Job> pending = new ArrayList<>();
        List<Job> byRelease = new ArrayList<>(jobs);
        byRelease.sort(Comparator.comparingLong(j -> j.release));
        int nextRelease = 0;
        for (long t = 0; t <= horizon; t++) {
            // Nothing can start unless a TPU was freed or a job was released at this instant.
            boolean changed = false;
            for (int x = 0; x < m; x++) {
                if (running[x] != null && running[x].finish == t) {
                    running[x] = null;
                    changed = true;
                }
            }
            while (nextRelease < byRelease.size() && byRelease.get(nextRelease).release == t) {
                pending.add(byRelease.get(nextRelease++));
                changed = true;
            }
            pending.sort(order);
            List<Job> startedNow = new ArrayList<>();
            boolean started = changed;
            while (started) {
                started = false;
                for (Job j : pending) {
                    List<Integer> tpus = fit(j, placement, running);
                    if (tpus != null) {
                        boolean reload = false;
                        for (int x : tpus) {
                            reload |= !j.task.dnn().name().equals(lastDnn[x]);
                        }
                        j.start = t;
                        j.finish = t + j.exec + (reload ? j.task.dnn().reload() : 0);
                        j.held = tpus;
                        for (int x : tpus) {
                            running[x] = j;
                            lastDnn[x] = j.task.dnn().name();
                        }
                        pending.remove(j);
                        startedNow.add(j);
                        started = true;
                        break;
                    }
                    if (strict) {
                        break;
                    }
                }
            }
            // Observe every job that waits during [t, t + 1).
            for (Job w : pending) {
                boolean lowerRuns = false;
                for (int x : w.eligible) {
                    if (running[x] != null && lower(running[x], w, policy)) {
                        lowerRuns = true;
                    }
                }
                if (lowerRuns) {
                    w.inversion++;
                }
                for (Job s : startedNow) {
                    if (lower(s, w, policy) && overlaps(s.held, w.eligible)) {
                        w.overtakes++;
                    }
                }
            }
        }
        Map<String, Long> response = new HashMap<>();
        Map<String, Long> inversion = new HashMap<>();
        Map<String, Long> overtakes = new HashMap<>();
        for (Job j : jobs) {
            if (j.arrival > horizon) {
                continue;
            }
            long r = j.finish >= 0 && j.finish <= horizon ? j.finish - j.arrival : horizon + 1 - j.arrival;
            response.merge(j.task.name(), r, Math::max);
            inversion.merge(j.task.name(), j.inversion, Math::max);
            overtakes.merge(j.task.name(), j.overtakes, Math::max);
        }
        return new Observed(response, inversion, overtakes);
    }

    private static boolean lower(Job l, Job j, Policy policy) {
        return policy == Policy.EDF ? l.deadline > j.deadline : l.taskPriority > j.taskPriority;
    }

    private static boolean overlaps(List<Integer> a, List<Integer> b) {
        for (int x : a) {
            if (b.contains(x)) {
                return true;
            }
        }
        return false;
    }

    private static List<Integer> fit(Job j, Placement placement, Job[] running) {
        if (placement != Placement.GLOBAL) {
            for (int x : j.eligible) {
                if (running[x] != null) {
                    return null;
                }
            }
            return j.eligible;
        }
        int k = j.task.level();
        List<Integer> free = new ArrayList<>();
        for (int x = 0; x < running.length && free.size() < k; x++) {
            if (running[x] == null) {
                free.add(x);
            }
        }
        return free.size() == k ? free : null;
    }

    /** Execution-time level of a task as the simulator sees it (the pipeline size when partitioned). */
    static int level(SystemSpec spec, Task t) {
        if (t.binding() instanceof Binding.OnPipeline) {
            return spec.platform().pipeline(((Binding.OnPipeline) t.binding()).pipeline()).orElseThrow().size();
        }
        return t.level();
    }

    /**
     * A random behaviour allowed by semantics §4: arrivals per the arrival model (random offsets
     * for unknown offsets, random extra gaps for sporadic tasks, often none), random jitter and
     * execution times, biased to the extremes where worst cases live. {@code synchronous} puts
     * every free offset at 0, uses full jitter and wcet.
     */
    static List<PlannedJob> randomPlan(SystemSpec spec, Random rnd, long horizon, boolean synchronous) {
        List<PlannedJob> plan = new ArrayList<>();
        for (Task t : spec.tasks()) {
            int k = level(spec, t);
            long wcet = t.dnn().wcet(k);
            long bcet = t.dnn().bcet(k);
            Arrival a = t.arrival();
            long next;
            if (a instanceof Arrival.Periodic) {
                next = ((Arrival.Periodic) a).offset();
            } else if (synchronous) {
                next = 0;
            } else {
                next = rnd.nextInt(3) == 0 ? 0 : (long) rnd.nextInt((int) Math.min(a.period(), 1_000));
            }
            while (next <= horizon) {
                long delay;
                long exec;
                if (synchronous) {
                    delay = t.jitter();
                    exec = wcet;
                } else {
                    int pick = rnd.nextInt(3);
                    delay = t.jitter() == 0 ? 0 : pick == 0 ? 0 : pick == 1 ? t.jitter() : rnd.nextInt((int) t.jitter() + 1);
                    exec = rnd.nextInt(3) > 0 ? wcet : bcet + rnd.nextInt((int) (wcet - bcet + 1));
                }
                plan.add(new PlannedJob(t, next, delay, exec));
                long gap = a.period();
                if (a instanceof Arrival.Sporadic && !synchronous && rnd.nextInt(4) == 0) {
                    gap += rnd.nextInt((int) Math.min(a.period(), 1_000) + 1);
                }
                next += gap;
            }
        }
        return plan;
    }
}
