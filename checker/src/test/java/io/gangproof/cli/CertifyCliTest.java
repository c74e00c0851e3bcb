package io.gangproof.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} saves the symbolic engine's closed zone graph and names it with {@code --verbose};
 * {@code certify} accepts it (exit 0) and rejects an edited one (exit 1), without a stack trace.
 */
class CertifyCliTest {
    private static final String SPEC = BundledExamplesCliTest.SPECS.resolve("deadlock-free-ascending.gang").toString();

    @TempDir
    Path dir;

    private Path certificate() {
        CliRun r = CliRun.of("check", "--engine", "symbolic", "--verbose", "--out", dir.toString(), SPEC);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        Path file = dir.resolve("certificates/deadlock_free_ascending.zone-graph");
        assertThat(r.out()).contains(file.toString(), "re-checked by the independent checker");
        assertThat(file).exists();
        return file;
    }

    @Test
    void theCertificateCheckWritesIsAccepted() {
        CliRun r = CliRun.of("certify", SPEC, certificate().toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).startsWith("accepted: 17 states").contains("  PROVED  deadlock-free", "  PROVED  deadlines",
                "every instant of 20 random scenarios of the reference scheduler up to 20 ms is simulated by a stored state");
    }

    @Test
    void anEditedCertificateIsRejected() throws IOException {
        Path file = certificate();
        String text = Files.readString(file);
        int succ = text.lastIndexOf("\nsucc ");
        Files.writeString(file, text.substring(0, succ) + text.substring(text.indexOf('\n', succ + 1)));
        CliRun r = CliRun.of("certify", SPEC, file.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.VIOLATED);
        assertThat(r.err()).contains("rejected: state").contains("is missing").doesNotContain("\tat ", "Exception");
    }

    @Test
    void aNegativeNumberOfRunsIsABadCommandLine() {
        CliRun r = CliRun.of("certify", "--runs", "-1", SPEC, certificate().toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void anUnreadableCertificateIsAnInputError() {
        CliRun r = CliRun.of("certify", SPEC, dir.resolve("none.zone-graph").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_SPEC);
        assertThat(r.err()).contains("not a readable certificate").doesNotContain("\tat ");
    }
}
