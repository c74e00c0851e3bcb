package io.gangproof.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What diagnostics print (issue #15, items 10 and 15): the right line for every kind of line end,
 * no raw control, separator or bidi character, bounded output for many errors on one long line,
 * and at most 100 diagnostics per file.
 */
class DiagnosticsCliTest {
    @TempDir
    Path tmp;

    private CliRun check(String name, String text) throws IOException {
        return CliRun.of("check", Files.writeString(tmp.resolve(name), text).toString());
    }

    @Test
    void aLoneCarriageReturnEndsALine() throws IOException {
        for (String eol : new String[] {"\n", "\r\n", "\r"}) {
            CliRun r = check("eol.gang", String.join(eol, "// comment", "", "system x {", "  bogus 1", "}", ""));
            assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_SPEC);
            assertThat(r.err()).as("line end %s", eol.replace("\r", "CR").replace("\n", "LF"))
                    .contains("eol.gang:4:3: error: unexpected word 'bogus'", "\n    bogus 1\n");
        }
    }

    @Test
    void controlSeparatorAndBidiCharactersAreEscaped() throws IOException {
        CliRun r = check("bidi.gang", "system x {\n  \u202E\u2028\u0085bogus 1\n}\n");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_SPEC);
        assertThat(r.err()).contains("\\u202E").doesNotContain("\u202E", "\u2028", "\u0085");
    }

    @Test
    void manyErrorsOnOneLongLinePrintABoundedAmount() throws IOException {
        String dnns = IntStream.range(0, 5_000).mapToObj(i -> "dnn d" + i + " { size 1 XB latency { 1: 1 ms } }")
                .collect(Collectors.joining(" "));
        CliRun r = check("long.gang", "system x { platform { tpus 1 } " + dnns + " }\n");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_SPEC);
        assertThat(r.err().length()).as("bytes printed for a %d-byte line", dnns.length()).isLessThan(100_000);
        assertThat(r.err()).contains("long.gang: and 4902 more diagnostics (the first 100 are shown)",
                "5002 errors in ");
        assertThat(r.err().lines().filter(l -> l.contains(": error: ")).count()).isEqualTo(100);
    }
}
