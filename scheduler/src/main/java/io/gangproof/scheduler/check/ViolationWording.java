package io.gangproof.scheduler.check;

import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.TimeFormat;
import java.util.List;
import java.util.OptionalLong;

/**
 * The one sentence for each kind of violation (semantics §7), in the spec's time units.
 * Every engine's counterexample becomes a reference-scheduler trace whose violations the
 * {@link TraceChecker} words with this class, so a violation reads the same whichever engine
 * (simulation, explorer, SMT search) found it.
 */
public final class ViolationWording {
    private final TimeFormat time;

    public ViolationWording(SystemSpec spec) {
        this.time = TimeFormat.of(spec);
    }

    public String deadlineMiss(String job, long arrival, long deadline, OptionalLong finish) {
        return "job " + job + " (arrival " + time.format(arrival) + ") is unfinished at its deadline "
                + time.format(deadline) + (finish.isPresent() ? "; it finishes at " + time.format(finish.getAsLong())
                : "");
    }

    public String responseExceeded(String job, long arrival, long response, long bound) {
        return "job " + job + " (arrival " + time.format(arrival) + ") has response time " + time.format(response)
                + ", more than " + time.format(bound);
    }

    public String unfinishedAt(String job, long arrival, long at, long bound) {
        return "job " + job + " (arrival " + time.format(arrival) + ") is unfinished at " + time.format(at)
                + ", so its response time exceeds " + time.format(bound);
    }

    public String inversion(String job, long release, long total, long from, long to, long bound) {
        return "job " + job + " (release " + time.format(release) + ") waits " + time.format(total) + " in ["
                + time.format(from) + ", " + time.format(to) + ") while lower-priority jobs run on its TPUs, more than "
                + time.format(bound);
    }

    public String overtaken(String job, long release, int count, long bound, List<String> first) {
        return "job " + job + " (release " + time.format(release) + ") is overtaken by " + count
                + " lower-priority jobs, more than " + bound + "; the first ones: " + first;
    }

    public String deadlock(long at, List<String> jobs, List<Integer> tpus) {
        return "deadlock at " + time.format(at) + ": jobs " + jobs + " hold TPUs " + tpus
                + " and each waits for a TPU another holds";
    }
}
