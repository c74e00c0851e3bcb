package io.gangproof.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.spec.SystemSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential: on random tiny specs (all policies, protocols and placements, every kind of
 * property), JPF and the explorer give the same verdict on every property. Few specs, since
 * each property is a JPF run; the explorer's own differential tests cover many more.
 */
class JpfExplorerAgreementTest {
    @Test
    void jpfAndTheExplorerAgreeOnEveryVerdict(@TempDir Path dir) throws Exception {
        JpfHome home = JpfBuild.require();
        for (long seed : new long[] {11, 23}) {
            String text = MergingSoundnessTest.RandomSpecs.text(new Random(seed));
            SystemSpec spec = SingleBehaviourTest.spec(text);
            List<ExplorerResult> explorer = Explorer.check(spec, ExplorerOptions.DEFAULTS);
            List<ExplorerResult> jpf = JpfCheck.check(spec, ExplorerOptions.DEFAULTS, home, dir.resolve("" + seed));
            for (int p = 0; p < spec.properties().size(); p++) {
                assertThat(jpf.get(p).verdict()).as(seed + ": " + jpf.get(p).description() + " in\n" + text)
                        .isEqualTo(explorer.get(p).verdict());
            }
        }
    }
}
