package io.gangproof.artifacts;

import io.gangproof.spec.Fraction;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the work items of an experiment (or of one shard of it): generates each set, asks every
 * method, and bins the set by its exact utilisation. Results are collected by item index, so they
 * do not depend on the number of threads or the order in which items finish.
 */
public final class Runner {
    /** One generated set and every method's outcome on it, in {@link Experiment#effectiveMethods()} order. */
    public record SetRecord(int point, int sample, int bin, TaskSetGenerator.Generated set, List<Outcome> outcomes) {
        public SetRecord {
            outcomes = List.copyOf(outcomes);
        }
    }

    /** Callback after each work item (for the progress bar); called from worker threads. */
    public interface Progress {
        void itemDone();
    }

    private final Experiment experiment;
    private final List<Method> methods;
    private final TaskSetGenerator generator;

    public Runner(Experiment experiment) {
        this.experiment = experiment;
        List<Method> ms = new ArrayList<>();
        for (String id : experiment.effectiveMethods()) {
            ms.add(Methods.create(id, experiment));
        }
        this.methods = List.copyOf(ms);
        this.generator = new TaskSetGenerator(experiment);
    }

    /** The number of work items of {@code shard}. */
    public long items(Shard shard) {
        long n = 0;
        for (long g = 0; g < experiment.workItems(); g++) {
            if (shard.contains(g)) {
                n++;
            }
        }
        return n;
    }

    /** Every set of {@code shard}, in item order. */
    public List<SetRecord> run(Shard shard, int threads, Progress progress) {
        List<Long> items = new ArrayList<>();
        for (long g = 0; g < experiment.workItems(); g++) {
            if (shard.contains(g)) {
                items.add(g);
            }
        }
        if (threads <= 1) {
            List<SetRecord> out = new ArrayList<>();
            for (long g : items) {
                out.add(item(g));
                progress.itemDone();
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "artifacts-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<SetRecord>> futures = new ArrayList<>();
            for (long g : items) {
                futures.add(pool.submit(() -> {
                    SetRecord r = item(g);
                    progress.itemDone();
                    return r;
                }));
            }
            List<SetRecord> out = new ArrayList<>();
            for (Future<SetRecord> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(c);
        } finally {
            pool.shutdownNow();
        }
    }

    private SetRecord item(long g) {
        int point = (int) (g / experiment.samplesPerPoint());
        int sample = (int) (g % experiment.samplesPerPoint());
        TaskSetGenerator.Generated set;
        try {
            set = generator.generate(point, sample);
        } catch (RuntimeException e) {
            throw new IllegalStateException("generating point " + point + " sample " + sample + " of "
                    + experiment.name() + ": " + e.getMessage(), e);
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Method m : methods) {
            try {
                outcomes.add(m.decide(set.spec()));
            } catch (RuntimeException e) {
                throw new IllegalStateException("method " + m.id() + " on point " + point + " sample " + sample
                        + " of " + experiment.name() + ": " + e, e);
            }
        }
        return new SetRecord(point, sample, bin(experiment.points(), set.utilisation()), set, outcomes);
    }

    /** The index of the point nearest to {@code u} (exact; a tie goes to the lower point). */
    static int bin(List<BigDecimal> points, Fraction u) {
        int best = 0;
        Fraction bestDistance = null;
        for (int i = 0; i < points.size(); i++) {
            Fraction d = distance(u, points.get(i));
            if (bestDistance == null || d.compareTo(bestDistance) < 0) {
                best = i;
                bestDistance = d;
            }
        }
        return best;
    }

    static Fraction exact(BigDecimal d) {
        BigDecimal x = d.stripTrailingZeros();
        if (x.scale() <= 0) {
            return new Fraction(x.toBigIntegerExact(), BigInteger.ONE);
        }
        return new Fraction(x.unscaledValue(), BigInteger.TEN.pow(x.scale()));
    }

    private static Fraction distance(Fraction u, BigDecimal point) {
        Fraction p = exact(point);
        BigInteger num = u.numerator().multiply(p.denominator()).subtract(p.numerator().multiply(u.denominator()));
        return new Fraction(num.abs(), u.denominator().multiply(p.denominator()));
    }

    /** Counts per (bin, method): samples, accepted, unknown. */
    public static long[][][] tally(Experiment experiment, List<SetRecord> records) {
        int methods = experiment.effectiveMethods().size();
        long[][][] counts = new long[experiment.points().size()][methods][3];
        for (SetRecord r : records) {
            for (int m = 0; m < methods; m++) {
                counts[r.bin()][m][0]++;
                if (r.outcomes().get(m) == Outcome.ACCEPTED) {
                    counts[r.bin()][m][1]++;
                } else if (r.outcomes().get(m) == Outcome.UNKNOWN) {
                    counts[r.bin()][m][2]++;
                }
            }
        }
        return counts;
    }
}
