package io.gangproof.artifacts;

import io.gangproof.analysis.AnalysisCatalog;
import io.gangproof.analysis.AnalysisResult;
import io.gangproof.analysis.GlobalGangStrictResponseTime;
import io.gangproof.analysis.GlobalPriorityAssignment;
import io.gangproof.analysis.ResponseTimeAnalysis;
import io.gangproof.analysis.TaskBound;
import io.gangproof.model.Explorer;
import io.gangproof.model.ExplorerOptions;
import io.gangproof.model.ExplorerResult;
import io.gangproof.model.MaxResponseTime;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Platform;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.Scheduler;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The tightness study (issue #16, part 4): every analysis of the registry
 * ({@link AnalysisCatalog#all()}) and every priority assignment, on each generated set, against
 * the exhaustive explorer's exact answer under the same scheduler. A test added to the registry
 * joins by itself: each global scheduler variant (every policy with each gang protocol) is
 * explored only when some registered test applies to it, so today only {@code global fp}.
 *
 * <p>Per set and variant: the exact verdict ({@link ExplorerMethod#explore}); each test's verdict
 * and per-task response bounds; for {@code fp} the verdict after {@link GlobalPriorityAssignment};
 * and, when the exact engine accepts and some test bounds a task, that task's exact worst-case
 * response time ({@link Explorer#maxResponseTime}, over the same horizon, in which the reachable
 * states repeat). A test accepting a set with a deadline miss, or a bound below an observed
 * response, is a soundness bug and stops the study.
 */
public final class TightnessStudy {
    /** A global scheduler the study explores, with the registered tests that apply to it. */
    public record Variant(String id, Scheduler scheduler, List<ResponseTimeAnalysis> tests, boolean assignment) {
    }

    /** One test (or assignment) on one set: accepted, and per task the bound (or -1 for none). */
    public record TestOutcome(String test, boolean accepted, long[] bounds) {
    }

    /** One set under one variant. */
    public record VariantRecord(Outcome exact, List<TestOutcome> tests, long[] exactResponse) {
    }

    /** One generated set under every variant, in {@link #variants} order. */
    public record SetRecord(int point, int sample, int bin, TaskSetGenerator.Generated set,
            List<VariantRecord> variants) {
    }

    /** The assignment's series name: the test name the spec's analysis has, plus this suffix. */
    public static final String ASSIGNED = "+assigned";

    private final Experiment experiment;
    private final TaskSetGenerator generator;
    private final List<Variant> variants;

    public TightnessStudy(Experiment experiment) {
        this.experiment = experiment;
        this.generator = new TaskSetGenerator(experiment);
        this.variants = variants(generator.generate(0, 0).spec());
    }

    /**
     * The variants some registered test applies to, decided on a sample set by each test's
     * scheduler ({@code appliesToScheduler}: a test for some task sets only answers "not
     * applicable", never accepting, on the others).
     */
    static List<Variant> variants(SystemSpec sample) {
        List<Variant> out = new ArrayList<>();
        for (Policy policy : Policy.values()) {
            for (Protocol protocol : List.of(Protocol.GANG_GREEDY, Protocol.GANG_STRICT)) {
                Scheduler scheduler = new Scheduler(Placement.GLOBAL, policy, protocol);
                SystemSpec s = retarget(sample, scheduler);
                List<ResponseTimeAnalysis> tests = AnalysisCatalog.all().stream().filter(a -> a.appliesToScheduler(s))
                        .toList();
                if (!tests.isEmpty()) {
                    out.add(new Variant("global " + policy.keyword() + " " + protocol.keyword(), scheduler, tests,
                            policy == Policy.FP));
                }
            }
        }
        return List.copyOf(out);
    }

    public List<Variant> variants() {
        return variants;
    }

    /** Every test's series name under {@code v}, in record order. */
    public static List<String> seriesNames(Variant v) {
        List<String> names = new ArrayList<>();
        v.tests().forEach(t -> names.add(t.name()));
        assignments(v).forEach((test, a) -> names.add(test + ASSIGNED));
        return names;
    }

    /**
     * The assignment series of {@code v}, by the test they verify with: the first test's (the
     * scheduler's default), and under gang-strict also the tightest test's (docs/analysis.md §5b–§5d).
     */
    static java.util.Map<String, GlobalPriorityAssignment> assignments(Variant v) {
        java.util.Map<String, GlobalPriorityAssignment> out = new java.util.LinkedHashMap<>();
        if (v.assignment()) {
            out.put(v.tests().get(0).name(), new GlobalPriorityAssignment());
            GlobalGangStrictResponseTime tightest = GlobalGangStrictResponseTime.tightest();
            if (v.tests().stream().anyMatch(t -> t.name().equals(tightest.name()))) {
                out.put(tightest.name(), new GlobalPriorityAssignment(1_000_000, tightest));
            }
        }
        return out;
    }

    static SystemSpec retarget(SystemSpec s, Scheduler scheduler) {
        SystemSpec g = Variants.global(s, scheduler.protocol());
        return new SystemSpec(g.name(), g.resolution(), new Platform(g.platform().tpus(), g.platform().cacheBytes(),
                List.of()), g.dnns(), g.tasks(), scheduler, g.properties(), g.exploration());
    }

    /** Item {@code g} (point-major, as {@link Runner}). */
    public SetRecord item(long g) {
        int point = (int) (g / experiment.samplesPerPoint());
        int sample = (int) (g % experiment.samplesPerPoint());
        TaskSetGenerator.Generated set = generator.generate(point, sample);
        List<VariantRecord> out = new ArrayList<>();
        for (Variant v : variants) {
            out.add(evaluate(retarget(set.spec(), v.scheduler()), v, point, sample));
        }
        return new SetRecord(point, sample, Runner.bin(experiment.points(), set.utilisation()), set, out);
    }

    private VariantRecord evaluate(SystemSpec spec, Variant v, int point, int sample) {
        Outcome exact = ExplorerMethod.outcome(ExplorerMethod.explore(spec, experiment.explorer()));
        List<TestOutcome> tests = new ArrayList<>();
        // fresh instances per set: the workers share the variants, and a registered test need not be thread-safe
        List<String> names = v.tests().stream().map(ResponseTimeAnalysis::name).toList();
        List<ResponseTimeAnalysis> fresh = AnalysisCatalog.all().stream().filter(a -> names.contains(a.name()))
                .toList();
        for (ResponseTimeAnalysis a : fresh) {
            AnalysisResult r = a.analyze(spec);
            long[] bounds = new long[spec.tasks().size()];
            for (int i = 0; i < bounds.length; i++) {
                Optional<TaskBound> b = r.task(spec.tasks().get(i).name());
                bounds[i] = b.flatMap(TaskBound::responseBound).orElse(-1L);
            }
            tests.add(new TestOutcome(a.name(), r.allSchedulable(), bounds));
        }
        for (java.util.Map.Entry<String, GlobalPriorityAssignment> a : assignments(v).entrySet()) {
            boolean found = a.getValue().assign(spec).found();
            long[] none = new long[spec.tasks().size()];
            java.util.Arrays.fill(none, -1L);
            tests.add(new TestOutcome(a.getKey() + ASSIGNED, found, none));
        }
        String where = v.id() + " at point " + point + " sample " + sample + " (" + spec.name() + ")";
        for (int t = 0; t < v.tests().size(); t++) {
            if (tests.get(t).accepted() && exact == Outcome.REJECTED) {
                throw new IllegalStateException("soundness conflict: " + tests.get(t).test() + " accepts " + where
                        + ", but the explorer finds a deadline miss");
            }
        }
        long[] response = new long[spec.tasks().size()];
        java.util.Arrays.fill(response, -1L);
        if (exact == Outcome.ACCEPTED) {
            for (int i = 0; i < response.length; i++) {
                final int task = i;
                if (tests.stream().anyMatch(t -> t.bounds()[task] >= 0)) {
                    response[i] = exactResponse(spec, spec.tasks().get(i)).orElse(-1L);
                    for (TestOutcome t : tests) {
                        if (response[i] >= 0 && t.bounds()[i] >= 0 && t.bounds()[i] < response[i]) {
                            throw new IllegalStateException("soundness conflict: " + t.test() + " bounds task "
                                    + spec.tasks().get(i).name() + " by " + t.bounds()[i] + " in " + where
                                    + ", but the explorer finds a response of " + response[i]);
                        }
                    }
                }
            }
        }
        return new VariantRecord(exact, tests, response);
    }

    /** The largest response of {@code task} over every behaviour up to the explorer's horizon, when the search completed. */
    private OptionalLong exactResponse(SystemSpec spec, Task task) {
        Experiment.ExplorerSettings x = experiment.explorer();
        long hyper = spec.hyperperiod().orElseThrow();
        long maxPeriod = spec.tasks().stream().mapToLong(Task::period).max().orElse(1);
        long maxDeadline = spec.tasks().stream().mapToLong(Task::deadline).max().orElse(1);
        long horizon = maxPeriod + x.horizonHyperperiods() * hyper + maxDeadline;
        ExplorerOptions options = ExplorerOptions.DEFAULTS.withHorizon(horizon).withMaxStates(x.maxStates())
                .withMemoryBytes(x.memoryMiB() << 20).withTimeLimitMillis(3_600_000L);
        MaxResponseTime m = Explorer.maxResponseTime(spec, task.name(), options);
        return m.complete() ? m.max() : OptionalLong.empty();
    }

    /** Every set, in item order ({@code threads} workers; the result does not depend on them). */
    public List<SetRecord> run(int threads, Runner.Progress progress) {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                Math.max(1, threads), r -> {
                    Thread t = new Thread(r, "tightness-worker");
                    t.setDaemon(true);
                    return t;
                });
        try {
            List<java.util.concurrent.Future<SetRecord>> futures = new ArrayList<>();
            for (long g = 0; g < experiment.workItems(); g++) {
                final long item = g;
                futures.add(pool.submit(() -> {
                    SetRecord r = item(item);
                    progress.itemDone();
                    return r;
                }));
            }
            List<SetRecord> out = new ArrayList<>();
            for (java.util.concurrent.Future<SetRecord> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
