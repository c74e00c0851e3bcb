package io.gangproof.check;

import io.gangproof.model.Counterexample;
import io.gangproof.scheduler.ReferenceScheduler;
import io.gangproof.scheduler.Scenario;
import io.gangproof.scheduler.ScenarioJob;
import io.gangproof.scheduler.check.TraceChecker;
import io.gangproof.scheduler.trace.Trace;
import io.gangproof.spec.Arrival;
import io.gangproof.spec.Dnn;
import io.gangproof.spec.DnnExit;
import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the explorer's counterexample into the reference scheduler's trace of the same
 * behaviour, so that it is replayed and written like every other counterexample. The
 * explorer chooses a job's execution time when the job starts; a job that had not started
 * by the violation instant gets its worst case here, which nothing before that instant reads.
 */
public final class ExplorerCounterexamples {
    private ExplorerCounterexamples() {
    }

    /** The trace claims every violation it shows (docs/traces.md), the explorer's among them. */
    public static Trace toTrace(SystemSpec spec, Counterexample cex, Map<Property, Long> bounds) {
        List<ScenarioJob> jobs = new ArrayList<>();
        for (io.gangproof.model.Scenario.Job j : cex.scenario().jobs()) {
            Task task = spec.task(j.task());
            Dnn dnn = task.dnn();
            String exit = j.exit().orElse(dnn.exits().get(0).name());
            long exec = j.execTime().isPresent() ? j.execTime().getAsLong()
                    : worstCase(dnn.exit(exit), task.level());
            jobs.add(new ScenarioJob(j.task(), j.index(), j.arrival(), j.release(), exec, exit));
        }
        completePeriodicArrivals(spec, jobs, cex.violationTime());
        Trace trace = ReferenceScheduler.run(spec, new Scenario(jobs), cex.violationTime());
        return TraceChecker.claimingAll(spec, trace, bounds);
    }

    /**
     * The explorer's last step may come before the violation instant (inversion and overtakes
     * are certain at the end of the tick they count), so periodic arrivals in between are
     * missing; they are forced by the spec and, arriving at or after the last step, change
     * nothing before the violation. An unknown offset not yet chosen is chosen as late as
     * allowed ({@code T - 1}).
     */
    private static void completePeriodicArrivals(SystemSpec spec, List<ScenarioJob> jobs, long horizon) {
        for (Task task : spec.tasks()) {
            long next;
            int index;
            List<ScenarioJob> own = jobs.stream().filter(j -> j.task().equals(task.name())).toList();
            if (task.arrival() instanceof Arrival.Periodic p) {
                index = own.size();
                next = p.offset() + index * p.period();
            } else if (task.arrival() instanceof Arrival.PeriodicAnyOffset p) {
                index = own.size();
                next = own.isEmpty() ? p.period() - 1 : own.get(own.size() - 1).arrival() + p.period();
            } else {
                continue;
            }
            Dnn dnn = task.dnn();
            String exit = dnn.exits().get(0).name();
            for (; next <= horizon; next += task.period(), index++) {
                jobs.add(new ScenarioJob(task.name(), index, next, next, worstCase(dnn.exit(exit), task.level()),
                        exit));
            }
        }
    }

    private static long worstCase(DnnExit exit, int level) {
        return exit.table().get(level).wcet();
    }
}
