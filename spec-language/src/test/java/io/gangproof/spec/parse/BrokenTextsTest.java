package io.gangproof.spec.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.format.SpecFormatter;
import io.gangproof.spec.format.SpecWriter;
import io.gangproof.spec.grammar.GangLexer;
import io.gangproof.spec.testing.SpecArbitraries;
import io.gangproof.spec.testing.SpecInvariants;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * Specs broken by a few random token edits never make the loader or the formatter throw:
 * the loader answers with located errors, or with a spec that keeps every invariant; the
 * formatter changes neither the outcome nor the messages.
 */
class BrokenTextsTest {
    private static final String[] WORDS = {"system", "resolution", "import", "platform", "tpus", "cache", "each",
        "pipeline", "dnn", "size", "reload", "latency", "exit", "task", "runs", "periodic", "offset", "sporadic",
        "deadline", "jitter", "priority", "any", "pinned", "scheduler", "with", "verify", "deadlines",
        "deadlock-free", "horizon", "limit", "bound", "{", "}", "[", "]", "(", ")", ",", ":", "..", "=", "<=", "0",
        "1", "2", "64", "65", "1.5", "99999999999999999999", "ms", "us", "ns", "s", "B", "MiB", "x", "t0", "net0",
        "\"missing.gang\"", "global", "partitioned", "fp", "edf", "gang-greedy", "per-tpu-listed", "response",
        "inversion", "overtakes", "states", "time", "memory", "-", "@", "my-task"};

    /** An edit: at a relative position, 0 deletes, 1 inserts, 2 replaces with a word. */
    record Edit(double at, int kind, int word) {
    }

    @Property(tries = 400)
    void loadingAndFormattingBrokenTextNeverThrows(@ForAll("specs") SystemSpec s, @ForAll("edits") List<Edit> edits) {
        String text = SpecWriter.write(s);
        List<String> tokens = new ArrayList<>();
        for (Token t : new GangLexer(CharStreams.fromString(text)).getAllTokens()) {
            tokens.add(t.getText());
        }
        for (Edit e : edits) {
            int i = (int) (e.at() * tokens.size());
            String w = WORDS[e.word() % WORDS.length];
            if (e.kind() == 0 && tokens.size() > 1) {
                tokens.remove(i);
            } else if (e.kind() == 1) {
                tokens.add(i, w);
            } else {
                tokens.set(i, w);
            }
        }
        String broken = String.join(" ", tokens);
        Path nowhere = Path.of("target", "no-such-folder");
        LoadResult r = SpecLoader.loadText("broken.gang", broken, nowhere);
        for (Diagnostic d : r.diagnostics()) {
            assertThat(d.line()).isEqualTo(1);
            assertThat(d.column()).isBetween(1, broken.length() + 1);
            assertThat(d.render()).contains(d.message());
        }
        if (r instanceof LoadResult.Loaded l) {
            assertThat(SpecInvariants.violations(l.spec())).as(broken).isEmpty();
            assertThat(SpecLoader.loadText("w.gang", SpecWriter.write(l.spec()), nowhere).orThrow())
                    .isEqualTo(l.spec());
        } else {
            assertThat(r.diagnostics()).as(broken).anyMatch(Diagnostic::isError);
        }
        SpecFormatter.Result f = SpecFormatter.format(new SourceFile("broken.gang", Optional.empty(), nowhere,
                broken));
        if (f instanceof SpecFormatter.Result.Formatted formatted) {
            String text2 = formatted.text();
            assertThat(SpecFormatter.formatText(text2)).isEqualTo(text2);
            LoadResult r2 = SpecLoader.loadText("broken.gang", text2, nowhere);
            assertThat(r2.getClass()).as(broken).isEqualTo(r.getClass());
            // Messages may cite line numbers, which formatting changes.
            assertThat(messages(r2)).as(broken).isEqualTo(messages(r));
            if (r instanceof LoadResult.Loaded l) {
                assertThat(r2.orThrow()).isEqualTo(l.spec());
            }
        } else {
            assertThat(r).isInstanceOf(LoadResult.Invalid.class);
        }
    }

    private static List<String> messages(LoadResult r) {
        return r.diagnostics().stream().map(d -> d.message().replaceAll("line \\d+", "line N")).sorted().toList();
    }

    @Provide
    Arbitrary<SystemSpec> specs() {
        return Arbitraries.oneOf(SpecArbitraries.specs(), SpecArbitraries.smallSpecs());
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        Arbitrary<Edit> edit = Combinators.combine(Arbitraries.doubles().between(0, 1).ofScale(4).filter(d -> d < 1),
                Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 1000)).as(Edit::new);
        return edit.list().ofMinSize(1).ofMaxSize(3);
    }
}
