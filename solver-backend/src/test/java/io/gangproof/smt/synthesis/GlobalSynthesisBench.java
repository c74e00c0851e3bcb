package io.gangproof.smt.synthesis;

import io.gangproof.spec.Protocol;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import java.time.Duration;
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
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int m = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int sets = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1000;
        Duration timeout = Duration.ofSeconds(args.length > 4 ? Long.parseLong(args[4]) : 60);
        for (int i = 0; i < sets; i++) {
            Random rnd = new Random(seed + i);
            Protocol protocol = i % 2 == 0 ? Protocol.GANG_STRICT : Protocol.GANG_GREEDY;
            SystemSpec spec = SynthesisSpecs.global(rnd, n, m, protocol, 0.05 + 0.25 * rnd.nextDouble());
            long vectors = 1;
            for (Task t : spec.tasks()) {
                vectors = Math.multiplyExact(vectors, GlobalSynthesis.levels(spec, t).size());
            }
            long t0 = System.nanoTime();
            SynthesisResult r = new GlobalSynthesis().synthesize(spec, timeout);
            System.out.printf("seed %d %s: %d level vectors, %s, smallest slack %d ticks, %d candidates, %d ms "
                    + "(re-verification %d ms)%n", seed + i, protocol.keyword(), vectors, r.status(),
                    r.smallestSlack(), r.iterations(), (System.nanoTime() - t0) / 1_000_000,
                    r.reverifyTime().toMillis());
        }
    }
}
