package io.gangproof.spec.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.grammar.GangLexer;
import io.gangproof.spec.parse.LoadResult;
import io.gangproof.spec.parse.SpecLoader;
import io.gangproof.spec.testing.Choices;
import io.gangproof.spec.testing.SpecArbitraries;
import io.gangproof.spec.testing.SpecTextMutator;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * SpecWriter, SpecFormatter and SpecLoader agree on random valid specs: writing then loading
 * gives the spec back, formatting is idempotent, and formatting changes no meaning, also for
 * text with comments, blank lines, extra spaces and separator commas added.
 */
class RoundTripPropertiesTest {
    private static final Path HERE = Path.of(".");

    static SystemSpec load(String text) {
        return SpecLoader.loadText("generated.gang", text, HERE).orThrow();
    }

    @Property(tries = 400)
    void loadingWhatTheWriterWroteGivesTheSpecBack(@ForAll("specs") SystemSpec s) {
        String text = SpecWriter.write(s);
        LoadResult r = SpecLoader.loadText("generated.gang", text, HERE);
        assertThat(r).as(() -> text + r.diagnostics()).isInstanceOf(LoadResult.Loaded.class);
        assertThat(((LoadResult.Loaded) r).spec()).as(text).isEqualTo(s);
        // A spec without properties is valid, with a warning; otherwise there is nothing to warn about.
        assertThat(r.diagnostics()).hasSize(s.properties().isEmpty() ? 1 : 0);
    }

    @Property(tries = 300)
    void smallSpecsRoundTripToo(@ForAll("smallSpecs") SystemSpec s) {
        assertThat(load(SpecWriter.write(s))).isEqualTo(s);
    }

    @Property(tries = 300)
    void writtenTextIsAlreadyFormatted(@ForAll("specs") SystemSpec s) {
        String text = SpecWriter.write(s);
        assertThat(SpecFormatter.formatText(text)).isEqualTo(text);
    }

    @Property(tries = 400)
    void formattingNoisyTextIsIdempotentAndKeepsTheMeaning(@ForAll("specs") SystemSpec s,
            @ForAll("noise") List<Integer> noise) {
        String text = SpecTextMutator.mutate(SpecWriter.write(s), Choices.from(noise));
        // The mutator only adds noise: the text still means s.
        assertThat(load(text)).as(text).isEqualTo(s);
        String formatted = SpecFormatter.formatText(text);
        assertThat(SpecFormatter.formatText(formatted)).as(text).isEqualTo(formatted);
        assertThat(load(formatted)).as(formatted).isEqualTo(load(text));
        assertCanonicalLayout(formatted);
    }

    /** One blank line at most, none after '{' or before '}', no trailing spaces, two-space indents. */
    static void assertCanonicalLayout(String text) {
        // Comment text is kept as written, so each comment becomes a placeholder first.
        String formatted = withoutCommentText(text);
        assertThat(formatted).endsWith("\n").doesNotEndWith("\n\n").doesNotContain("\n\n\n")
                .doesNotMatch("(?s).*[ \t]\n.*").doesNotMatch("(?s).*\\{\n\n.*").doesNotMatch("(?s).*\n\n *}.*").doesNotContain("\t");
        for (String line : formatted.split("\n")) {
            int indent = line.length() - line.stripLeading().length();
            assertThat(indent % 2).as(line).isZero();
        }
    }

    /** {@code text} with every comment replaced by {@code /*c*}{@code /} or {@code //c}. */
    static String withoutCommentText(String text) {
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (Token t : new GangLexer(CharStreams.fromString(text)).getAllTokens()) {
            if (t.getChannel() == Token.HIDDEN_CHANNEL) {
                out.append(text, copied, t.getStartIndex()).append(t.getText().startsWith("//") ? "//c" : "/*c*/");
                copied = t.getStopIndex() + 1;
            }
        }
        return out.append(text.substring(copied)).toString();
    }

    @Property(tries = 200)
    void formattingKeepsEveryComment(@ForAll("specs") SystemSpec s, @ForAll("noise") List<Integer> noise) {
        String text = SpecTextMutator.mutate(SpecWriter.write(s), Choices.from(noise));
        String formatted = SpecFormatter.formatText(text);
        assertThat(comments(formatted)).as(text).isEqualTo(comments(text));
    }

    /** The comments of {@code text}, in order, each stripped (the formatter re-indents them). */
    static List<String> comments(String text) {
        return new GangLexer(CharStreams.fromString(text)).getAllTokens().stream()
                .filter(t -> t.getChannel() == Token.HIDDEN_CHANNEL).map(t -> t.getText().strip()).toList();
    }

    @Provide
    Arbitrary<SystemSpec> specs() {
        return SpecArbitraries.specs();
    }

    @Provide
    Arbitrary<SystemSpec> smallSpecs() {
        return SpecArbitraries.smallFixedSpecs();
    }

    @Provide
    Arbitrary<List<Integer>> noise() {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE - 1).withDistribution(RandomDistribution.uniform())
                .list().ofMaxSize(3000).withSizeDistribution(RandomDistribution.uniform());
    }
}
