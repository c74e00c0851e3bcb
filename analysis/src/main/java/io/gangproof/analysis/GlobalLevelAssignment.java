package io.gangproof.analysis;

import io.gangproof.spec.Binding;
import io.gangproof.spec.Placement;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Parallelism assignment under {@code global} placement: chooses one level per task among its
 * allowed levels so that the spec's analysis ({@link AnalysisCatalog#forSpec}) accepts it.
 *
 * <p>Heuristic: when the number of combinations is at most {@code maxCombinations}, all are
 * tried in order of increasing total TPU-time utilisation {@code sum k (wcet(k) + reload) / T}
 * (compared exactly), and the first accepted wins; otherwise only the combination where every
 * task takes its own least TPU-time level is tried. The analysis is the acceptance test, so a
 * returned spec is as proven as that analysis; not finding one proves nothing.
 */
public final class GlobalLevelAssignment {
    private final long maxCombinations;

    public GlobalLevelAssignment() {
        this(4_096);
    }

    public GlobalLevelAssignment(long maxCombinations) {
        this.maxCombinations = maxCombinations;
    }

    public AssignmentResult assign(SystemSpec spec) {
        if (spec.scheduler().placement() != Placement.GLOBAL) {
            return new AssignmentResult(Optional.empty(), "level assignment here is for global placement");
        }
        int m = spec.platform().tpus();
        List<List<Integer>> candidates = new ArrayList<>();
        long combos = 1;
        for (Task t : spec.tasks()) {
            if (!(t.binding() instanceof Binding.AnyTpus)) {
                return new AssignmentResult(Optional.empty(), "task " + t.name() + " is not bound to any TPUs");
            }
            List<Integer> ks = new ArrayList<>();
            for (int k : t.levels()) {
                if (k >= 1 && k <= m && t.dnn().supports(k)) {
                    ks.add(k);
                }
            }
            if (ks.isEmpty()) {
                return new AssignmentResult(Optional.empty(), "task " + t.name() + " has no level in 1.." + m);
            }
            ks.sort(Comparator.comparingLong((Integer k) -> tpuTime(t, k)).thenComparing(k -> k));
            candidates.add(ks);
            combos = combos > maxCombinations ? combos : combos * ks.size();
        }
        List<int[]> choices = new ArrayList<>();
        if (combos <= maxCombinations) {
            enumerate(candidates, 0, new int[candidates.size()], choices);
            choices.sort((a, b) -> utilisation(spec, a).compareTo(utilisation(spec, b)));
        } else {
            int[] least = new int[candidates.size()];
            for (int x = 0; x < least.length; x++) {
                least[x] = candidates.get(x).get(0);
            }
            choices.add(least);
        }
        for (int[] levels : choices) {
            SystemSpec s = withLevels(spec, levels);
            Optional<ResponseTimeAnalysis> a = AnalysisCatalog.forSpec(s);
            if (a.isEmpty()) {
                return new AssignmentResult(Optional.empty(), "no analysis for " + spec.scheduler().describe());
            }
            if (a.get().analyze(s).allSchedulable()) {
                return new AssignmentResult(Optional.of(s), "levels accepted by " + a.get().name() + " after trying "
                        + (choices.indexOf(levels) + 1) + " of " + choices.size() + " combinations");
            }
        }
        return new AssignmentResult(Optional.empty(), combos <= maxCombinations
                ? "none of the " + choices.size() + " level combinations is accepted"
                : "more than " + maxCombinations + " combinations; the least-TPU-time one is not accepted");
    }

    private static long tpuTime(Task t, int k) {
        // Only for ordering a task's own levels; the exact comparison across tasks is utilisation().
        return Ticks.mul(k, Ticks.add(t.dnn().wcet(k), t.dnn().reload()));
    }

    private static io.gangproof.spec.Fraction utilisation(SystemSpec spec, int[] levels) {
        io.gangproof.spec.Fraction u = io.gangproof.spec.Fraction.ZERO;
        for (int x = 0; x < levels.length; x++) {
            Task t = spec.tasks().get(x);
            u = u.plus(io.gangproof.spec.Fraction.of(tpuTime(t, levels[x]), t.period()));
        }
        return u;
    }

    private static void enumerate(List<List<Integer>> c, int at, int[] cur, List<int[]> out) {
        if (at == c.size()) {
            out.add(cur.clone());
            return;
        }
        for (int k : c.get(at)) {
            cur[at] = k;
            enumerate(c, at + 1, cur, out);
        }
    }

    private static SystemSpec withLevels(SystemSpec spec, int[] levels) {
        List<Task> tasks = new ArrayList<>();
        for (int x = 0; x < levels.length; x++) {
            Task t = spec.tasks().get(x);
            tasks.add(new Task(t.name(), t.dnn(), t.arrival(), t.deadline(), t.jitter(), t.priority(),
                    new TreeSet<>(List.of(levels[x])), t.binding()));
        }
        return AudsleyPriorityAssignment.withTasks(spec, tasks);
    }
}
