package io.gangproof.spec.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.spec.Arrival;
import io.gangproof.spec.Binding;
import io.gangproof.spec.Bound;
import io.gangproof.spec.Dnn;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Property;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The generators produce well-formed specs, within their limits, and cover every construct. */
class SpecGeneratorTest {

    @net.jqwik.api.Property(tries = 300)
    void fullSpecsAreWellFormed(@ForAll("full") SystemSpec s) {
        assertThat(SpecInvariants.violations(s)).isEmpty();
    }

    @net.jqwik.api.Property(tries = 300)
    void smallSpecsAreWellFormedAndSmall(@ForAll("small") SystemSpec s) {
        assertThat(SpecInvariants.violations(s)).isEmpty();
        assertSmall(s);
    }

    @net.jqwik.api.Property(tries = 300)
    void smallFixedSpecsLeaveNothingToSynthesis(@ForAll("smallFixed") SystemSpec s) {
        assertThat(SpecInvariants.violations(s)).isEmpty();
        assertSmall(s);
        for (Task t : s.tasks()) {
            assertThat(t.levelFixed()).as(t.name()).isTrue();
            assertThat(t.binding()).isNotInstanceOf(Binding.ChoosePipeline.class);
        }
    }

    private static void assertSmall(SystemSpec s) {
        assertThat(s.tasks()).hasSizeBetween(1, 3);
        assertThat(s.platform().tpus()).isBetween(1, 4);
        for (Task t : s.tasks()) {
            assertThat(t.period()).isBetween(1L, 12L);
            assertThat(t.dnn().reload()).isBetween(0L, 2L);
            for (int k : t.levels()) {
                assertThat(t.dnn().wcet(k)).isBetween(1L, 6L);
            }
        }
    }

    @Provide
    Arbitrary<SystemSpec> full() {
        return SpecArbitraries.specs();
    }

    @Provide
    Arbitrary<SystemSpec> small() {
        return SpecArbitraries.smallSpecs();
    }

    @Provide
    Arbitrary<SystemSpec> smallFixed() {
        return SpecArbitraries.smallFixedSpecs();
    }

    @Test
    void largeSpecHasTheRequestedTasksAndIsReproducible() {
        SystemSpec a = SpecGenerator.large(500, 7);
        assertThat(a.tasks()).hasSize(500);
        assertThat(SpecInvariants.violations(a)).isEmpty();
        assertThat(SpecGenerator.large(500, 7)).isEqualTo(a);
        assertThat(SpecGenerator.large(500, 8)).isNotEqualTo(a);
    }

    @Test
    void emptyChoicesGiveTheSimplestSpec() {
        SystemSpec s = SpecGenerator.generate(Choices.from(List.of()), SpecGenerator.Limits.FULL);
        assertThat(SpecInvariants.violations(s)).isEmpty();
        assertThat(s.tasks()).hasSize(1);
        assertThat(s.platform().tpus()).isEqualTo(1);
        assertThat(s.resolution().nanosPerTick()).isEqualTo(1_000L);
        assertThat(s.properties()).isEmpty();
    }

