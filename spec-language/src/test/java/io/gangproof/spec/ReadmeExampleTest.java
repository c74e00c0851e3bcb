package io.gangproof.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.spec.format.SpecFormatter;
import io.gangproof.spec.parse.LoadResult;
import io.gangproof.spec.parse.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's example spec is the bundled starvation example, written compactly. */
class ReadmeExampleTest {
    @Test
    void theReadmeSpecLoadsAndMeansTheBundledExample() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("..", "README.md"));
        int start = lines.indexOf("```gang");
        int end = lines.subList(start + 1, lines.size()).indexOf("```") + start + 1;
        String example = String.join("\n", lines.subList(start + 1, end)) + "\n";
        assertThat(end - start - 1).as("a short example").isLessThanOrEqualTo(20);

        LoadResult r = SpecLoader.loadText("README.md", example, Path.of("."));
        assertThat(r.diagnostics()).isEmpty();
        SystemSpec bundled = SpecLoader.load(Path.of("..", "case-studies", "specs", "starvation-greedy.gang"))
                .orThrow();
        assertThat(r.orThrow()).isEqualTo(bundled);
        assertThat(SpecFormatter.formatText(example)).as("formats without error").contains("system starvation_greedy");
    }
}
