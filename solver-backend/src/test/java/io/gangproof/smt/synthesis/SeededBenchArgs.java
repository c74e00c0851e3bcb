package io.gangproof.smt.synthesis;

import io.gangproof.spec.Protocol;
import java.time.Duration;
import java.util.Random;

/**
 * The command line of the global and pinned synthesis benches, {@code [n] [m] [sets] [first-seed]
 * [timeout-s]}: set {@code i} draws from {@code new Random(firstSeed + i)} and alternates the
 * protocols, gang-strict first.
 */
record SeededBenchArgs(int n, int m, int sets, long firstSeed, Duration timeout) {

    static SeededBenchArgs parse(String[] args, int defaultN, int defaultM) {
        return new SeededBenchArgs(args.length > 0 ? Integer.parseInt(args[0]) : defaultN,
                args.length > 1 ? Integer.parseInt(args[1]) : defaultM,
                args.length > 2 ? Integer.parseInt(args[2]) : 10,
                args.length > 3 ? Long.parseLong(args[3]) : 1000,
                Duration.ofSeconds(args.length > 4 ? Long.parseLong(args[4]) : 60));
    }

    long seed(int i) {
        return firstSeed + i;
    }

    Random random(int i) {
        return new Random(seed(i));
    }

    static Protocol protocol(int i) {
        return i % 2 == 0 ? Protocol.GANG_STRICT : Protocol.GANG_GREEDY;
    }
}
