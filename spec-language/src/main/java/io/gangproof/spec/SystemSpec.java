package io.gangproof.spec;

import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * A resolved, validated system: the single input of every engine. All times are exact
 * ticks of {@link #resolution()}. Immutable; equal specs mean the same system.
 *
 * <p>Invariants established by the resolver (engines may rely on them): names are unique
 * identifiers; priorities are distinct; every task's levels are in its DNN's table; under
 * {@code partitioned} placement every task is {@link Binding.OnPipeline} or
 * {@link Binding.ChoosePipeline} and pipelines are disjoint; under {@code pinned} placement
 * every task is {@link Binding.Pinned} with distinct in-range TPUs, or {@link Binding.ChoosePipeline}
 * (its TPU list left to synthesis, levels in {@code 1..m}); under {@code global}
 * placement every task is {@link Binding.AnyTpus} with levels in {@code 1..m};
 * {@code per-tpu-*} protocols come with {@code pinned} or {@code partitioned} placement.
 */
public record SystemSpec(String name, Resolution resolution, Platform platform, List<Dnn> dnns, List<Task> tasks,
        Scheduler scheduler, List<Property> properties, Exploration exploration) {
    public SystemSpec {
        dnns = List.copyOf(dnns);
        tasks = List.copyOf(tasks);
        properties = List.copyOf(properties);
    }

    public Task task(String taskName) {
        return tasks.stream().filter(t -> t.name().equals(taskName)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no task " + taskName));
    }

    public Dnn dnn(String dnnName) {
        return dnns.stream().filter(d -> d.name().equals(dnnName)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no DNN " + dnnName));
    }

    /** Tasks from highest priority (1) to lowest. */
    public List<Task> tasksByPriority() {
        return tasks.stream().sorted(Comparator.comparingInt(Task::priority)).toList();
    }

    /** The TPUs a job of {@code task} may run on (its eligible TPUs, semantics §7). */
    public List<Integer> eligibleTpus(Task task) {
        Binding b = task.binding();
        if (b instanceof Binding.OnPipeline p) {
            return platform.pipeline(p.pipeline()).orElseThrow().tpus();
        }
        if (b instanceof Binding.Pinned p) {
            return p.tpus();
        }
        return java.util.stream.IntStream.range(0, platform.tpus()).boxed().toList();
    }

    /** The least common multiple of all periods, or empty when it does not fit in a long. */
    public Optional<Long> hyperperiod() {
        long h = 1;
        for (Task t : tasks) {
            long p = t.period();
            long g = gcd(h, p);
            try {
                h = Math.multiplyExact(h / g, p);
            } catch (ArithmeticException overflow) {
                return Optional.empty();
            }
        }
        return Optional.of(h);
    }

    /**
     * TPU-time utilisation {@code sum k_i * wcet_i(k_i) / T_i}, over all tasks with a fixed
     * level, divided by the number of TPUs: 1 means every TPU busy all the time.
     */
    public Fraction tpuTimeUtilisation() {
        Fraction u = Fraction.ZERO;
        for (Task t : tasks) {
            if (t.levelFixed()) {
                u = u.plus(Fraction.of(t.wcet(), t.period()).times(t.level()));
            }
        }
        return u.dividedBy(platform.tpus());
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long r = a % b;
            a = b;
            b = r;
        }
        return a;
    }
}
