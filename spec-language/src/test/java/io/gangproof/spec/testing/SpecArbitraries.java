package io.gangproof.spec.testing;

import io.gangproof.spec.Exploration;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Property;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.Scheduler;
import io.gangproof.spec.SystemSpec;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomDistribution;

/**
 * jqwik arbitraries of random valid specs. A spec is built by {@link SpecGenerator} from a
 * list of random choices; jqwik shrinks that list (shorter, values towards 0), which shrinks
 * the spec towards fewer tasks, smaller numbers and the first alternative of every choice.
 *
 * <pre>{@code
 * @Property
 * void neverCrashes(@ForAll("specs") SystemSpec s) { ... }
 *
 * @Provide
 * Arbitrary<SystemSpec> specs() { return SpecArbitraries.smallSpecs(); }
 * }</pre>
 */
public final class SpecArbitraries {
    private SpecArbitraries() {
    }

    /** Specs using every construct of the language (up to 8 tasks, 8 TPUs, 10^9-tick periods). */
    public static Arbitrary<SystemSpec> specs() {
        return within(SpecGenerator.Limits.FULL);
    }

    /**
     * Small specs for exhaustive engines: at most 3 tasks on at most 4 TPUs, periods up to 12
     * ticks, latencies up to 6, reloads up to 2. Tasks may still leave levels or pipelines to
     * synthesis; see {@link #smallFixedSpecs()}.
     */
    public static Arbitrary<SystemSpec> smallSpecs() {
        return within(SpecGenerator.Limits.SMALL);
    }

    /** Like {@link #smallSpecs()}, but every task has a fixed level and a concrete binding. */
    public static Arbitrary<SystemSpec> smallFixedSpecs() {
        return within(SpecGenerator.Limits.SMALL.withFixedLevelsOnly());
    }

    /** Specs within {@code limits}. */
    public static Arbitrary<SystemSpec> within(SpecGenerator.Limits limits) {
        return choices().map(list -> SpecGenerator.generate(Choices.from(list), limits));
    }

    /** The raw choice lists the specs are built from. */
    static Arbitrary<List<Integer>> choices() {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE - 1)
                .withDistribution(RandomDistribution.uniform())
                .list().ofMinSize(0).ofMaxSize(1500)
                .withSizeDistribution(RandomDistribution.uniform());
    }

    /**
     * {@code generated} under {@code policy} and {@code protocol} on its own placement, with
     * {@code properties} and the default exploration settings; a per-TPU protocol, which global
     * placement does not allow, becomes gang-greedy there. For properties that draw a policy and a
     * protocol beside the spec.
     */
    public static SystemSpec rescheduled(SystemSpec generated, Policy policy, Protocol protocol,
            List<Property> properties) {
        Protocol allowed = protocol.perTpu() && generated.scheduler().placement() == Placement.GLOBAL
                ? Protocol.GANG_GREEDY : protocol;
        return new SystemSpec(generated.name(), generated.resolution(), generated.platform(), generated.dnns(),
                generated.tasks(), new Scheduler(generated.scheduler().placement(), policy, allowed), properties,
                Exploration.DEFAULTS);
    }
}
