package io.gangproof.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.analysis.AnalysisResult;
import io.gangproof.analysis.ResponseTimeAnalysis;
import io.gangproof.analysis.TaskBound;
import io.gangproof.model.Explorer;
import io.gangproof.model.ExplorerOptions;
import io.gangproof.model.ExplorerResult;
import io.gangproof.spec.Bound;
import io.gangproof.spec.Exploration;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.Scheduler;
import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import io.gangproof.spec.Verdict;
import io.gangproof.spec.format.SpecWriter;
import io.gangproof.spec.testing.SpecArbitraries;
import io.gangproof.spec.testing.SpecGenerator;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Every analysis bound is confronted with exhaustive search (semantics §10): on small random
 * specs, each response-time, inversion and overtake bound that an analysis derives becomes a
 * property, and the explorer, searching every behaviour up to a horizon of several periods,
 * must find none of them violated. A violation here is a soundness bug in the analysis.
 */
class AnalysisSoundnessTest {
    @Provide
    Arbitrary<SystemSpec> smallSpecs() {
        return SpecArbitraries.within(new SpecGenerator.Limits(3, 4, 2, 2, 8, 4, 1, 1, true));
    }

    @net.jqwik.api.Property(tries = 250)
    void noBehaviourExceedsAnAnalysisBound(@ForAll("smallSpecs") SystemSpec generated) {
        for (SystemSpec spec : schedulerVariants(generated)) {
            checkEveryAnalysis(spec);
        }
    }

    /** The spec under every policy and protocol that some analysis handles for its placement. */
    private static List<SystemSpec> schedulerVariants(SystemSpec s) {
        List<Scheduler> schedulers = new ArrayList<>();
        if (s.scheduler().placement() == Placement.GLOBAL) {
            schedulers.add(new Scheduler(Placement.GLOBAL, Policy.FP, Protocol.GANG_STRICT));
            schedulers.add(new Scheduler(Placement.GLOBAL, Policy.FP, Protocol.GANG_GREEDY));
        } else if (s.scheduler().placement() == Placement.PARTITIONED) {
            schedulers.add(new Scheduler(Placement.PARTITIONED, Policy.FP, s.scheduler().protocol()));
            schedulers.add(new Scheduler(Placement.PARTITIONED, Policy.EDF, s.scheduler().protocol()));
        }
        return schedulers.stream().map(x -> new SystemSpec(s.name(), s.resolution(), s.platform(), s.dnns(),
                s.tasks(), x, s.properties(), s.exploration())).toList();
    }

    private static void checkEveryAnalysis(SystemSpec spec) {
        for (ResponseTimeAnalysis analysis : io.gangproof.analysis.AnalysisCatalog.all()) {
            if (!analysis.appliesTo(spec)) {
                continue;
            }
            AnalysisResult result = analysis.analyze(spec);
            List<Property> bounded = new ArrayList<>();
            for (TaskBound b : result.tasks()) {
                b.responseBound().ifPresent(r -> bounded.add(new Property.Response(b.task(), new Bound.Value(r))));
                b.inversionBound().ifPresent(r -> bounded.add(new Property.Inversion(b.task(), new Bound.Value(r))));
                b.overtakesBound().ifPresent(r -> bounded.add(new Property.Overtakes(b.task(), new Bound.Value(r))));
            }
            Statistics.label("analysis").collect(analysis.name(), bounded.isEmpty() ? "no bound" : "bounds");
            if (bounded.isEmpty()) {
                continue;
            }
            SystemSpec withBounds = new SystemSpec(spec.name(), spec.resolution(), spec.platform(), spec.dnns(),
                    spec.tasks(), spec.scheduler(), bounded, Exploration.DEFAULTS);
            long horizon = horizon(spec);
            List<ExplorerResult> found = Explorer.check(withBounds, ExplorerOptions.DEFAULTS.withHorizon(horizon)
                    .withMaxStates(3_000_000).withTimeLimitMillis(20_000));
            for (ExplorerResult r : found) {
                Statistics.label("explorer").collect(r.verdict());
                assertThat(r.verdict()).as(() -> analysis.name() + " bound " + r.description() + " is exceeded: "
                        + (r instanceof ExplorerResult.Violated v ? v.counterexample().message() : "")
                        + "\nhorizon " + horizon + ", spec:\n" + SpecWriter.write(spec)).isNotEqualTo(Verdict.VIOLATED);
            }
        }
    }

    /** Three of the longest period plus the longest deadline: long enough for busy periods of several jobs. */
    private static long horizon(SystemSpec spec) {
        long t = spec.tasks().stream().mapToLong(Task::period).max().orElse(1);
        long d = spec.tasks().stream().mapToLong(Task::deadline).max().orElse(1);
        return 3 * t + d;
    }
}
