package io.gangproof.spec.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How one diagnostic prints: escaped characters keep the caret under its column; long lines are cut. */
class DiagnosticRenderingTest {
    private static Diagnostic at(String line, int column, int length) {
        return new Diagnostic(Diagnostic.Severity.ERROR, "f.gang", 1, column, length, "bad \u202E here", line,
                Optional.empty());
    }

    @Test
    void theCaretStaysUnderItsColumnAfterEscapes() {
        String[] lines = at("\u2028\u0085x = bogus", 7, 5).render().split("\n");
        assertThat(lines[0]).isEqualTo("f.gang:1:7: error: bad \\u202E here");
        assertThat(lines[1]).isEqualTo("  \\u2028\\u0085x = bogus");
        assertThat(lines[2].indexOf('^')).isEqualTo(lines[1].indexOf("bogus"));
        assertThat(lines[2].trim()).isEqualTo("^~~~~");
    }

    @Test
    void aLongLineIsShownAroundTheCaret() {
        String line = "a".repeat(100_000) + "bogus" + "b".repeat(100_000);
        String[] lines = at(line, 100_001, 5).render().split("\n");
        assertThat(lines[1]).startsWith("  ...").endsWith("...").hasSizeLessThan(Diagnostic.MAX_SHOWN + 10);
        assertThat(lines[2].indexOf('^')).isEqualTo(lines[1].indexOf("bogus"));
    }

    @Test
    void atMostAHundredDiagnosticsPerFileArePrinted() {
        List<Diagnostic> many = java.util.stream.IntStream.range(0, 250).mapToObj(i -> at("x", 1, 1)).toList();
        String out = DiagnosticReport.render(many);
        assertThat(out.lines().filter(l -> l.contains(": error: ")).count()).isEqualTo(100);
        assertThat(out).endsWith("f.gang: and 150 more diagnostics (the first 100 are shown)\n");
    }
}
