package io.gangproof.scheduler.scenario;

import io.gangproof.scheduler.ExecutableSpec;
import io.gangproof.scheduler.Scenario;
import io.gangproof.scheduler.ScenarioJob;
import io.gangproof.spec.Arrival;
import io.gangproof.spec.DnnExit;
import io.gangproof.spec.Latency;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random legal scenarios from a seed, for simulation search. Every choice the semantics
 * leaves to the environment is drawn: unknown offsets, sporadic gaps, jitter, exits and
 * execution times. Draws lean towards the extremes (back-to-back sporadic arrivals, release at
 * either end of the jitter window, bcet or wcet) because that is where violations tend to be;
 * every value of the allowed range still has a positive probability.
 * Same spec, horizon and seed give the same scenario.
 */
public final class RandomScenarios {
    private RandomScenarios() {
    }

    public static Scenario generate(SystemSpec spec, long horizon, long seed) {
        return generate(ExecutableSpec.of(spec), horizon, new SplittableRandom(seed));
    }

    public static Scenario generate(ExecutableSpec spec, long horizon, SplittableRandom random) {
        List<ScenarioJob> jobs = new ArrayList<>();
        for (int ti = 0; ti < spec.taskCount(); ti++) {
            Task t = spec.task(ti);
            int k = spec.level(ti);
            long period = t.period();
            Arrival arrival = t.arrival();
            long a;
            if (arrival instanceof Arrival.Periodic p) {
                a = p.offset();
            } else {
                a = random.nextInt(4) == 0 ? 0 : random.nextLong(period);
            }
            for (int index = 0; a <= horizon; index++) {
                long release = a + extreme(random, t.jitter());
                List<DnnExit> exits = t.dnn().exits();
                DnnExit exit = exits.get(random.nextInt(exits.size()));
                Latency l = exit.table().get(k);
                long e = l.bcet() + extreme(random, l.wcet() - l.bcet());
                jobs.add(new ScenarioJob(t.name(), index, a, release, e, exit.name()));
                long gap = period;
                if (arrival instanceof Arrival.Sporadic && random.nextBoolean()) {
                    gap = Math.addExact(period, random.nextLong(Math.addExact(period, 1)));
                }
                if (a > Long.MAX_VALUE - gap) {
                    break;
                }
                a += gap;
            }
        }
        return new Scenario(jobs);
    }

    /** A value in {@code [0, width]}: 0 or {@code width} a third of the time each, otherwise uniform. */
    private static long extreme(SplittableRandom random, long width) {
        if (width == 0) {
            return 0;
        }
        int pick = random.nextInt(3);
        if (pick == 0) {
            return 0;
        }
        if (pick == 1) {
            return width;
        }
        return random.nextLong(Math.addExact(width, 1));
    }
}
