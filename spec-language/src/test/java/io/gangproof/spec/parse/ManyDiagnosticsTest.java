package io.gangproof.spec.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.spec.format.SpecWriter;
import io.gangproof.spec.testing.SpecGenerator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A large spec with an error in every task gets one diagnostic per task, each quoting its own
 * source line. (Both the resolver and the parser's error listener used to split the whole
 * text again for every diagnostic, which made 10,000 errors take 20-30 s; see SpecLoadBench.)
 */
class ManyDiagnosticsTest {
    private static final int TASKS = 2_000;
    private static final String TEXT = SpecWriter.write(SpecGenerator.large(TASKS, 3));

    @Test
    void everyResolverErrorQuotesItsOwnLine() {
        String broken = TEXT.replaceAll("deadline [^\\n]*", "deadline 0 ns");
        List<Diagnostic> ds = SpecLoader.loadText("big.gang", broken, Path.of(".")).diagnostics();
        assertThat(ds).hasSize(TASKS);
        assertQuoteTheirLines(ds, broken.lines().toList(), "deadline 0 ns");
        assertThat(ds).allSatisfy(d -> assertThat(d.message()).isEqualTo("the deadline must be positive"));
    }

    @Test
    void everySyntaxErrorQuotesItsOwnLine() {
        String broken = TEXT.replaceAll("priority (\\d+)", "priority $1 $1");
        List<Diagnostic> ds = SpecLoader.loadText("big.gang", broken, Path.of(".")).diagnostics();
        assertThat(ds).hasSize(TASKS);
        assertQuoteTheirLines(ds, broken.lines().toList(), "priority ");
        assertThat(ds).allSatisfy(d -> assertThat(d.message()).startsWith("unexpected number"));
    }

    private static void assertQuoteTheirLines(List<Diagnostic> ds, List<String> lines, String fragment) {
        int previous = 0;
        for (Diagnostic d : ds) {
            assertThat(d.line()).isGreaterThan(previous);
            assertThat(d.sourceLine()).isEqualTo(lines.get(d.line() - 1)).contains(fragment);
            previous = d.line();
        }
    }
}
