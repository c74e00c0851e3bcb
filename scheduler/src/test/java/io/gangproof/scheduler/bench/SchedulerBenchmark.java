package io.gangproof.scheduler.bench;

import io.gangproof.scheduler.ExecutableSpec;
import io.gangproof.scheduler.ReferenceScheduler;
import io.gangproof.scheduler.Scenario;
import io.gangproof.scheduler.scenario.RandomScenarios;
import io.gangproof.scheduler.trace.JobRecord;
import io.gangproof.scheduler.trace.Trace;
import io.gangproof.spec.Protocol;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Simulated job completions per second on one thread, for the 16-TPU, 50-task workload of
 * {@link BenchmarkSpecs} under each protocol. One invocation runs one random scenario over
 * 2,000,000 ticks (about 20,000 jobs) and builds its trace (jobs and occupancy, no event list,
 * as simulation search does). The {@code completions} counter is the figure of merit; with
 * {@code -prof gc}, {@code gc.alloc.rate.norm} divided by {@code jobsPerRun} is bytes per job.
 *
 * <p>Run: {@code scheduler/bench.sh} (from the repository root; it passes further JMH options on).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Threads(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SchedulerBenchmark {
    static final long HORIZON = 2_000_000;

    @Param({"GANG_GREEDY", "GANG_STRICT", "PER_TPU_LISTED", "PER_TPU_ASCENDING"})
    public Protocol protocol;

    private ExecutableSpec spec;
    private Scenario[] scenarios;
    private int next;

    /** Counted per invocation; JMH reports its rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        public long completions;
        public long jobs;

        @Setup(Level.Iteration)
        public void clear() {
            completions = 0;
            jobs = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        spec = ExecutableSpec.of(BenchmarkSpecs.of(protocol));
        SplittableRandom seeds = new SplittableRandom(7);
        scenarios = new Scenario[4];
        for (int i = 0; i < scenarios.length; i++) {
            scenarios[i] = RandomScenarios.generate(spec, HORIZON, seeds.split());
        }
        Trace probe = ReferenceScheduler.run(spec, scenarios[0], HORIZON, ReferenceScheduler.Detail.NO_EVENTS);
        long done = probe.jobs().stream().filter(j -> j.finish().isPresent()).count();
        System.out.println("jobsPerRun=" + probe.jobs().size() + " completionsPerRun=" + done);
    }

    @Benchmark
    public Trace simulate(Counters counters) {
        Trace t = ReferenceScheduler.run(spec, scenarios[next], HORIZON, ReferenceScheduler.Detail.NO_EVENTS);
        next = (next + 1) % scenarios.length;
        counters.jobs += t.jobs().size();
        for (JobRecord j : t.jobs()) {
            if (j.finish().isPresent()) {
                counters.completions++;
            }
        }
        return t;
    }
}
