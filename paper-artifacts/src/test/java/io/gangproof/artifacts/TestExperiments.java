package io.gangproof.artifacts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the committed experiment files are (the module directory is the test working directory). */
final class TestExperiments {
    static final Path DIR = Path.of("experiments");

    private TestExperiments() {
    }

    static List<Path> all() {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Path file(String name) {
        return DIR.resolve(name + ".json");
    }

    /** Runs the command line, returning its exit code, stdout and stderr. */
    record Result(int code, String out, String err) {
    }

    static Result cli(String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = ArtifactsCli.execute(args, new java.io.PrintWriter(out), new java.io.PrintWriter(err), null);
        return new Result(code, out.toString(), err.toString());
    }
}