    /** Over a few thousand specs from a fixed seed, every construct of the language occurs. */
    @Test
    void everyConstructOccurs() {
        Set<String> seen = new HashSet<>();
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 3000; i++) {
            SystemSpec s = SpecGenerator.generate(Choices.from(random), SpecGenerator.Limits.FULL);
            assertThat(SpecInvariants.violations(s)).isEmpty();
            record(s, seen);
        }
        List<String> expected = new ArrayList<>(List.of("resolution 1 ns", "resolution 1 ms", "resolution other",
                "tpus 1", "tpus 8", "cache default", "cache other", "pipelines", "overlapping pipelines",
                "exact latency", "range latency", "reload", "size", "no size", "dynamic", "several exits",
                "level beyond platform", "periodic offset", "periodic any offset", "sporadic", "offset >= period",
                "deadline < period", "deadline = period", "jitter", "sparse priorities", "fixed level",
                "allowed levels", "AnyTpus", "OnPipeline", "ChoosePipeline", "Pinned", "deadlines",
                "deadlines(task)", "response value", "response bound", "inversion value", "inversion bound",
                "overtakes value", "overtakes bound", "deadlock-free", "horizon", "states", "time", "memory",
                "shared name"));
        for (Placement p : Placement.values()) {
            expected.add(p.keyword());
        }
        for (Policy p : Policy.values()) {
            expected.add(p.keyword());
        }
        for (Protocol p : Protocol.values()) {
            expected.add(p.keyword());
            if (p.perTpu()) {
                expected.add(p.keyword() + " partitioned");
                expected.add(p.keyword() + " pinned");
            }
        }
        assertThat(seen).containsAll(expected);
    }

    private static void record(SystemSpec s, Set<String> seen) {
        long ns = s.resolution().nanosPerTick();
        seen.add(ns == 1 ? "resolution 1 ns" : ns == 1_000_000 ? "resolution 1 ms" : "resolution other");
        seen.add("tpus " + s.platform().tpus());
        seen.add(s.platform().cacheBytes() == 8L << 20 ? "cache default" : "cache other");
        if (!s.platform().pipelines().isEmpty()) {
            seen.add("pipelines");
        }
        Set<Integer> inPipes = new HashSet<>();
        s.platform().pipelines().forEach(p -> p.tpus().forEach(t -> {
            if (!inPipes.add(t)) {
                seen.add("overlapping pipelines");
            }
        }));
        for (Dnn d : s.dnns()) {
            d.exits().forEach(e -> e.table().values().forEach(l -> seen.add(l.isExact() ? "exact latency"
                    : "range latency")));
            seen.add(d.reload() > 0 ? "reload" : "no reload");
            seen.add(d.sizeBytes() > 0 ? "size" : "no size");
            if (d.dynamic()) {
                seen.add("dynamic");
            }
            if (d.exits().size() > 1) {
                seen.add("several exits");
            }
            if (d.levels().last() > s.platform().tpus()) {
                seen.add("level beyond platform");
            }
            if (s.tasks().stream().anyMatch(t -> t.name().equals(d.name()))) {
                seen.add("shared name");
            }
        }
        for (Task t : s.tasks()) {
            Arrival a = t.arrival();
            if (a instanceof Arrival.Periodic p) {
                seen.add("periodic offset");
                if (p.offset() >= p.period()) {
                    seen.add("offset >= period");
                }
            } else {
                seen.add(a instanceof Arrival.Sporadic ? "sporadic" : "periodic any offset");
            }
            seen.add(t.deadline() < t.period() ? "deadline < period" : "deadline = period");
            if (t.jitter() > 0) {
                seen.add("jitter");
            }
            if (t.priority() > s.tasks().size()) {
                seen.add("sparse priorities");
            }
            seen.add(t.levelFixed() ? "fixed level" : "allowed levels");
            seen.add(t.binding().getClass().getSimpleName());
        }
        seen.add(s.scheduler().placement().keyword());
        seen.add(s.scheduler().policy().keyword());
        seen.add(s.scheduler().protocol().keyword());
        seen.add(s.scheduler().protocol().keyword() + " " + s.scheduler().placement().keyword());
        for (Property p : s.properties()) {
            if (p instanceof Property.Deadlines d) {
                seen.add(d.task().isPresent() ? "deadlines(task)" : "deadlines");
            } else if (p instanceof Property.DeadlockFree) {
                seen.add("deadlock-free");
            } else {
                Bound b = p instanceof Property.Response r ? r.bound()
                        : p instanceof Property.Inversion v ? v.bound() : ((Property.Overtakes) p).bound();
                seen.add(p.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + " "
                        + (b instanceof Bound.FromAnalysis ? "bound" : "value"));
            }
        }
        s.exploration().horizon().ifPresent(x -> seen.add("horizon"));
        s.exploration().maxStates().ifPresent(x -> seen.add("states"));
        s.exploration().timeLimitMillis().ifPresent(x -> seen.add("time"));
        s.exploration().memoryBytes().ifPresent(x -> seen.add("memory"));
    }
}
