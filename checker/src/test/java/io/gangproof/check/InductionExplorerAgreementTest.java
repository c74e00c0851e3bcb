package io.gangproof.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.model.Explorer;
import io.gangproof.model.ExplorerOptions;
import io.gangproof.model.ExplorerResult;
import io.gangproof.smt.induction.InductionOutcome;
import io.gangproof.smt.induction.KInduction;
import io.gangproof.spec.Bound;
import io.gangproof.spec.Exploration;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Property;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.Scheduler;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import io.gangproof.spec.Verdict;
import io.gangproof.spec.format.SpecWriter;
import io.gangproof.spec.testing.SpecArbitraries;
import io.gangproof.spec.testing.SpecGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Differential: on random tiny specs under a random policy and protocol, every property the
 * induction proves ({@code deadlock-free}, {@code overtakes(i) <= 0} of every task) is never
 * violated by the explorer within a small horizon. A PROVED the explorer refutes would be a
 * wrong proof, the worst bug.
 */
class InductionExplorerAgreementTest {

    @Provide
    Arbitrary<SystemSpec> tinySpecs() {
        return SpecArbitraries.within(new SpecGenerator.Limits(3, 3, 2, 2, 6, 3, 1, 1, true));
    }

    @net.jqwik.api.Property(tries = 10)
    void whatTheInductionProvesTheExplorerNeverViolates(@ForAll("tinySpecs") SystemSpec generated,
            @ForAll Policy policy, @ForAll Protocol protocol) {
        Protocol p = protocol.perTpu() && generated.scheduler().placement() == Placement.GLOBAL
                ? generated.scheduler().protocol() : protocol;
        List<Property> properties = new ArrayList<>();
        properties.add(new Property.DeadlockFree());
        for (Task t : generated.tasks()) {
            properties.add(new Property.Overtakes(t.name(), new Bound.Value(0)));
        }
        SystemSpec spec = new SystemSpec(generated.name(), generated.resolution(), generated.platform(),
                generated.dnns(), generated.tasks(), new Scheduler(generated.scheduler().placement(), policy, p),
                properties, Exploration.DEFAULTS);
        List<Property> proved = new ArrayList<>();
        for (Property q : properties) {
            InductionOutcome o = KInduction.prove(spec, q, Optional.empty(), KInduction.DEFAULT_TIMEOUT);
            Statistics.label("induction").collect(q.getClass().getSimpleName() + " " + o.getClass().getSimpleName());
            if (o instanceof InductionOutcome.Proved) {
                proved.add(q);
            }
        }
        if (proved.isEmpty()) {
            return;
        }
        List<ExplorerResult> results = Explorer.check(spec, proved, ExplorerOptions.DEFAULTS.withHorizon(10)
                .withMaxStates(200_000).withTimeLimitMillis(1_000));
        for (int i = 0; i < proved.size(); i++) {
            Statistics.label("explorer on proved").collect(results.get(i).verdict());
            assertThat(results.get(i).verdict()).as("%s proved by induction, spec:%n%s", proved.get(i),
                    SpecWriter.write(spec)).isNotEqualTo(Verdict.VIOLATED);
        }
    }
}
