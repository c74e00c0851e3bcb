package io.gangproof.model;

import io.gangproof.check.AnalysisEngine;
import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Java PathFinder against the explorer on the same model, all properties of a spec at once
 * (one search each, as {@code check} runs them): distinct states, seconds to the verdicts
 * (JPF: emission, compilation and the run; explorer: generation, compilation and the
 * search), on the clock and in CPU time of the thread (what one core did, whatever else
 * shares the machine), states per CPU second and their ratio, and whether every verdict
 * agrees. The explorer stops early where the reachable states repeat (docs/semantics.md §13);
 * JPF does not, so their state counts agree only where both search to the horizon. Not a
 * test: run {@code checker/bench-jpf.sh [spec[:horizon][/property] ...]} (default: starvation-strict
 * at 60, 300 and 1500, the textbook specs at their own horizons, and coral-quad-greedy's overtake,
 * property 3, alone: both stop at its violation, so their times are the times to it). The spec's
 * own {@code limit time} is left out (each engine gets five minutes).
 */
public final class JpfBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private JpfBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> cases = args.length > 0 ? List.of(args) : List.of("starvation-strict:60", "starvation-strict:300",
                "starvation-strict:1500", "textbook-buttazzo-ex8-1", "textbook-buttazzo-ex8-2",
                "textbook-buttazzo-fig8-6", "coral-quad-greedy/3");
        JpfHome home = JpfHome.find().orElseThrow(() -> new IllegalStateException("no jpf-core build: set JPF_HOME"));
        Path work = Files.createTempDirectory("jpf-bench");
        System.out.printf("load average %.1f on %d cores%n", ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
        System.out.printf("%-30s %5s %-8s %10s %8s %8s %10s %10s %8s %8s %10s %7s%n", "spec", "props", "verdicts",
                "expl.states", "expl.s", "expl.cpu", "expl.st/cs", "jpf.states", "jpf.s", "jpf.cpu", "jpf.st/cs",
                "ratio");
        for (String c : cases) {
            // spec[:horizon][/property]: one property alone (its index in the spec) ends each search at its verdict
            String[] parts = c.split("/")[0].split(":");
            SystemSpec spec = BundledSpecs.load(parts[0]);
            if (c.contains("/")) {
                Property only = spec.properties().get(Integer.parseInt(c.split("/")[1]));
                spec = new SystemSpec(spec.name(), spec.resolution(), spec.platform(), spec.dnns(), spec.tasks(),
                        spec.scheduler(), List.of(only), spec.exploration());
            }
            Map<Property, Long> bounds = AnalysisEngine.derivedBounds(spec);
            ExplorerOptions options = ExplorerOptions.DEFAULTS.withAnalysisBounds(bounds)
                    .withTimeLimitMillis(Explorer.DEFAULT_TIME_LIMIT_MILLIS);
            if (parts.length > 1) {
                options = options.withHorizon(Long.parseLong(parts[1]));
            }
            long horizon = Horizons.resolve(spec, options.horizon());
            long w0 = System.nanoTime();
            long c0 = THREADS.getCurrentThreadCpuTime();
            List<ExplorerResult> e = Explorer.check(spec, options);
            double es = (System.nanoTime() - w0) / 1e9;
            double ec = (THREADS.getCurrentThreadCpuTime() - c0) / 1e9;
            long w1 = System.nanoTime();
            long c1 = THREADS.getCurrentThreadCpuTime();
            List<ExplorerResult> j = JpfCheck.check(spec, options, home, work.resolve(parts[0] + "-" + horizon));
            double js = (System.nanoTime() - w1) / 1e9;
            double jc = (THREADS.getCurrentThreadCpuTime() - c1) / 1e9;
            int agree = 0;
            for (int p = 0; p < e.size(); p++) {
                agree += e.get(p).verdict() == j.get(p).verdict() ? 1 : 0;
                if (e.get(p).verdict() != j.get(p).verdict()) {
                    System.out.println("  DISAGREE " + e.get(p).description() + ": explorer " + e.get(p).verdict()
                            + ", jpf " + j.get(p).verdict());
                }
            }
            long est = e.stream().mapToLong(JpfBench::states).max().orElse(0);
            long jst = j.stream().mapToLong(JpfBench::states).max().orElse(0);
            System.out.printf("%-30s %5d %-8s %10d %8.2f %8.2f %10.0f %10d %8.2f %8.2f %10.0f %7.0f%n",
                    c.split("/")[0] + "@" + horizon + (c.contains("/") ? "/" + c.split("/")[1] : ""), e.size(), agree + "/" + e.size() + " ok", est, es, ec, est / ec, jst, js,
                    jc, jst / jc, (est / ec) / Math.max(jst / jc, 1e-9));
        }
    }

    private static long states(ExplorerResult r) {
        if (r instanceof ExplorerResult.HoldsUpTo h) {
            return h.states();
        }
        if (r instanceof ExplorerResult.Proved p) {
            return p.states();
        }
        if (r instanceof ExplorerResult.Violated v) {
            return v.states();
        }
        return ((ExplorerResult.Unknown) r).states();
    }
}
