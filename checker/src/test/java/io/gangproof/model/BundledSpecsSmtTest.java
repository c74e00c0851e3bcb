package io.gangproof.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.smt.search.ViolationSearch;
import io.gangproof.spec.Bound;
import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * On every bundled case study the SMT back-end can encode over its horizon (at most 40 instants), the SMT
 * violation search and the explorer agree on every property with a numeric bound: these specs
 * were written to show the differences between protocols, so they exercise the encoding where
 * random specs rarely go. Properties the explorer leaves {@code UNKNOWN} are not compared.
 */
class BundledSpecsSmtTest {
    private static final long SMT_HORIZON = 40;

    @TestFactory
    Stream<DynamicTest> smtSearchAgreesWithTheExplorerOnTheCaseStudies() throws IOException {
        Path dir = BundledSpecs.path("starvation-greedy").getParent();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.toString().endsWith(".gang")).sorted().forEach(files::add);
        }
        List<DynamicTest> tests = new ArrayList<>();
        int encodable = 0;
        for (Path file : files) {
            SystemSpec spec = io.gangproof.spec.parse.SpecLoader.load(file).orThrow();
            // Z3's effort grows steeply with the horizon on sporadic specs (fifo-global-strict and
            // edf-global-greedy gave no answer in 60 s at their own 100 ms), so both engines are
            // compared at most over the first SMT_HORIZON instants.
            long horizon = Math.min(SMT_HORIZON, Horizons.resolve(spec, OptionalLong.empty()));
            if (ViolationSearch.unsupported(spec, horizon, ViolationSearch.Limits.DEFAULTS).isPresent()) {
                continue;
            }
            encodable++;
            tests.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> agree(spec, horizon)));
        }
        assertThat(encodable).as("case studies small enough for the SMT search").isGreaterThanOrEqualTo(6);
        return tests.stream();
    }

    private static void agree(SystemSpec spec, long horizon) {
        List<ExplorerResult> explored = Explorer.check(spec, ExplorerOptions.DEFAULTS.withHorizon(horizon));
        try (ViolationSearch.Session session = new ViolationSearch.Session(spec, horizon,
                ViolationSearch.Limits.DEFAULTS)) {
            for (int i = 0; i < spec.properties().size(); i++) {
                Property p = spec.properties().get(i);
                if (p.declaredBound().isPresent() && !(p.declaredBound().get() instanceof Bound.Value)) {
                    continue;
                }
                Verdict expected = explored.get(i).verdict();
                if (expected == Verdict.UNKNOWN) {
                    continue;
                }
                long bound = p.declaredBound().map(b -> ((Bound.Value) b).value()).orElse(0L);
                ViolationSearch.Outcome o = session.search(p, bound);
                assertThat(o).as(p + " in " + spec.name() + ": the explorer says " + expected)
                        .isInstanceOf(expected == Verdict.VIOLATED ? ViolationSearch.Violated.class
                                : ViolationSearch.HoldsUpTo.class);
            }
        }
    }
}
