package io.gangproof.spec.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every spec under {@code src/test/resources/invalid} (a file, or a folder's {@code main.gang}
 * with the files it imports) ends with {@code // expect: [file:]line:column: message} lines.
 * Loading it must report exactly those errors: none missing, none extra, each at its place.
 */
class InvalidSpecsTest {
    static final Path DIR = Path.of("src", "test", "resources", "invalid");
    private static final Pattern EXPECT = Pattern.compile("// expect: (?:([\\w.-]+\\.gang):)?(\\d+):(\\d+): (.*)");

    static Stream<Path> invalidSpecs() throws IOException {
        try (Stream<Path> s = Files.walk(DIR)) {
            return s.filter(p -> p.toString().endsWith(".gang"))
                    .filter(p -> p.getParent().equals(DIR) || p.getFileName().toString().equals("main.gang"))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSpecs")
    void reportsExactlyTheExpectedErrors(Path spec) throws IOException {
        List<String> expected = Files.readAllLines(spec).stream().map(EXPECT::matcher).filter(Matcher::matches)
                .map(m -> (m.group(1) == null ? spec.getFileName().toString() : m.group(1)) + ":" + m.group(2) + ":"
                        + m.group(3) + ": " + m.group(4))
                .toList();
        String folder = spec.getParent() + java.io.File.separator;
        assertThat(expected).as("the spec lists its expected errors").isNotEmpty();

        LoadResult result = SpecLoader.load(spec);

        assertThat(result).isInstanceOf(LoadResult.Invalid.class);
        List<String> actual = result.diagnostics().stream().filter(Diagnostic::isError)
                .map(d -> Path.of(d.file()).getFileName() + ":" + d.line() + ":" + d.column() + ": " + d.message().replace(folder, ""))
                .toList();
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
        for (Diagnostic d : result.diagnostics()) {
            assertThat(d.render()).as("rendered with the offending line and a caret")
                    .startsWith(d.file() + ":" + d.line() + ":" + d.column() + ": error: ").contains("^");
        }
    }
}
