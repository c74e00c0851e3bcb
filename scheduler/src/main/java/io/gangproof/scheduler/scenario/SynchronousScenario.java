package io.gangproof.scheduler.scenario;

import io.gangproof.scheduler.ExecutableSpec;
import io.gangproof.scheduler.Scenario;
import io.gangproof.scheduler.ScenarioJob;
import io.gangproof.spec.Arrival;
import io.gangproof.spec.DnnExit;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The classic critical-instant guess: every task releases at once, as often as allowed, with
 * no jitter and worst-case execution times. Periodic tasks with a known offset keep it; an
 * unknown offset becomes 0; sporadic tasks arrive at 0, T, 2T, ... Every job takes the exit
 * with the largest wcet at the task's level (the first such exit on ties).
 */
public final class SynchronousScenario {
    private SynchronousScenario() {
    }

    public static Scenario of(SystemSpec spec, long horizon) {
        return withArrivals(spec, horizon, Map.of());
    }

    /**
     * As {@link #of}, but the tasks named in {@code arrivals} arrive exactly at the given
     * times (released at arrival, at wcet). For hand-written scenarios and tests.
     */
    public static Scenario withArrivals(SystemSpec spec, long horizon, Map<String, List<Long>> arrivals) {
        ExecutableSpec x = ExecutableSpec.of(spec);
        List<ScenarioJob> jobs = new ArrayList<>();
        for (int ti = 0; ti < x.taskCount(); ti++) {
            Task t = x.task(ti);
            int k = x.level(ti);
            DnnExit worst = worstExit(t, k);
            List<Long> times = arrivals.containsKey(t.name()) ? arrivals.get(t.name()) : defaultArrivals(t, horizon);
            for (int i = 0; i < times.size(); i++) {
                long a = times.get(i);
                jobs.add(new ScenarioJob(t.name(), i, a, a, worst.table().get(k).wcet(), worst.name()));
            }
        }
        return new Scenario(jobs);
    }

    private static List<Long> defaultArrivals(Task t, long horizon) {
        long first = t.arrival() instanceof Arrival.Periodic p ? p.offset() : 0;
        List<Long> times = new ArrayList<>();
        for (long a = first; a <= horizon; a = Math.addExact(a, t.period())) {
            times.add(a);
        }
        return times;
    }

    static DnnExit worstExit(Task t, int k) {
        DnnExit worst = t.dnn().exits().get(0);
        for (DnnExit e : t.dnn().exits()) {
            if (e.table().get(k).wcet() > worst.table().get(k).wcet()) {
                worst = e;
            }
        }
        return worst;
    }
}
