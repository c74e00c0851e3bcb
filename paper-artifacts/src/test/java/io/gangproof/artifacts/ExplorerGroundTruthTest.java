package io.gangproof.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.model.ExplorerResult;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.format.SpecWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The explorer as ground truth on the small-set experiment: no analysis may accept a set on
 * which the explorer finds a deadline miss under the same scheduler (that would be a soundness
 * bug). Sets where the partitioned heuristic succeeds are explored under the partition it chose.
 */
class ExplorerGroundTruthTest {
    private static Experiment experiment;
    private static List<Runner.SetRecord> records;

    @BeforeAll
    static void runTheSmallSetExperiment() {
        Experiment full = Experiment.load(TestExperiments.file("explorer-small"));
        // every point, one set each: more than the smoke size, still a few seconds
        experiment = full.resized(full.points(), 1, "test");
        records = new Runner(experiment).run(Shard.ALL, 2, () -> { });
    }

    @Test
    void noGlobalAnalysisAcceptsASetTheExplorerFindsViolated() {
        assertThat(Soundness.conflicts(experiment, records)).isEmpty();
    }

    @Test
    void theComparisonIsNotVacuous() {
        List<String> methods = experiment.effectiveMethods();
        int strict = methods.indexOf("global-strict");
        int truth = methods.indexOf("explorer-global-strict");
        // The explorer decides (no UNKNOWN) on most sets, accepts some and rejects some.
        long decided = records.stream().filter(r -> r.outcomes().get(truth) != Outcome.UNKNOWN).count();
        assertThat(decided).isGreaterThanOrEqualTo(records.size() * 3 / 4);
        assertThat(records).anyMatch(r -> r.outcomes().get(truth) == Outcome.ACCEPTED);
        assertThat(records).anyMatch(r -> r.outcomes().get(truth) == Outcome.REJECTED);
        assertThat(records).anyMatch(r -> r.outcomes().get(strict) == Outcome.ACCEPTED);
    }

    @Test
    void aConflictIsReportedWhenAnAnalysisAcceptsAViolatedSet() {
        // The check itself can fail: plant an analysis that accepts everything.
        List<String> methods = experiment.effectiveMethods();
        int greedy = methods.indexOf("global-greedy");
        int truth = methods.indexOf("explorer-global-greedy");
        List<Runner.SetRecord> planted = new ArrayList<>();
        for (Runner.SetRecord r : records) {
            List<Outcome> o = new ArrayList<>(r.outcomes());
            o.set(greedy, Outcome.ACCEPTED);
            planted.add(new Runner.SetRecord(r.point(), r.sample(), r.bin(), r.set(), o));
        }
        long violated = records.stream().filter(r -> r.outcomes().get(truth) == Outcome.REJECTED).count();
        assertThat(violated).isPositive();
        assertThat(Soundness.conflicts(experiment, planted)).hasSize((int) violated)
                .allMatch(m -> m.startsWith("global-greedy accepts"));
    }

    @Test
    void thePartitionsTheHeuristicChoosesMeetEveryDeadlineInTheExplorer() {
        int part = experiment.effectiveMethods().indexOf("partitioned-heuristic");
        int explored = 0;
        for (Runner.SetRecord r : records) {
            if (r.outcomes().get(part) != Outcome.ACCEPTED) {
                continue;
            }
            SystemSpec assigned = PartitionedHeuristicMethod.assign(r.set().spec()).orElseThrow();
            Optional<ExplorerResult> result = ExplorerMethod.explore(assigned, experiment.explorer());
            if (result.isEmpty()) {
                continue;
            }
            explored++;
            assertThat(ExplorerMethod.outcome(result)).as(() -> "partition accepted but a deadline is missed:\n"
                    + SpecWriter.write(assigned)).isNotEqualTo(Outcome.REJECTED);
        }
        assertThat(explored).isPositive();
    }
}
