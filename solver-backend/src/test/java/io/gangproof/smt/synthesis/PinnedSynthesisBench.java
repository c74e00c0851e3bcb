package io.gangproof.smt.synthesis;

import io.gangproof.spec.Protocol;
import io.gangproof.spec.SystemSpec;
import java.util.Random;

/**
 * Pinned synthesis on seeded random inputs (test-scope main, not run by the build): {@code n}
 * tasks on {@code m} TPUs, every task {@code pinned any} with a random subset of levels but the
 * first, which is pinned; load (level-1 utilisation per TPU) uniform in 0.05..0.3, protocols
 * alternating. Prints one line per set: the status, TPUs, smallest slack, candidates and times.
 *
 * <pre>
 * java -cp solver-backend/target/classes:solver-backend/target/test-classes:... \
 *      io.gangproof.smt.synthesis.PinnedSynthesisBench [n=5] [m=4] [sets=10] [first-seed=1000] [timeout-s=60]
 * </pre>
 */
public final class PinnedSynthesisBench {
    private PinnedSynthesisBench() {
    }

    public static void main(String[] args) {
        SeededBenchArgs a = SeededBenchArgs.parse(args, 5, 4);
        for (int i = 0; i < a.sets(); i++) {
            Random rnd = a.random(i);
            Protocol protocol = SeededBenchArgs.protocol(i);
            SystemSpec spec = SynthesisSpecs.pinned(rnd, a.n(), a.m(), protocol, true, 0.05 + 0.25 * rnd.nextDouble());
            long t0 = System.nanoTime();
            SynthesisResult r = new PinnedSynthesis().synthesize(spec, a.timeout());
            System.out.printf("seed %d %s: %s, %d TPUs%s, smallest slack %d ticks, %d candidates, %d ms "
                    + "(Z3 %d ms, re-verification %d ms)%n", a.seed(i), protocol.keyword(), r.status(), r.tpusUsed(),
                    r.tpusProvedMinimal() ? " (minimal)" : "", r.smallestSlack(), r.iterations(),
                    (System.nanoTime() - t0) / 1_000_000, r.solverTime().toMillis(), r.reverifyTime().toMillis());
        }
    }
}
