package io.gangproof.spec.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.format.SpecFormatter;
import io.gangproof.spec.testing.Choices;
import io.gangproof.spec.testing.SpecArbitraries;
import io.gangproof.spec.testing.VariantWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Every way of writing a spec means the same spec: random units, decimals, underscores,
 * defaults left out or spelled out, attributes in any order, {@code tpus} as a number, range
 * or set, DNNs at the top level or in (nested) imported files. Loading such a text, or its
 * formatted form, gives back the spec.
 */
class EquivalentTextsTest {
    private static final Path ROOT;
    private static final AtomicInteger TRY = new AtomicInteger();

    static {
        try {
            ROOT = Files.createTempDirectory("gangproof-variants");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterContainer
    static void cleanUp() throws IOException {
        try (Stream<Path> s = Files.walk(ROOT)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Property(tries = 400)
    void everyVariantLoadsToTheSpec(@ForAll("specs") SystemSpec s, @ForAll("choices") List<Integer> choices)
            throws IOException {
        VariantWriter.Variant v = VariantWriter.write(s, Choices.from(choices));
        Path main = save(v);
        LoadResult r = SpecLoader.load(main);
        assertThat(r).as(() -> v + render(r)).isInstanceOf(LoadResult.Loaded.class);
        assertThat(r.orThrow()).as(v::toString).isEqualTo(s);
    }

    @Property(tries = 200)
    void formattingAVariantKeepsItsMeaning(@ForAll("specs") SystemSpec s, @ForAll("choices") List<Integer> choices)
            throws IOException {
        VariantWriter.Variant v = VariantWriter.write(s, Choices.from(choices));
        Path main = save(v);
        String formatted = SpecFormatter.formatText(v.main());
        assertThat(SpecFormatter.formatText(formatted)).as(v.main()).isEqualTo(formatted);
        assertThat(SpecLoader.loadText("f.gang", formatted, main.getParent()).orThrow()).as(formatted).isEqualTo(s);
    }

    @Property(tries = 200)
    void smallSpecVariantsLoadToo(@ForAll("smallSpecs") SystemSpec s, @ForAll("choices") List<Integer> choices)
            throws IOException {
        VariantWriter.Variant v = VariantWriter.write(s, Choices.from(choices));
        assertThat(SpecLoader.load(save(v)).orThrow()).as(v::toString).isEqualTo(s);
    }

    private static Path save(VariantWriter.Variant v) throws IOException {
        Path dir = Files.createDirectories(ROOT.resolve("try" + TRY.incrementAndGet()));
        for (Map.Entry<String, String> f : v.imports().entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
        Path main = dir.resolve("main.gang");
        Files.writeString(main, v.main());
        return main;
    }

    private static String render(LoadResult r) {
        StringBuilder s = new StringBuilder("\n");
        r.diagnostics().forEach(d -> s.append(d.render()));
        return s.toString();
    }

    @Provide
    Arbitrary<SystemSpec> specs() {
        return SpecArbitraries.specs();
    }

    @Provide
    Arbitrary<SystemSpec> smallSpecs() {
        return SpecArbitraries.smallSpecs();
    }

    @Provide
    Arbitrary<List<Integer>> choices() {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE - 1).withDistribution(RandomDistribution.uniform())
                .list().ofMaxSize(2000).withSizeDistribution(RandomDistribution.uniform());
    }
}
