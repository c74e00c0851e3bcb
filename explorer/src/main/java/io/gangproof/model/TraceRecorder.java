package io.gangproof.model;

import io.gangproof.model.runtime.StepObserver;
import io.gangproof.spec.DnnExit;
import io.gangproof.spec.Latency;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Builds the job-level record of one replayed behaviour from the model's events. */
final class TraceRecorder implements StepObserver {
    private final SystemSpec spec;
    private final Map<Long, Builder> jobs = new LinkedHashMap<>();
    private final int[] arrivals;

    TraceRecorder(SystemSpec spec) {
        this.spec = spec;
        this.arrivals = new int[spec.tasks().size()];
    }

    private static final class Builder {
        final int task;
        final int index;
        final long arrival;
        final long release;
        long execTime = -1;
        long start = -1;
        long finish = -1;
        boolean reloads;
        final List<Integer> tpus = new ArrayList<>();

        Builder(int task, int index, long arrival, long release) {
            this.task = task;
            this.index = index;
            this.arrival = arrival;
            this.release = release;
        }
    }

    private static long key(int task, int arrival) {
        return ((long) arrival << 16) | task;
    }

    @Override
    public void onArrival(int task, int arrival, int release) {
        jobs.put(key(task, arrival), new Builder(task, arrivals[task]++, arrival, release));
    }

    @Override
    public void onAcquire(int task, int arrival, int tpu, int time) {
        jobs.get(key(task, arrival)).tpus.add(tpu);
    }

    @Override
    public void onStart(int task, int arrival, int start, int execTime, long tpus, boolean reloads) {
        Builder b = jobs.get(key(task, arrival));
        b.start = start;
        b.execTime = execTime;
        b.reloads = reloads;
        if (b.tpus.isEmpty()) {
            for (int q = 0; q < 64; q++) {
                if ((tpus >>> q & 1L) != 0L) {
                    b.tpus.add(q);
                }
            }
        }
    }

    @Override
    public void onFinish(int task, int arrival, int finish) {
        jobs.get(key(task, arrival)).finish = finish;
    }

    List<JobRecord> records() {
        List<JobRecord> out = new ArrayList<>();
        for (Builder b : jobs.values()) {
            Task t = spec.tasks().get(b.task);
            out.add(new JobRecord(t.name(), b.index, b.arrival, b.release, opt(b.execTime),
                    b.execTime < 0 ? Optional.empty() : Optional.of(exitOf(t, b.execTime)), opt(b.start),
                    b.tpus, b.reloads, opt(b.finish)));
        }
        return out;
    }

    private static OptionalLong opt(long v) {
        return v < 0 ? OptionalLong.empty() : OptionalLong.of(v);
    }

    /** The first exit whose interval at the task's level contains the execution time. */
    static String exitOf(Task t, long execTime) {
        for (DnnExit e : t.dnn().exits()) {
            Latency l = e.table().get(t.level());
            if (l.bcet() <= execTime && execTime <= l.wcet()) {
                return e.name();
            }
        }
        throw new IllegalStateException("internal error: execution time " + execTime + " fits no exit of "
                + t.dnn().name());
    }
}
