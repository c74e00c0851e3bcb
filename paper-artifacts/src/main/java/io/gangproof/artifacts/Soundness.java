package io.gangproof.artifacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cross-checks analyses against the explorer in a run: an analysis that accepts a set on which
 * the explorer, for the same scheduler, found a deadline miss is unsound (semantics §10). A run
 * with such a conflict fails (exit 70) instead of plotting it.
 */
public final class Soundness {
    /** Analysis method id -> the explorer method id that is its ground truth. */
    public static final Map<String, String> GROUND_TRUTH = Map.of(
            "global-greedy", "explorer-global-greedy",
            "global-strict", "explorer-global-strict");

    private Soundness() {
    }

    /** One message per (set, analysis) that accepted what its ground truth rejected. */
    public static List<String> conflicts(Experiment experiment, List<Runner.SetRecord> records) {
        List<String> methods = experiment.effectiveMethods();
        List<String> out = new ArrayList<>();
        for (Runner.SetRecord r : records) {
            for (int a = 0; a < methods.size(); a++) {
                String truth = GROUND_TRUTH.get(methods.get(a));
                int t = truth == null ? -1 : methods.indexOf(truth);
                if (t < 0) {
                    continue;
                }
                if (r.outcomes().get(a) == Outcome.ACCEPTED && r.outcomes().get(t) == Outcome.REJECTED) {
                    out.add(methods.get(a) + " accepts point " + r.point() + " sample " + r.sample() + " ("
                            + r.set().spec().name() + "), but " + truth + " finds a deadline miss");
                }
            }
        }
        return out;
    }
}
