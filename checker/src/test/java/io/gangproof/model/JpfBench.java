package io.gangproof.model;

import io.gangproof.check.AnalysisEngine;
import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Java PathFinder against the explorer on the same model, property by property: verdict,
 * distinct states, seconds to the verdict (JPF: emission, compilation and the run; explorer:
 * the search of one property, generation included), states per second and their ratio. The
 * explorer stops early where the reachable states repeat (docs/semantics.md §13); JPF does
 * not, so their state counts agree only where both search to the horizon. Not a test: run
 * {@code checker/bench-jpf.sh [spec:horizon ...]} (default: starvation-strict at 60, 300 and
 * 1500, and the textbook specs at their own horizons).
 */
public final class JpfBench {
    private JpfBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> cases = args.length > 0 ? List.of(args) : List.of("starvation-strict:60", "starvation-strict:300",
                "starvation-strict:1500", "textbook-buttazzo-ex8-1", "textbook-buttazzo-ex8-2",
                "textbook-buttazzo-fig8-6");
        JpfHome home = JpfHome.find().orElseThrow(() -> new IllegalStateException("no jpf-core build: set JPF_HOME"));
        Path work = Files.createTempDirectory("jpf-bench");
        System.out.printf("%-28s %-24s %-11s %10s %9s %10s %10s %9s %10s %8s%n", "spec", "property", "verdict",
                "expl.states", "expl.s", "expl.st/s", "jpf.states", "jpf.s", "jpf.st/s", "st/s x");
        for (String c : cases) {
            String[] parts = c.split(":");
            SystemSpec spec = BundledSpecs.load(parts[0]);
            Map<Property, Long> bounds = AnalysisEngine.derivedBounds(spec);
            ExplorerOptions options = ExplorerOptions.DEFAULTS.withAnalysisBounds(bounds);
            if (parts.length > 1) {
                options = options.withHorizon(Long.parseLong(parts[1]));
            }
            long horizon = Horizons.resolve(spec, options.horizon());
            for (int p = 0; p < spec.properties().size(); p++) {
                Property property = spec.properties().get(p);
                long t0 = System.nanoTime();
                ExplorerResult e = Explorer.check(spec, property, options);
                double es = (System.nanoTime() - t0) / 1e9;
                long t1 = System.nanoTime();
                ExplorerResult j = JpfCheck.check(spec, property, options, home, work.resolve(parts[0] + "-" + horizon
                        + "-" + p));
                double js = (System.nanoTime() - t1) / 1e9;
                long est = states(e);
                long jst = states(j);
                String verdict = e.verdict() == j.verdict() ? e.verdict().label() : e.verdict().label() + "/" + j
                        .verdict().label();
                System.out.printf("%-28s %-24s %-11s %10d %9.2f %10.0f %10d %9.2f %10.0f %8.0f%n",
                        parts[0] + "@" + horizon, e.description(), verdict, est, es, est / es, jst, js, jst / js,
                        (est / es) / Math.max(jst / js, 1e-9));
            }
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
