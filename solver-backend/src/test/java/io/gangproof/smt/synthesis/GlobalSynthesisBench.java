package io.gangproof.smt.synthesis;

import io.gangproof.spec.Protocol;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import java.util.Random;

/**
 * Global synthesis on seeded random inputs (test-scope main, not run by the build): {@code n} tasks
 * on {@code m} TPUs, levels a random subset of {@code 1..m}, load (level-1 utilisation per TPU)
 * uniform in 0.05..0.3, protocols alternating. Prints one line per set: the number of level
 * vectors, the status, the smallest slack, the candidates checked and the wall-clock times.
 *
 * <pre>
 * java -cp solver-backend/target/classes:solver-backend/target/test-classes:... \
 *      io.gangproof.smt.synthesis.GlobalSynthesisBench [n=8] [m=8] [sets=10] [first-seed=1000] [timeout-s=60]
 * </pre>
 */
public final class GlobalSynthesisBench {
    private GlobalSynthesisBench() {
    }

    public static void main(String[] args) {
        SeededBenchArgs a = SeededBenchArgs.parse(args, 8, 8);
        for (int i = 0; i < a.sets(); i++) {
            Random rnd = a.random(i);
            Protocol protocol = SeededBenchArgs.protocol(i);
            SystemSpec spec = SynthesisSpecs.global(rnd, a.n(), a.m(), protocol, 0.05 + 0.25 * rnd.nextDouble());
            long vectors = 1;
            for (Task t : spec.tasks()) {
                vectors = Math.multiplyExact(vectors, GlobalSynthesis.levels(spec, t).size());
            }
            long t0 = System.nanoTime();
            SynthesisResult r = new GlobalSynthesis().synthesize(spec, a.timeout());
            System.out.printf("seed %d %s: %d level vectors, %s, smallest slack %d ticks, %d candidates, %d ms "
                    + "(re-verification %d ms)%n", a.seed(i), protocol.keyword(), vectors, r.status(),
                    r.smallestSlack(), r.iterations(), (System.nanoTime() - t0) / 1_000_000,
                    r.reverifyTime().toMillis());
        }
    }
}
