package io.gangproof.analysis;

import io.gangproof.analysis.QueueAndPinnedSoundnessTest.Kind;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.Scheduler;
import io.gangproof.spec.SystemSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A longer run of {@link AnalysisSoundnessTest}'s check, outside the build (a plain main):
 * <pre>
 * java -cp analysis/target/classes:analysis/target/test-classes:spec-language/target/classes:$(cat cp.txt) \
 *     io.gangproof.analysis.SoundnessCampaign 20000 [firstSeed] [size] [analysis name prefix] [jitter]
 * </pre>
 * where {@code cp.txt} holds the test class path ({@code mvn -q dependency:build-classpath
 * -Dmdep.outputFile=cp.txt -pl analysis}); {@code size > 0} draws specs with up to that many TPUs
 * and tasks instead of the small default; {@code jitter} gives every task large release jitter
 * ({@link TestSpecs#jittered}). Prints every counterexample seed; exit code 1 if any.
 */
public final class SoundnessCampaign {
    private SoundnessCampaign() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        long first = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L;
        int size = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        String only = args.length > 3 ? args[3] : "";
        boolean jitter = args.length > 4 && args[4].equals("jitter");
        List<Kind> kinds = new ArrayList<>(List.of(
                new Kind(new Scheduler(Placement.PARTITIONED, Policy.FP, Protocol.GANG_STRICT), new NpFpResponseTime()),
                new Kind(new Scheduler(Placement.PARTITIONED, Policy.EDF, Protocol.GANG_GREEDY), new NpEdfProcessorDemand()),
                new Kind(new Scheduler(Placement.GLOBAL, Policy.FP, Protocol.GANG_STRICT), new GlobalGangStrictResponseTime()),
                new Kind(new Scheduler(Placement.GLOBAL, Policy.FP, Protocol.GANG_GREEDY), new GlobalGangGreedyResponseTime())));
        kinds.addAll(QueueAndPinnedSoundnessTest.KINDS);
        Scheduler globalGreedy = new Scheduler(Placement.GLOBAL, Policy.FP, Protocol.GANG_GREEDY);
        kinds.addAll(List.of(
                new Kind(new Scheduler(Placement.GLOBAL, Policy.FP, Protocol.GANG_STRICT),
                        GlobalGangStrictResponseTime.unboundedCarryIn()),
                new Kind(globalGreedy, new GlobalGangGreedyResponseTime(CarryInRule.UNBOUNDED)),
                new Kind(globalGreedy, new GlobalGangGreedyResponseTime(CarryInRule.PER_INSTANT)),
                new Kind(globalGreedy, new GlobalGangGreedyResponseTime(CarryInRule.ONE_PER_TASK_LP))));
        int failures = 0;
        for (Kind k : kinds) {
            ResponseTimeAnalysis a = k.analysis();
            if (!a.name().startsWith(only)) {
                continue;
            }
            int bad = 0;
            int bounded = 0;
            for (long seed = first; seed < first + n; seed++) {
                try {
                    AnalysisResult r;
                    if (jitter) {
                        Random rnd = new Random(seed);
                        Scheduler s = k.scheduler();
                        SystemSpec spec = TestSpecs.jittered(rnd, size == 0 ? TestSpecs.random(rnd, s)
                                : TestSpecs.random(rnd, s, size, size));
                        r = AnalysisSoundnessTest.check(rnd, spec, a, true);
                    } else {
                        r = AnalysisSoundnessTest.check(seed, k.scheduler(), a, true, size);
                    }
                    bounded += r.tasks().stream().anyMatch(b -> b.responseBound().isPresent()) ? 1 : 0;
                } catch (AssertionError e) {
                    bad++;
                    System.out.println("COUNTEREXAMPLE " + a.name() + " seed " + seed + ":\n" + e.getMessage());
                }
            }
            System.out.printf("%s: %d specs (%d with some response bound), %d counterexamples%n", a.name(), n, bounded,
                    bad);
            failures += bad;
        }
        System.exit(failures == 0 ? 0 : 1);
    }
}
