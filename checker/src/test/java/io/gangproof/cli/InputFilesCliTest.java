package io.gangproof.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spec inputs that are not spec files (issue #15, items 1, 2, 3, 14): each ends in a diagnostic
 * and exit 65, in bounded time, with no Java exception name and no stack trace.
 */
class InputFilesCliTest {
    static final String VALID = """
            system tiny {
              resolution 1 ms
              platform { tpus 1 }
              dnn d { latency { 1: 1 ms } }
              task t { runs d  periodic 10 ms  priority 1  tpus 1 }
              scheduler global fp with gang-strict
              verify { deadlines }
            }
            """;

    @TempDir
    Path tmp;

    static CliRun quickly(String... args) {
        return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliRun.of(args));
    }

    static void assertDiagnosed(CliRun r, String... words) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.INVALID_SPEC);
        assertThat(r.err()).contains(words).doesNotContain("Exception", "\tat ", "internal error");
    }

    private Path fifo(String name) throws Exception {
        Path p = tmp.resolve(name);
        Process mk = new ProcessBuilder("mkfifo", p.toString()).start();
        assertThat(mk.waitFor()).isZero();
        return p;
    }

    @Test
    void aFifoAsSpecImportOrBaselineNeverBlocks() throws Exception {
        Path fifo = fifo("pipe.gang");
        assertDiagnosed(quickly("check", fifo.toString()), "is not a regular file");
        Path importer = tmp.resolve("imports.gang");
        Files.writeString(importer, "import \"pipe.gang\"\n" + VALID);
        assertDiagnosed(quickly("check", importer.toString()), "cannot import \"pipe.gang\"", "not a regular file");
        Path spec = Files.writeString(tmp.resolve("tiny.gang"), VALID);
        CliRun compare = quickly("check", spec.toString(), "--out", tmp.resolve("out").toString(), "--compare",
                fifo.toString());
        assertDiagnosed(compare, "cannot compare", "not a regular file");
    }

    @Test
    void devicesAndDirectoriesAreNotSpecs() throws IOException {
        assertDiagnosed(quickly("check", "/dev/zero"), "/dev/zero", "is not a regular file");
        Path importer = Files.writeString(tmp.resolve("zero.gang"), "import \"/dev/zero\"\n" + VALID);
        assertDiagnosed(quickly("check", importer.toString()), "cannot import \"/dev/zero\"");
        // A folder is a folder of specs (check DIR): its zero.gang is diagnosed the same way.
        assertDiagnosed(quickly("check", tmp.toString()), "cannot import \"/dev/zero\"");
    }

    @Test
    void aSpecOverTheSizeLimitIsRefusedUnread() throws IOException {
        Path big = tmp.resolve("big.gang");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(3L << 30);
        }
        assertDiagnosed(quickly("check", big.toString()), "is too large", "at most 16777216");
        Path importer = Files.writeString(tmp.resolve("imports-big.gang"), "import \"big.gang\"\n" + VALID);
        assertDiagnosed(quickly("check", importer.toString()), "cannot import \"big.gang\": is too large");
    }

    @Test
    void symbolicLinkLoopsAndDanglingLinksAreNamedAsSuch() throws IOException {
        Path a = tmp.resolve("a.gang");
        Path b = tmp.resolve("b.gang");
        Files.createSymbolicLink(a, b);
        Files.createSymbolicLink(b, a);
        assertDiagnosed(quickly("check", a.toString()), "symbolic link loop");
        Path dangling = Files.createSymbolicLink(tmp.resolve("gone.gang"), tmp.resolve("nothing-here.gang"));
        assertDiagnosed(quickly("check", dangling.toString()), "symbolic link to a file that does not exist");
    }

    @Test
    void nonUtf8InputIsDiagnosedInWords() throws IOException {
        Path bad = tmp.resolve("latin1.gang");
        Files.write(bad, "system caf\u00e9 {}".getBytes(StandardCharsets.ISO_8859_1));
        CliRun r = quickly("check", bad.toString());
        assertDiagnosed(r, "is not UTF-8 text");
        assertThat(r.err()).doesNotContain("MalformedInput");
    }

    @Test
    void importPathsWithANulOrControlCharacterAreDiagnosed() throws IOException {
        Path nul = Files.writeString(tmp.resolve("nul.gang"), "import \"a\u0000b.gang\"\n" + VALID);
        CliRun r = quickly("check", nul.toString());
        assertDiagnosed(r, "not a valid file path", "NUL", "a\\u0000b.gang");
        assertThat(r.err()).doesNotContain("\u0000");
        Path bell = Files.writeString(tmp.resolve("bell.gang"), "import \"a\u0007.gang\"\n" + VALID);
        assertDiagnosed(quickly("check", bell.toString()), "control character U+0007");
    }

    @Test
    void aNonAsciiImportUnderAnAsciiLocaleIsADiagnostic() throws Exception {
        Path spec = Files.writeString(tmp.resolve("uni.gang"), "import \"d\u00e9j\u00e0.gang\"\n" + VALID);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                GangproofCli.class.getName(), "check", spec.toString()).redirectErrorStream(true);
        pb.environment().put("LC_ALL", "C");
        pb.environment().remove("LANG");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(output).isEqualTo(ExitCodes.INVALID_SPEC);
        assertThat(output).contains("not a valid file path", "UTF-8 locale").doesNotContain("Exception");
    }

    @Test
    void aTraceThatIsADirectoryOrAFifoIsNamedAsSuch() throws Exception {
        Path spec = Files.writeString(tmp.resolve("tiny.gang"), VALID);
        CliRun dir = quickly("replay", spec.toString(), tmp.toString());
        assertThat(dir.exitCode()).isEqualTo(ExitCodes.INVALID_SPEC);
        assertThat(dir.err()).contains("is a directory").doesNotContain("no such file", "Exception");
        CliRun fifo = quickly("replay", spec.toString(), fifo("t.trace.json").toString());
        assertThat(fifo.err()).contains("not a regular file");
    }
}
