package io.gangproof.smt.synthesis;

import io.gangproof.spec.Binding;
import io.gangproof.spec.Pipeline;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;

import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What {@link PartitionSynthesis#synthesize}, {@link GlobalSynthesis#synthesize} or
 * {@link PinnedSynthesis#synthesize} found. {@code spec} is present for {@link Status#OPTIMAL}
 * and {@link Status#FEASIBLE} only, and has then passed the normal proof path (analysis + Z3 witness
 * check of every task's deadline). {@code tpusUsed} and {@code smallestSlack} describe that spec
 * (0 when there is none). {@code tpusProvedMinimal}: no assignment passing the analysis uses fewer
 * TPUs (true for OPTIMAL; also possible for FEASIBLE when only the slack phase timed out).
 * {@code iterations}: candidate assignments the solver proposed and the analysis checked.
 * {@code solverTime}: inside Z3's search; {@code reverifyTime}: the final analysis + witness checks;
 * {@code totalTime}: everything, including the heuristic run that seeds the search.
 */
public record SynthesisResult(Status status, Optional<SystemSpec> spec, int tpusUsed, long smallestSlack,
        boolean tpusProvedMinimal, long iterations, Duration solverTime, Duration reverifyTime, Duration totalTime,
        String explanation) {

    public enum Status {
        /** Fewest TPUs, then the largest smallest slack, both proved (w.r.t. the analysis). */
        OPTIMAL,
        /** An assignment that passes, not proved optimal (the timeout hit first). */
        FEASIBLE,
        /** Proved: no choice of levels, pipelines and priorities passes the analysis. */
        INFEASIBLE,
        /** No assignment found before the timeout, or a result that did not re-verify. */
        UNKNOWN,
        /** Not a placement and policy synthesis covers, or nothing left to choose. */
        NOT_APPLICABLE
    }

    /** Not a case the synthesis covers ({@link Status#NOT_APPLICABLE}), found {@code start} nanos after the call began. */
    public static SynthesisResult notApplicable(long start, String why) {
        return beforeSearch(Status.NOT_APPLICABLE, start, why);
    }

    /** {@link Status#INFEASIBLE} before any search: some task has nothing to choose from. */
    public static SynthesisResult infeasible(long start, String why) {
        return beforeSearch(Status.INFEASIBLE, start, why);
    }

    private static SynthesisResult beforeSearch(Status status, long start, String why) {
        return new SynthesisResult(status, Optional.empty(), 0, 0, false, 0, Duration.ZERO, Duration.ZERO,
                Duration.ofNanos(System.nanoTime() - start), why);
    }

    public boolean found() {
        return spec.isPresent();
    }

    /** TPUs of the pipelines of {@code spec} that run at least one task, and of the tasks' pinned lists. */
    public static int tpusUsedBy(SystemSpec spec) {
        Set<String> used = new HashSet<>();
        Set<Integer> tpus = new HashSet<>();
        for (Task t : spec.tasks()) {
            if (t.binding() instanceof Binding.OnPipeline) {
                used.add(((Binding.OnPipeline) t.binding()).pipeline());
            } else if (t.binding() instanceof Binding.Pinned p) {
                tpus.addAll(p.tpus());
            }
        }
        for (Pipeline p : spec.platform().pipelines()) {
            if (used.contains(p.name())) {
                tpus.addAll(p.tpus());
            }
        }
        return tpus.size();
    }
}
