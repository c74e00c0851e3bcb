package io.gangproof.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential: on random tiny specs (all policies, protocols and placements, every kind of
 * property), JPF and the explorer give the same verdict on every property, and where both prove
 * it by a repetition of the reachable states (semantics §13 item 7), the same one. Few specs,
 * since each is a JPF run; the explorer's own differential tests cover many more.
 */
class JpfExplorerAgreementTest {
    @Test
    void jpfAndTheExplorerAgreeOnEveryVerdict(@TempDir Path dir) throws Exception {
        JpfHome home = JpfBuild.require();
        int proved = 0;
        int holding = 0;
        // at their default horizons, shorter than any repetition; then at 70 ms, where some repeat and some do not
        for (long[] c : new long[][] {{11, 0}, {23, 0}, {10, 70}, {17, 70}, {19, 70}, {7, 70}, {14, 70}}) {
            String text = MergingSoundnessTest.RandomSpecs.text(new Random(c[0]));
            SystemSpec spec = SingleBehaviourTest.spec(text);
            ExplorerOptions options = c[1] == 0 ? ExplorerOptions.DEFAULTS : ExplorerOptions.DEFAULTS.withHorizon(c[1]);
            List<ExplorerResult> explorer = Explorer.check(spec, options);
            List<ExplorerResult> jpf = JpfCheck.check(spec, options, home, dir.resolve(c[0] + "-" + c[1]));
            for (int p = 0; p < spec.properties().size(); p++) {
                String what = c[0] + " at " + c[1] + ": " + jpf.get(p).description() + " in\n" + text;
                assertThat(jpf.get(p).verdict()).as(what).isEqualTo(explorer.get(p).verdict());
                if (explorer.get(p) instanceof ExplorerResult.Proved e) {
                    assertThat(((ExplorerResult.Proved) jpf.get(p)).repetition()).as(what).isEqualTo(e.repetition());
                    proved++;
                } else if (explorer.get(p).verdict() == Verdict.HOLDS_UP_TO) {
                    holding++;
                }
            }
        }
        // the comparison above must not pass vacuously: both kinds of holding property are compared
        assertThat(proved).isGreaterThanOrEqualTo(10);
        assertThat(holding).isGreaterThanOrEqualTo(5);
    }
}
