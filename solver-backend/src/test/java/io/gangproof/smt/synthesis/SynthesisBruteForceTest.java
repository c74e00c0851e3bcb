package io.gangproof.smt.synthesis;

import io.gangproof.analysis.PartitionGroupCheck;
import io.gangproof.spec.Binding;
import io.gangproof.spec.Pipeline;
import io.gangproof.spec.Policy;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Optimality cross-check on tiny inputs: every assignment (new pipeline sizes x a pipeline per task,
 * hence its level) and, under fp, every priority order per pipeline (not Audsley: all permutations)
 * is tried; the fewest TPUs and, at that count, the largest smallest slack must equal synthesis'
 * OPTIMAL answer, and INFEASIBLE must mean that nothing passes.
 */
class SynthesisBruteForceTest {

    @Property(tries = 200)
    void optimalMeansOptimal(@ForAll long seed) {
        Random rnd = new Random(seed);
        SystemSpec spec = SynthesisSpecs.drawn(rnd, 2, 4, 3, 0.15);
        Optional<long[]> brute = bruteForce(spec);
        SynthesisResult r = new PartitionSynthesis().synthesize(spec, Duration.ofSeconds(20));
        if (!fewestTpusMatch(r, brute)) {
            return;
        }
        assertThat(r.smallestSlack()).isEqualTo(brute.get()[1]);
        PartitionSynthesisTest.assertReverifies(r);
    }

    /**
     * With a tiny step limit some group checks give up ({@code FAIL_LIMIT}, blocked only exactly). The
     * fewest TPUs must still equal brute force over the same limited test, and the result must
     * re-verify (a pass under a limit is a pass without it). Note: this exercises the exact-block path
     * but does not show it necessary: a mutant that generalises such failures survived 1,500 tries
     * (step counts grow with the task set in practice; exact blocking is a precaution, not a fix).
     */
    @Property(tries = 150)
    void withGroupsThatGiveUpTheFewestTpusStillMatchBruteForce(@ForAll long seed) {
        Random rnd = new Random(seed);
        SystemSpec spec = SynthesisSpecs.drawn(rnd, 2, 4, 3, 0.15);
        long limit = 1 + rnd.nextInt(6);
        PartitionGroupCheck limited = new PartitionGroupCheck(spec.scheduler().policy(), limit, spec.resolution());
        int[] gaveUp = new int[1];
        Optional<long[]> brute = bruteForce(spec, (size, group) -> {
            PartitionGroupCheck.Outcome o = limited.check(size, group, -1);
            if (o.verdict() == PartitionGroupCheck.Verdict.FAIL_LIMIT) {
                gaveUp[0]++;
            }
            return o.passes() ? Optional.of(0L) : Optional.empty();
        });
        Statistics.label("some group gave up").collect(gaveUp[0] > 0);
        SynthesisResult r = new PartitionSynthesis(limit, true).synthesize(spec, Duration.ofSeconds(20));
        if (!fewestTpusMatch(r, brute)) {
            return;
        }
        PartitionSynthesisTest.assertReverifies(r);
    }

    /**
     * Collects {@code r}'s status and checks it against {@code brute}: INFEASIBLE when brute force
     * found nothing (then false), otherwise OPTIMAL with the same fewest TPUs (then true).
     */
    private static boolean fewestTpusMatch(SynthesisResult r, Optional<long[]> brute) {
        Statistics.label("status").collect(r.status());
        if (brute.isEmpty()) {
            assertThat(r.status()).as(r.explanation()).isEqualTo(SynthesisResult.Status.INFEASIBLE);
            return false;
        }
        assertThat(r.status()).as(r.explanation()).isEqualTo(SynthesisResult.Status.OPTIMAL);
        assertThat((long) r.tpusUsed()).isEqualTo(brute.get()[0]);
        return true;
    }

    /** The best smallest slack of one group on {@code size} TPUs, or empty when it fails. */
    interface GroupEval {
        Optional<Long> slack(int size, List<Task> group);
    }

    /** {fewest TPUs, largest smallest slack at that count}, or empty when nothing passes. */
    static Optional<long[]> bruteForce(SystemSpec spec) {
        PartitionGroupCheck test = new PartitionGroupCheck(spec.scheduler().policy(), spec.resolution());
        Map<String, Optional<Long>> memo = new HashMap<>();
        return bruteForce(spec, (size, group) -> bestSlack(test, spec.scheduler().policy(), size, group, memo));
    }

