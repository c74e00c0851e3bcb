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

    @Test
    void specsInSubfoldersAreCheckedAndLibrariesAreSkippedByName() throws IOException {
        Files.createDirectories(dir.resolve("sub/dnn"));
        Files.copy(SPECS.resolve("starvation-strict.gang"), dir.resolve("sub/strict.gang"));
        Files.writeString(dir.resolve("sub/dnn/lib.gang"), "dnn net { latency { 1: 1 ms } }\n");
        List<DynamicNode> top = SpecTests.in(dir).engines("proof", "simulation").traceDir(dir.resolve("out"))
                .tests().toList();
        assertThat(top).extracting(DynamicNode::getDisplayName).containsExactly(
                "sub/dnn/lib.gang (skipped: declares no system, e.g. a DNN library that specs import)",
                "sub/strict.gang");
        assertThatThrownBy(((DynamicTest) top.get(0)).getExecutable()::execute)
                .isInstanceOf(org.opentest4j.TestAbortedException.class).hasMessageContaining("sub/dnn/lib.gang");
    }

    @Test
    void onlyTheChosenEnginesAreAsked() throws IOException {
        Files.copy(SPECS.resolve("starvation-strict.gang"), dir.resolve("strict.gang"));
        List<DynamicTest> simulation = new ArrayList<>();
        SpecTests.in(dir).engines("simulation").traceDir(dir.resolve("out")).tests()
                .forEach(n -> collect(n, simulation));
        assertThatThrownBy(simulation.get(0).getExecutable()::execute).as("a search proves nothing")
                .hasMessageContaining("deadlines(H) is UNKNOWN");
        assertThatCode(simulation.get(1).getExecutable()::execute).as("the search finds B's miss")
                .doesNotThrowAnyException();
        List<DynamicTest> proof = new ArrayList<>();
        SpecTests.in(dir).engines("proof").traceDir(dir.resolve("out")).tests().forEach(n -> collect(n, proof));
        assertThatCode(proof.get(0).getExecutable()::execute).doesNotThrowAnyException();
        assertThatThrownBy(proof.get(1).getExecutable()::execute).as("a proof finds no counterexample")
                .hasMessageContaining("deadlines(B) is UNKNOWN");
    }

    @Test
    void theTimeLimitAppliesWhereTheSpecSetsNone() {
        EngineChoice ten = new EngineChoice(List.of("explorer"), Optional.of(java.time.Duration.ofSeconds(10)));
        var noLimit = io.gangproof.spec.parse.SpecLoader.load(SPECS.resolve("starvation-strict.gang")).orThrow();
        var ownLimit = io.gangproof.spec.parse.SpecLoader.load(SPECS.resolve("coral-quad-greedy.gang")).orThrow();
        assertThat(ownLimit.exploration().timeLimitMillis()).as("the spec says `limit time`").isPresent();
        assertThat(ten.limitFor(noLimit)).contains(java.time.Duration.ofSeconds(10));
        assertThat(ten.limitFor(ownLimit)).isEmpty();
        assertThat(ten.forSpec(noLimit)).extracting(io.gangproof.check.Engine::name).containsExactly("explorer");
    }

    @Test
    void unknownEnginesAndNonPositiveLimitsAreRefused() {
        assertThatThrownBy(() -> SpecTests.in(dir).engines("z3")).hasMessageContaining("unknown engine 'z3'")
                .hasMessageContaining("explorer");
        assertThatThrownBy(() -> SpecTests.in(dir).timeLimit(java.time.Duration.ZERO))
                .hasMessageContaining("positive");
    }
}
