package io.gangproof.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Java PathFinder on the generated model, against the jpf-core build of {@link JpfBuild}. */
class JpfCheckTest {
    @Test
    void aViolationComesBackAsTheJobLevelTraceOfJpfsPath(@TempDir Path dir) throws Exception {
        SystemSpec spec = BundledSpecs.load("deadlock-per-tpu");
        ExplorerResult r = JpfCheck.check(spec, spec.properties().get(0), ExplorerOptions.DEFAULTS, JpfBuild.require(),
                dir);
        assertThat(r).isInstanceOf(ExplorerResult.Violated.class);
        Counterexample cex = ((ExplorerResult.Violated) r).counterexample();
        assertThat(cex.message()).startsWith("deadlock-free: at 3 ms the job of A arriving at 1 ms");
        assertThat(cex.violationTime()).isEqualTo(3);
        assertThat(cex.jobs()).extracting(JobRecord::task).contains("A", "B");
        // JPF's report went to a file; the violation was recorded with its path, not thrown, so JPF saw no error
        assertThat(Files.readString(dir.resolve("jpf-report.txt"))).contains("no errors detected");
    }

    @Test
    void jpfCountsTheExplorersStatesWhereBothSearchEverything(@TempDir Path dir) throws Exception {
        SystemSpec spec = BundledSpecs.load("timing-anomaly");
        ExplorerResult r = JpfCheck.check(spec, spec.properties().get(1), ExplorerOptions.DEFAULTS, JpfBuild.require(),
                dir);
        assertThat(r.verdict()).isEqualTo(Verdict.HOLDS_UP_TO);
        // the explorer's full search, without its repetition check or an early end
        long explorer = Explorer.measure(spec, ExplorerOptions.DEFAULTS).states();
        assertThat(((ExplorerResult.HoldsUpTo) r).states()).isEqualTo(explorer);
    }

    @Test
    void anEarlyViolationThatDepthFirstReachesLateIsFoundByTheShortSearchesFirst(@TempDir Path dir) throws Exception {
        // coral-quad-greedy's overtake needs choices of its first instants; depth first, JPF first searches the
        // whole subtree under its first choices, down to the horizon
        SystemSpec full = BundledSpecs.load("coral-quad-greedy");
        Property overtakes = full.properties().get(3);
        SystemSpec spec = new SystemSpec(full.name(), full.resolution(), full.platform(), full.dnns(), full.tasks(),
                full.scheduler(), List.of(overtakes), full.exploration());
        ExplorerOptions options = ExplorerOptions.DEFAULTS.withHorizon(400).withMaxStates(2000)
                .withTimeLimitMillis(120_000);
        ModelPlan plan = ModelPlan.of(spec, spec.properties(), 400, Map.of());
        ModelGenerator.GeneratedModel generated = ModelGenerator.generate(plan);
        EmittedModel emitted = ModelEmitter.write(spec, dir.resolve("one"), plan, generated, 400);
        JpfRunner.compile(emitted, JpfBuild.require());
        JpfRunner.JpfOutcome toHorizon = JpfRunner.run(emitted, JpfBuild.require(), Explorer.limits(spec, options),
                Long.MAX_VALUE, 400, -1L);
        assertThat(toHorizon.violations()).as("one search to the horizon, 2000 states").isEmpty();
        assertThat(toHorizon.limitHit()).isPresent();

        ExplorerResult r = JpfCheck.check(spec, overtakes, options, JpfBuild.require(), dir.resolve("deepened"));
        assertThat(r).isInstanceOf(ExplorerResult.Violated.class);
        assertThat(((ExplorerResult.Violated) r).states()).isLessThan(2000);
        assertThat(((ExplorerResult.Violated) r).counterexample().message()).contains("overtaken");
    }

    @Test
    void theStateLimitEndsTheSearchInUnknownNamingIt(@TempDir Path dir) throws Exception {
        SystemSpec spec = BundledSpecs.load("timing-anomaly");
        ExplorerResult r = JpfCheck.check(spec, spec.properties().get(1), ExplorerOptions.DEFAULTS.withMaxStates(5),
                JpfBuild.require(), dir);
        assertThat(r).isInstanceOf(ExplorerResult.Unknown.class);
        assertThat(((ExplorerResult.Unknown) r).reason()).contains("the state limit of 5 states was reached");
    }

    @Test
    void theTimeLimitEndsTheSearchInUnknownNamingIt(@TempDir Path dir) throws Exception {
        // a search of some seconds (some thousand states), stopped after 1 ms of it
        SystemSpec spec = BundledSpecs.load("textbook-buttazzo-ex8-1");
        ExplorerResult r = JpfCheck.check(spec, spec.properties().get(0),
                ExplorerOptions.DEFAULTS.withHorizon(12).withTimeLimitMillis(1), JpfBuild.require(), dir);
        assertThat(r).isInstanceOf(ExplorerResult.Unknown.class);
        assertThat(((ExplorerResult.Unknown) r).reason()).contains("the time limit of 1 ms was reached");
    }

    @Test
    void aBoundFromAnalysisWithoutItsNumberIsUnknownAndNotRun(@TempDir Path dir) throws Exception {
        String text = Files.readString(BundledSpecs.path("starvation-greedy"))
                .replace("inversion(H) <= 2 ms", "response(H) <= bound");
        SystemSpec spec = SingleBehaviourTest.spec(text);
        ExplorerResult r = JpfCheck.check(spec, spec.properties().get(1), ExplorerOptions.DEFAULTS,
                new JpfHome(fakeBuild(dir.resolve("no-jpf"))), dir.resolve("model"));
        assertThat(r.description()).isEqualTo("response(H) <= bound");
        assertThat(r).isInstanceOf(ExplorerResult.Unknown.class);
        assertThat(Files.exists(dir.resolve("model"))).as("nothing emitted, nothing run").isFalse();
    }

    @Test
    void aSpecTheModelCannotExpressIsUnknown(@TempDir Path dir) throws Exception {
        SystemSpec spec = BundledSpecs.load("coral-synthesis");
        ExplorerResult r = JpfCheck.check(spec, spec.properties().get(0), ExplorerOptions.DEFAULTS,
                new JpfHome(fakeBuild(dir.resolve("no-jpf"))), dir.resolve("model"));
        assertThat(r).isInstanceOf(ExplorerResult.Unknown.class);
        assertThat(((ExplorerResult.Unknown) r).reason()).contains("the model cannot express this spec");
    }

    /** Not a working JPF: these cases must be answered without running it. */
    private static Path fakeBuild(Path dir) throws Exception {
        for (String f : JpfHome.REQUIRED) {
            Files.createDirectories(dir.resolve(f).getParent());
            Files.writeString(dir.resolve(f), "");
        }
        return dir;
    }
}