    static Optional<long[]> bruteForce(SystemSpec spec, GroupEval eval) {
        Set<Integer> taken = new HashSet<>();
        List<Integer> sizes = new ArrayList<>();
        List<List<Task>> fixed = new ArrayList<>();
        for (Pipeline p : spec.platform().pipelines()) {
            taken.addAll(p.tpus());
            sizes.add(p.size());
            List<Task> on = new ArrayList<>();
            for (Task t : spec.tasks()) {
                if (t.binding() instanceof Binding.OnPipeline
                        && ((Binding.OnPipeline) t.binding()).pipeline().equals(p.name())) {
                    on.add(t);
                }
            }
            fixed.add(on);
        }
        int free = spec.platform().tpus() - taken.size();
        List<Task> choose = spec.tasks().stream().filter(t -> t.binding() instanceof Binding.ChoosePipeline).toList();
        long[] best = null;
        for (List<Integer> parts : multisets(free)) {
            List<Integer> all = new ArrayList<>(sizes);
            all.addAll(parts);
            int pipes = all.size();
            if (pipes == 0) {
                continue;
            }
            int[] at = new int[choose.size()];
            while (true) {
                boolean ok = true;
                List<List<Task>> groups = new ArrayList<>();
                for (int p = 0; p < pipes; p++) {
                    groups.add(new ArrayList<>(p < fixed.size() ? fixed.get(p) : List.of()));
                }
                for (int t = 0; t < choose.size() && ok; t++) {
                    Task task = choose.get(t);
                    int size = all.get(at[t]);
                    ok = task.levels().contains(size) && task.dnn().supports(size);
                    groups.get(at[t]).add(task);
                }
                if (ok) {
                    long tpus = 0;
                    long slack = Long.MAX_VALUE;
                    for (int p = 0; p < pipes && ok; p++) {
                        if (groups.get(p).isEmpty()) {
                            continue;
                        }
                        tpus += all.get(p);
                        Optional<Long> s = eval.slack(all.get(p), groups.get(p));
                        ok = s.isPresent();
                        if (ok) {
                            slack = Math.min(slack, s.get());
                        }
                    }
                    if (ok && (best == null || tpus < best[0] || (tpus == best[0] && slack > best[1]))) {
                        best = new long[] {tpus, slack};
                    }
                }
                int t = 0;
                while (t < at.length && ++at[t] == pipes) {
                    at[t] = 0;
                    t++;
                }
                if (t == at.length) {
                    break;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** Under fp: the best smallest slack over all priority orders of the group; under edf: 0 if it passes. */
    private static Optional<Long> bestSlack(PartitionGroupCheck test, Policy policy, int size, List<Task> group,
            Map<String, Optional<Long>> memo) {
        TreeSet<String> names = new TreeSet<>();
        group.forEach(t -> names.add(t.name()));
        String key = size + "|" + names;
        Optional<Long> known = memo.get(key);
        if (known != null) {
            return known;
        }
        Optional<Long> out;
        if (policy == Policy.EDF) {
            out = test.check(size, group, -1).passes() ? Optional.of(0L) : Optional.empty();
        } else {
            Long best = null;
            for (List<Task> order : permutations(group)) {
                Map<String, Optional<Long>> r = test.responsesInOrder(size, order);
                long min = Long.MAX_VALUE;
                for (Task t : order) {
                    Optional<Long> rt = r.get(t.name());
                    if (rt.isEmpty() || rt.get() > t.deadline()) {
                        min = Long.MIN_VALUE;
                        break;
                    }
                    min = Math.min(min, t.deadline() - rt.get());
                }
                if (min != Long.MIN_VALUE && (best == null || min > best)) {
                    best = min;
                }
            }
            out = Optional.ofNullable(best);
        }
        memo.put(key, out);
        return out;
    }

    static List<List<Task>> permutations(List<Task> xs) {
        List<List<Task>> out = new ArrayList<>();
        permute(new ArrayList<>(xs), 0, out);
        return out;
    }

    private static void permute(List<Task> xs, int from, List<List<Task>> out) {
        if (from == xs.size()) {
            out.add(List.copyOf(xs));
            return;
        }
        for (int i = from; i < xs.size(); i++) {
            java.util.Collections.swap(xs, from, i);
            permute(xs, from + 1, out);
            java.util.Collections.swap(xs, from, i);
        }
    }

    /** Every multiset of positive parts with sum at most {@code n} (including the empty one). */
    static List<List<Integer>> multisets(int n) {
        List<List<Integer>> out = new ArrayList<>();
        collect(n, n, new ArrayList<>(), out);
        return out;
    }

    private static void collect(int rest, int max, List<Integer> prefix, List<List<Integer>> out) {
        out.add(List.copyOf(prefix));
        for (int part = Math.min(rest, max); part >= 1; part--) {
            prefix.add(part);
            collect(rest - part, part, prefix, out);
            prefix.remove(prefix.size() - 1);
        }
    }
}
