package io.gangproof.scheduler.search;

import io.gangproof.scheduler.ExecutableSpec;
import io.gangproof.scheduler.ReferenceScheduler;
import io.gangproof.scheduler.Scenario;
import io.gangproof.scheduler.check.JobMeasures;
import io.gangproof.scheduler.check.TraceChecker;
import io.gangproof.scheduler.check.Violation;
import io.gangproof.scheduler.scenario.RandomScenarios;
import io.gangproof.scheduler.scenario.SynchronousScenario;
import io.gangproof.scheduler.trace.JobRecord;
import io.gangproof.scheduler.trace.Trace;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.TimeBudget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * Simulation as a counterexample search ({@code gangproof simulate}): run 0 is the synchronous
 * worst-case scenario, runs 1..N-1 are random scenarios whose seeds are drawn from {@code seed}.
 * It can find violations but never proves anything: a search that finds none is no verdict.
 *
 * <p>The worst run is the one violating most of the spec's numerically bounded properties;
 * ties go to the larger maximum lateness (finish minus deadline, or horizon minus deadline for
 * a job unfinished at its deadline), then to the earlier run.
 */
public final class SimulationSearch {
    private SimulationSearch() {
    }

    public static SearchResult run(SystemSpec spec, long horizon, long seed, int runs, SearchProgress progress) {
        return run(spec, horizon, seed, runs, progress, TimeBudget.UNLIMITED);
    }

    /**
     * As above, stopping after the run in progress once {@code budget} is exhausted (at least
     * one run is made); {@link SearchResult#runs()} then counts the runs made.
     */
    public static SearchResult run(SystemSpec spec, long horizon, long seed, int runs, SearchProgress progress,
            TimeBudget budget) {
        if (runs < 1) {
            throw new IllegalArgumentException("need at least one run, got " + runs);
        }
        ExecutableSpec x = ExecutableSpec.of(spec);
        SplittableRandom seeds = new SplittableRandom(seed);
        Map<String, Acc> acc = new HashMap<>();
        for (var t : spec.tasks()) {
            acc.put(t.name(), new Acc());
        }
        int worstRun = -1;
        long worstSeed = 0;
        Scenario worstScenario = null;
        long worstViolationCount = -1;
        long worstLateness = Long.MIN_VALUE;
        int made = 0;
        for (int run = 0; run < runs && (run == 0 || !budget.exhausted()); run++) {
            made++;
            long runSeed = run == 0 ? 0 : seeds.nextLong();
            Scenario scenario = run == 0 ? SynchronousScenario.of(spec, horizon)
                    : RandomScenarios.generate(x, horizon, new SplittableRandom(runSeed));
            Trace t = ReferenceScheduler.run(x, scenario, horizon, ReferenceScheduler.Detail.NO_EVENTS);
            TraceChecker checker = TraceChecker.of(spec, t);
            List<JobMeasures> measures = checker.measures();
            for (int i = 0; i < measures.size(); i++) {
                // measure() keeps the order of t.jobs().
                acc.get(measures.get(i).task()).add(measures.get(i), t.jobs().get(i), horizon, run);
            }
            long violations = checker.allViolations().size();
            long lateness = maxLateness(t);
            if (violations > worstViolationCount || (violations == worstViolationCount && lateness > worstLateness)) {
                worstRun = run;
                worstSeed = runSeed;
                worstScenario = scenario;
                worstViolationCount = violations;
                worstLateness = lateness;
            }
            progress.runFinished(run + 1, runs);
        }
        Trace worst = ReferenceScheduler.run(x, worstScenario, horizon, ReferenceScheduler.Detail.FULL);
        List<Violation> found = TraceChecker.checkAll(spec, worst);
        List<TaskExtremes> tasks = new ArrayList<>();
        for (var t : spec.tasks()) {
            tasks.add(acc.get(t.name()).result(t.name()));
        }
        return new SearchResult(made, horizon, seed, tasks, worstRun, worstSeed, worst.withViolations(found), found);
    }

    private static long maxLateness(Trace t) {
        long worst = Long.MIN_VALUE;
        for (JobRecord j : t.jobs()) {
            if (j.finish().isPresent()) {
                worst = Math.max(worst, j.finish().getAsLong() - j.deadline());
            } else if (j.deadline() <= t.horizon()) {
                worst = Math.max(worst, t.horizon() - j.deadline());
            }
        }
        return worst;
    }

    private static final class Acc {
        long jobs;
        long maxResponse = -1;
        int maxResponseRun = -1;
        long maxInversion;
        int maxInversionRun = -1;
        long maxOvertakes;
        int maxOvertakesRun = -1;
        long misses;
        long unfinished;

        void add(JobMeasures m, JobRecord j, long horizon, int run) {
            jobs++;
            if (m.response().isPresent() && m.response().getAsLong() > maxResponse) {
                maxResponse = m.response().getAsLong();
                maxResponseRun = run;
            }
            if (m.response().isEmpty() && j.release() <= horizon) {
                unfinished++;
            }
            if (maxInversionRun < 0 || m.inversion() > maxInversion) {
                maxInversion = m.inversion();
                maxInversionRun = run;
            }
            if (maxOvertakesRun < 0 || m.overtakes() > maxOvertakes) {
                maxOvertakes = m.overtakes();
                maxOvertakesRun = run;
            }
            if (m.missedDeadline()) {
                misses++;
            }
        }

        TaskExtremes result(String task) {
            return new TaskExtremes(task, jobs, maxResponse < 0 ? OptionalLong.empty() : OptionalLong.of(maxResponse),
                    maxResponseRun, maxInversion, maxInversionRun, maxOvertakes, maxOvertakesRun, misses, unfinished);
        }
    }
}
