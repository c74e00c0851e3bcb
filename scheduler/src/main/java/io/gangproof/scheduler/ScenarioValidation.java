package io.gangproof.scheduler;

import io.gangproof.spec.Arrival;
import io.gangproof.spec.DnnExit;
import io.gangproof.spec.Latency;
import io.gangproof.spec.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;

/**
 * Whether a scenario is a behaviour the spec allows (semantics §4): arrivals follow the
 * arrival model, periodic arrivals up to the horizon are all there, releases lie within the
 * jitter, every exit exists and every execution time lies in its exit's interval.
 */
public final class ScenarioValidation {
    private ScenarioValidation() {
    }

    /** Every way the scenario departs from the spec, as sentences; empty when it is a legal behaviour. */
    public static List<String> problems(ExecutableSpec spec, Scenario scenario, long horizon) {
        List<String> problems = new ArrayList<>();
        if (horizon < 0) {
            problems.add("the horizon must be >= 0, got " + horizon);
        }
        // Scenario jobs are sorted by task, then index: one pass groups them.
        Map<String, List<ScenarioJob>> byTask = new HashMap<>();
        for (ScenarioJob j : scenario.jobs()) {
            byTask.computeIfAbsent(j.task(), k -> new ArrayList<>()).add(j);
        }
        for (String name : byTask.keySet()) {
            if (spec.spec().tasks().stream().noneMatch(t -> t.name().equals(name))) {
                problems.add("job " + byTask.get(name).get(0).id() + " belongs to no task of the spec");
            }
        }
        for (int ti = 0; ti < spec.taskCount(); ti++) {
            Task task = spec.task(ti);
            List<ScenarioJob> jobs = byTask.getOrDefault(task.name(), List.of());
            int k = spec.level(ti);
            Map<String, Latency> intervals = new HashMap<>();
            for (DnnExit e : task.dnn().exits()) {
                intervals.put(e.name(), e.table().get(k));
            }
            for (int i = 0; i < jobs.size(); i++) {
                ScenarioJob j = jobs.get(i);
                if (j.index() != i) {
                    problems.add("jobs of task " + task.name() + " must be numbered 0, 1, ... without gaps; found " + j.id());
                    break;
                }
                if (j.release() > Math.addExact(j.arrival(), task.jitter())) {
                    problems.add("job " + j.id() + " is released at " + j.release() + ", after arrival " + j.arrival()
                            + " plus jitter " + task.jitter());
                }
                if (!intervals.containsKey(j.exit())) {
                    problems.add("job " + j.id() + " takes exit " + j.exit() + ", which DNN " + task.dnn().name() + " lacks");
                } else {
                    Latency l = intervals.get(j.exit());
                    if (l == null || j.executionTime() < l.bcet() || j.executionTime() > l.wcet()) {
                        problems.add("job " + j.id() + " executes for " + j.executionTime() + " ticks, outside ["
                                + (l == null ? "?" : l.bcet() + ", " + l.wcet()) + "] of exit " + j.exit() + " at "
                                + spec.level(ti) + " TPUs");
                    }
                }
            }
            problems.addAll(arrivalProblems(task, jobs, horizon));
        }
        return problems;
    }

    private static List<String> arrivalProblems(Task task, List<ScenarioJob> jobs, long horizon) {
        List<String> problems = new ArrayList<>();
        Arrival arrival = task.arrival();
        long period = arrival.period();
        for (int i = 1; i < jobs.size(); i++) {
            long gap = jobs.get(i).arrival() - jobs.get(i - 1).arrival();
            boolean ok = arrival instanceof Arrival.Sporadic ? gap >= period : gap == period;
            if (!ok) {
                problems.add("jobs " + jobs.get(i - 1).id() + " and " + jobs.get(i).id() + " arrive " + gap
                        + " ticks apart; task " + task.name() + " needs " + (arrival instanceof Arrival.Sporadic ? "at least " : "exactly ")
                        + period);
            }
        }
        if (arrival instanceof Arrival.Periodic p) {
            if (!jobs.isEmpty() && jobs.get(0).arrival() != p.offset()) {
                problems.add("job " + jobs.get(0).id() + " arrives at " + jobs.get(0).arrival() + ", not at offset " + p.offset());
            }
            long nextMissing = jobs.isEmpty() ? p.offset() : jobs.get(jobs.size() - 1).arrival() + period;
            if (nextMissing <= horizon) {
                problems.add("task " + task.name() + " is periodic, so a job arrives at " + nextMissing
                        + " <= horizon " + horizon + ", but the scenario lacks it");
            }
        } else if (arrival instanceof Arrival.PeriodicAnyOffset) {
            if (!jobs.isEmpty() && jobs.get(0).arrival() >= period) {
                problems.add("job " + jobs.get(0).id() + " arrives at " + jobs.get(0).arrival() + ", but the offset must be < " + period);
            }
            long nextMissing = jobs.isEmpty() ? period - 1 : jobs.get(jobs.size() - 1).arrival() + period;
            if (nextMissing <= horizon) {
                problems.add("task " + task.name() + " is periodic, so a job arrives by " + nextMissing
                        + " <= horizon " + horizon + ", but the scenario lacks it");
            }
        }
        return problems;
    }
}
