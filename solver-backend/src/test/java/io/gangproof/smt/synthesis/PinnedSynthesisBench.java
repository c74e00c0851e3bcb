package io.gangproof.smt.synthesis;

import io.gangproof.spec.Protocol;
import io.gangproof.spec.SystemSpec;
import java.time.Duration;
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
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int m = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int sets = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1000;
        Duration timeout = Duration.ofSeconds(args.length > 4 ? Long.parseLong(args[4]) : 60);
        for (int i = 0; i < sets; i++) {
            Random rnd = new Random(seed + i);
            Protocol protocol = i % 2 == 0 ? Protocol.GANG_STRICT : Protocol.GANG_GREEDY;
            SystemSpec spec = SynthesisSpecs.pinned(rnd, n, m, protocol, true, 0.05 + 0.25 * rnd.nextDouble());
            long t0 = System.nanoTime();
            SynthesisResult r = new PinnedSynthesis().synthesize(spec, timeout);
            System.out.printf("seed %d %s: %s, %d TPUs%s, smallest slack %d ticks, %d candidates, %d ms "
                    + "(Z3 %d ms, re-verification %d ms)%n", seed + i, protocol.keyword(), r.status(), r.tpusUsed(),
                    r.tpusProvedMinimal() ? " (minimal)" : "", r.smallestSlack(), r.iterations(),
                    (System.nanoTime() - t0) / 1_000_000, r.solverTime().toMillis(), r.reverifyTime().toMillis());
        }
    }
}
