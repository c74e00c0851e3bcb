package io.gangproof.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gangproof.spec.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecTestsTest {
    static final Path SPECS = Path.of("..", "case-studies", "specs");

    @TempDir
    Path dir;

    @Test
    void aResultMayBeStrongerThanExpectedButNeverContradictIt() {
        assertThat(SpecTests.acceptable(Optional.of(Verdict.VIOLATED), Verdict.VIOLATED)).isTrue();
        assertThat(SpecTests.acceptable(Optional.of(Verdict.VIOLATED), Verdict.UNKNOWN)).as("a lost counterexample")
                .isFalse();
        assertThat(SpecTests.acceptable(Optional.of(Verdict.HOLDS_UP_TO), Verdict.PROVED)).isTrue();
        assertThat(SpecTests.acceptable(Optional.of(Verdict.HOLDS_UP_TO), Verdict.UNKNOWN)).isFalse();
        assertThat(SpecTests.acceptable(Optional.of(Verdict.UNKNOWN), Verdict.PROVED)).isTrue();
        assertThat(SpecTests.acceptable(Optional.of(Verdict.UNKNOWN), Verdict.VIOLATED)).isFalse();
        assertThat(SpecTests.acceptable(Optional.of(Verdict.PROVED), Verdict.HOLDS_UP_TO)).isFalse();
        assertThat(SpecTests.acceptable(Optional.empty(), Verdict.HOLDS_UP_TO)).isTrue();
        assertThat(SpecTests.acceptable(Optional.empty(), Verdict.UNKNOWN)).isFalse();
    }

    private List<DynamicTest> testsIn(Path folder) {
        List<DynamicTest> out = new ArrayList<>();
        SpecTests.forFolder(folder, dir.resolve("out")).forEach(n -> collect(n, out));
        return out;
    }

    private static void collect(DynamicNode node, List<DynamicTest> out) {
        if (node instanceof DynamicTest t) {
            out.add(t);
        } else {
            ((DynamicContainer) node).getChildren().forEach(c -> collect(c, out));
        }
    }

    @Test
    void aRegressedExpectationFailsWithTheVerdictAndTheCounterexample() throws IOException {
        // Claim that B meets its deadlines: the checker finds B's miss, so that test must fail.
        Files.writeString(dir.resolve("regressed.gang"), Files.readString(SPECS.resolve("starvation-strict.gang"))
                .replace("// expect: deadlines(B) VIOLATED", "// expect: deadlines(B) HOLDS-UP-TO"));
        List<DynamicTest> all = testsIn(dir);
        assertThat(all).extracting(DynamicTest::getDisplayName)
                .containsExactly("deadlines(H)", "deadlines(B)", "inversion(H) <= 2 ms");
        assertThatCode(all.get(0).getExecutable()::execute).doesNotThrowAnyException();
        assertThatThrownBy(all.get(1).getExecutable()::execute).hasMessageContaining("deadlines(B) is VIOLATED")
                .hasMessageContaining("expected HOLDS-UP-TO").hasMessageContaining("counterexample");
        assertThatCode(all.get(2).getExecutable()::execute).doesNotThrowAnyException();
    }

    @Test
    void anExpectationNamingNoPropertyAndAnInvalidSpecFail() throws IOException {
        Files.writeString(dir.resolve("a.gang"), Files.readString(SPECS.resolve("deadlock-per-tpu.gang"))
                .replace("// expect: deadlock-free VIOLATED", "// expect: deadlines(Z) UNKNOWN"));
        Files.writeString(dir.resolve("b.gang"), "system broken {");
        List<DynamicTest> all = testsIn(dir);
        assertThat(all).extracting(DynamicTest::getDisplayName)
                .containsExactly("expect: deadlines(Z)", "deadlock-free", "b.gang is a valid spec");
        assertThatThrownBy(all.get(0).getExecutable()::execute).hasMessageContaining("names no property");
        assertThatThrownBy(all.get(1).getExecutable()::execute).as("no expectation: must hold")
                .hasMessageContaining("is VIOLATED");
        assertThatThrownBy(all.get(2).getExecutable()::execute).hasMessageContaining("invalid spec");
    }
}
