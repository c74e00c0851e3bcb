package io.gangproof.bench;

import io.gangproof.analysis.AnalysisCatalog;
import io.gangproof.analysis.ResponseTimeAnalysis;
import io.gangproof.check.CheckOptions;
import io.gangproof.check.SimulationEngine;
import io.gangproof.model.ExplorerEngine;
import io.gangproof.model.ExplorerOptions;
import io.gangproof.smt.ProofCheck;
import io.gangproof.smt.ProofOutcome;
import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the engines grow with the number of tasks (issue 15, "Scale benchmark"): parse, analysis,
 * simulation and explorer wall time on {@link ScaleSpecs} with 100, 1,000 and 10,000 tasks (or
 * the sizes given), and the growth exponent between sizes ({@code log(t2/t1) / log(n2/n1)}: 1 is
 * linear, 2 quadratic). Not a test; the simulation makes 5 runs, the explorer has a 10 s and 256 MiB limit.
 * Run {@code checker/bench-scale.sh [global|partitioned] [sizes...] [--analysis-only] [--proof]} from the
 * repository root: {@code --analysis-only} skips the simulation and the explorer, {@code --proof} adds
 * the Z3 witness checks of {@code deadlines} ({@link ProofCheck}) and the analysis' CPU time.
 */
public final class ScaleBench {
    private ScaleBench() {
    }

    /** The witness checks are one Z3 query per task (docs/smt.md §9): beyond this many tasks {@code --proof} is skipped. */
    private static final int MAX_PROOF_TASKS = 10_000;

    private record Row(int tasks, double parse, double analysis, double simulation, double explorer) {
    }

    public static void main(String[] args) {
        boolean partitioned = args.length > 0 && args[0].equals("partitioned");
        boolean analysisOnly = false;
        boolean proof = false;
        List<Integer> sizes = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--analysis-only")) {
                analysisOnly = true;
            } else if (args[i].equals("--proof")) {
                proof = true;
            } else {
                sizes.add(Integer.parseInt(args[i]));
            }
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        if (sizes.isEmpty()) {
            sizes = List.of(100, 1000, 10000);
        }
        ScaleSpecs.spec(50, partitioned, 1); // warm-up of the parser
        List<Row> rows = new ArrayList<>();
        for (int n : sizes) {
            long t0 = System.nanoTime();
            SystemSpec spec = ScaleSpecs.spec(n, partitioned, 1);
            long t1 = System.nanoTime();
            ResponseTimeAnalysis analysis = AnalysisCatalog.forSpec(spec).orElseThrow();
            long p1 = processCpu();
            long c1 = cpu.getCurrentThreadCpuTime();
            boolean all = analysis.analyze(spec).allSchedulable();
            long c2 = cpu.getCurrentThreadCpuTime();
            long p2 = processCpu();
            long t2 = System.nanoTime();
            Property deadlines = spec.properties().get(0);
            if (proof && n <= MAX_PROOF_TASKS) {
                long c3 = cpu.getCurrentThreadCpuTime();
                ProofOutcome po = ProofCheck.prove(spec, deadlines, Optional.empty(), ProofCheck.DEFAULT_TIMEOUT);
                long c4 = cpu.getCurrentThreadCpuTime();
                long t5 = System.nanoTime();
                System.out.printf("%6d tasks: analysis CPU %.3f s (all schedulable: %b); prove deadlines (analysis +"
                        + " Z3 witness checks) %.3f s wall, %.3f s CPU of this thread: %s%n", n, (c2 - c1) / 1e9, all,
                        s(t2, t5), (c4 - c3) / 1e9, po.getClass().getSimpleName());
            }
            if (analysisOnly) {
                rows.add(new Row(n, s(t0, t1), s(t1, t2), Double.NaN, Double.NaN));
                System.out.printf("%6d tasks (%s): parse %.3f s, analysis %s %.3f s (CPU: this thread %.3f s,"
                        + " whole process with GC %.3f s)%n", n, partitioned ? "partitioned" : "global", s(t0, t1),
                        analysis.name(), s(t1, t2), (c2 - c1) / 1e9, (p2 - p1) / 1e9);
                continue;
            }
            new SimulationEngine(5).check(spec, deadlines, CheckOptions.DEFAULTS);
            long t3 = System.nanoTime();
            String explorer = new ExplorerEngine(ExplorerOptions.DEFAULTS.withTimeLimitMillis(10_000)
                    .withMemoryBytes(256L << 20)).check(spec, deadlines, CheckOptions.DEFAULTS)
                    .flatMap(r -> r.reason()).orElse("no answer");
            long t4 = System.nanoTime();
            Row r = new Row(n, s(t0, t1), s(t1, t2), s(t2, t3), s(t3, t4));
            rows.add(r);
            System.out.printf("%6d tasks (%s): parse %.3f s, analysis %s %.3f s, simulation (5 runs) %.3f s,"
                    + " explorer %.3f s (%s)%n", n, partitioned ? "partitioned" : "global", r.parse(), analysis.name(),
                    r.analysis(), r.simulation(), r.explorer(), explorer.length() > 120 ? explorer.substring(0, 120)
                            : explorer);
        }
        for (int i = 1; i < rows.size(); i++) {
            Row a = rows.get(i - 1);
            Row b = rows.get(i);
            double x = Math.log((double) b.tasks() / a.tasks());
            System.out.printf("growth %d -> %d tasks: parse n^%.2f, analysis n^%.2f, simulation n^%.2f, explorer n^%.2f%n",
                    a.tasks(), b.tasks(), Math.log(b.parse() / a.parse()) / x, Math.log(b.analysis() / a.analysis()) / x,
                    Math.log(b.simulation() / a.simulation()) / x, Math.log(b.explorer() / a.explorer()) / x);
        }
    }

    /** CPU time of the whole JVM (every thread, the garbage collector's included), in ns. */
    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double s(long from, long to) {
        return (to - from) / 1e9;
    }
}
