package io.gangproof.smt.induction;

import io.gangproof.spec.Property;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.parse.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Times each induction proof (encode, then Z3 on every obligation from its text) on every
 * bundled spec, and on the same system at 1 ms and at 1 us resolution. Not a test; run from
 * {@code solver-backend/} after {@code mvn -q test-compile} and
 * {@code mvn -q dependency:build-classpath -Dmdep.outputFile=cp.txt} with
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) io.gangproof.smt.induction.InductionBench [DIR]};
 * with DIR, the certificates are saved there (to time another solver on them).
 */
public final class InductionBench {
    private InductionBench() {
    }

    public static void main(String[] args) throws Exception {
        Optional<Path> dir = args.length > 0 ? Optional.of(Path.of(args[0])) : Optional.empty();
        for (SystemSpec s : KInductionTest.bundled()) {
            List<Property> goals = new ArrayList<>();
            goals.add(new Property.DeadlockFree());
            s.properties().stream().filter(p -> p instanceof Property.Overtakes).forEach(goals::add);
            for (Property p : goals) {
                time(s, p, dir);
            }
        }
        Path f = KInductionTest.SPECS.resolve("starvation-strict.gang");
        String text = Files.readString(f);
        for (String resolution : List.of("1 ms", "1 us")) {
            SystemSpec s = SpecLoader.loadText("starvation-strict-" + resolution.replace(" ", "") + ".gang",
                    text.replace("resolution 1 ms", "resolution " + resolution), KInductionTest.SPECS).orThrow();
            System.out.print("resolution " + resolution + ": ");
            time(s, new Property.DeadlockFree(), Optional.empty());
        }
    }

    private static void time(SystemSpec s, Property p, Optional<Path> dir) {
        int runs = 5;
        KInduction.prove(s, p, Optional.empty(), KInduction.DEFAULT_TIMEOUT);
        long t0 = System.nanoTime();
        InductionOutcome o = null;
        for (int i = 0; i < runs; i++) {
            o = KInduction.prove(s, p, dir, KInduction.DEFAULT_TIMEOUT);
        }
        double ms = (System.nanoTime() - t0) / 1e6 / runs;
        String protocol = s.scheduler().describe();
        System.out.printf("%-26s %-34s %-26s %-10s %8.1f ms%n", s.name(), protocol, p.getClass().getSimpleName()
                + p.task().map(t -> "(" + t + ")").orElse(""), o.getClass().getSimpleName(), ms);
        if (s.scheduler().protocol() == Protocol.PER_TPU_LISTED && o instanceof InductionOutcome.Failed f) {
            System.out.println("    " + f.step() + ": " + f.reason());
        }
    }
}
