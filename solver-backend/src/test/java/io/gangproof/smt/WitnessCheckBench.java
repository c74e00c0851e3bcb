package io.gangproof.smt;

import io.gangproof.analysis.AnalysisCatalog;
import io.gangproof.analysis.AnalysisResult;
import io.gangproof.analysis.TaskBound;
import io.gangproof.spec.SystemSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Times the witness check (encode + fresh Z3 context + parse + solve) per task of the coral
 * partitioned spec (fp and edf) and of coral-quad-strict (global gang-strict). Not a test; run with
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) io.gangproof.smt.WitnessCheckBench} from {@code solver-backend/}
 * after {@code mvn -q test-compile} and {@code mvn -q dependency:build-classpath -Dmdep.outputFile=cp.txt},
 * or from an IDE. Optional argument: a directory to save one certificate per task in.
 */
public final class WitnessCheckBench {
    private WitnessCheckBench() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = 20;
        int runs = 50;
        for (SystemSpec spec : List.of(Fixtures.load("coral-quad-partitioned.gang"), Fixtures.coralEdf(),
                Fixtures.load("coral-quad-strict.gang"), Fixtures.load("coral-quad-greedy.gang"))) {
            AnalysisResult r = AnalysisCatalog.forSpec(spec).orElseThrow().analyze(spec);
            for (TaskBound b : r.tasks()) {
                WitnessCheck.Claim claim = WitnessCheck.Claim.response(spec.task(b.task()).deadline());
                WitnessVerdict v = null;
                for (int i = 0; i < warmup; i++) {
                    v = WitnessCheck.check(spec, r, b, claim, Duration.ofSeconds(60));
                }
                long t0 = System.nanoTime();
                for (int i = 0; i < runs; i++) {
                    v = WitnessCheck.check(spec, r, b, claim, Duration.ofSeconds(60));
                }
                double ms = (System.nanoTime() - t0) / 1e6 / runs;
                int chars = v instanceof WitnessVerdict.Confirmed ? ((WitnessVerdict.Confirmed) v).certificate().length() : 0;
                System.out.printf("%-20s %-10s %-10s %8.2f ms/check  %6d chars  %s%n", r.analysis(), b.task(),
                        v.getClass().getSimpleName(), ms, chars, chars > 0 ? "" : v);
                if (args.length > 0 && v instanceof WitnessVerdict.Confirmed) {
                    Path d = Path.of(args[0]);
                    Files.createDirectories(d);
                    Files.writeString(d.resolve(spec.name() + "." + b.task() + ".smt2"),
                            ((WitnessVerdict.Confirmed) v).certificate());
                }
            }
        }
    }
}
