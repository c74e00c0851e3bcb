package io.gangproof.check;

import io.gangproof.model.Explorer;
import io.gangproof.model.ExplorerOptions;
import io.gangproof.model.ExplorerResult;
import io.gangproof.model.MaxResponseTime;
import io.gangproof.scheduler.ExecutableSpec;
import io.gangproof.smt.search.ViolationSearch;
import io.gangproof.spec.Bound;
import io.gangproof.spec.Exploration;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Property;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.Scheduler;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Verdict;
import io.gangproof.spec.parse.SpecLoader;
import io.gangproof.spec.testing.Choices;
import io.gangproof.spec.testing.SpecGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The SMT bounded violation search ({@link ViolationSearch}) against the explorer ({@link Explorer})
 * on the same specs at the same horizon. Not a test: run {@code checker/bench-smt.sh [horizon=10]
 * [random-specs=20] [seed=2026] [repetitions=5]}. For each spec (the bundled case studies the SMT
 * back-end can encode, then seeded random tiny specs) it times the explorer on all properties (one
 * search) and the SMT search on all properties (one {@link ViolationSearch.Session}: encoding and
 * every query), and the optimiser ({@code Session.maxResponse}, with its session) against
 * {@link Explorer#maxResponseTime} for the first task. Prints the median wall time of each over
 * the repetitions (after warm-up), the ratio smt/explorer per spec and the median ratios. Every
 * verdict and every largest response time must agree: a disagreement prints a MISMATCH line and
 * the exit status is 1. A spec on which the explorer hits a limit (60 s here) is reported and not
 * timed. Each spec is run once untimed before its repetitions. Wall-clock, one thread (Z3 runs in
 * this thread).
 */
public final class SmtSearchBench {
    private static final ViolationSearch.Limits LIMITS = ViolationSearch.Limits.DEFAULTS;
    /** The explorer's time limit here (a spec on which it is hit is reported, not timed). */
    private static final long EXPLORER_LIMIT_MS = 60_000;
    /** The same tiny limits as {@code SmtExplorerAgreementTest}. */
    private static final SpecGenerator.Limits TINY = new SpecGenerator.Limits(4, 3, 2, 2, 6, 3, 1, 1, true);
    private static final String[] CASE_STUDIES = {"starvation-greedy", "starvation-strict", "deadlock-per-tpu",
        "deadlock-free-ascending", "timing-anomaly", "textbook-buttazzo-ex8-1", "textbook-buttazzo-ex8-2",
        "textbook-buttazzo-fig8-6"};

    private SmtSearchBench() {
    }

    private record Named(String name, SystemSpec spec) {
    }

    private record Row(String name, int properties, double explorerMs, double smtMs, double mrExplorerMs,
            double mrSmtMs) {
    }

    private static int mismatches;

    public static void main(String[] args) throws IOException {
        long horizon = args.length > 0 ? Long.parseLong(args[0]) : 10;
        int randomSpecs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 2026;
        int reps = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        Path specsDir = Path.of(args.length > 4 ? args[4] : "case-studies/specs");

        List<Named> specs = new ArrayList<>();
        for (String cs : CASE_STUDIES) {
            Path file = specsDir.resolve(cs + ".gang");
            SystemSpec spec = SpecLoader.load(file).orThrow();
            Optional<String> why = ViolationSearch.unsupported(spec, horizon, LIMITS);
            if (why.isPresent()) {
                System.out.println("skip " + cs + ": " + why.get());
                continue;
            }
            specs.add(new Named(cs, searchable(spec)));
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        int made = 0;
        int tries = 0;
        while (made < randomSpecs && tries < 100 * Math.max(1, randomSpecs)) {
            tries++;
            SystemSpec g = SpecGenerator.generate(Choices.from(rnd.split()), TINY);
            Policy policy = Policy.values()[rnd.nextInt(Policy.values().length)];
            Protocol protocol = Protocol.values()[rnd.nextInt(Protocol.values().length)];
            if (protocol.perTpu() && g.scheduler().placement() == Placement.GLOBAL) {
                protocol = Protocol.GANG_GREEDY;
            }
            SystemSpec v = new SystemSpec(g.name(), g.resolution(), g.platform(), g.dnns(), g.tasks(),
                    new Scheduler(g.scheduler().placement(), policy, protocol),
                    SmtExplorerAgreementTest.properties(g, rnd.nextInt(5)), Exploration.DEFAULTS);
            if (!ExecutableSpec.problems(v).isEmpty() || ViolationSearch.unsupported(v, horizon, LIMITS).isPresent()) {
                continue;
            }
            specs.add(new Named("random-" + made + " (" + policy + ", " + protocol + ", " + v.tasks().size()
                    + " tasks)", v));
            made++;
        }

        // Warm-up: JIT and Z3's native library (not timed); each spec is also run once untimed
        // (checking the verdicts) before its repetitions.
        for (int w = 0; w < 3; w++) {
            runExplorer(specs.get(0).spec(), horizon);
            runSmt(specs.get(0).spec(), horizon);
        }

        System.out.printf("horizon %d, %d repetitions, medians in ms%n", horizon, reps);
        System.out.printf("%-44s %5s %10s %10s %7s   %10s %10s %7s%n", "spec", "props", "explorer", "smt",
                "ratio", "mr expl", "mr smt", "ratio");
        List<Row> rows = new ArrayList<>();
        int caseStudiesTimed = 0;
        for (int i = 0; i < specs.size(); i++) {
            Named n = specs.get(i);
            Row r = measure(n, horizon, reps);
            if (r == null) {
                continue;
            }
            rows.add(r);
            if (i < specs.size() - made) {
                caseStudiesTimed++;
            }
            System.out.printf("%-44s %5d %10.2f %10.2f %7.2f   %10.2f %10.2f %7.2f%n", r.name(), r.properties(),
                    r.explorerMs(), r.smtMs(), r.smtMs() / r.explorerMs(), r.mrExplorerMs(), r.mrSmtMs(),
                    r.mrSmtMs() / r.mrExplorerMs());
        }
        summary("case studies", rows.subList(0, caseStudiesTimed));
        summary("random specs", rows.subList(caseStudiesTimed, rows.size()));
        summary("all", rows);
        if (mismatches > 0) {
            System.out.println("MISMATCH: " + mismatches + " disagreement(s) between the SMT search and the explorer");
            System.exit(1);
        }
        System.out.println("verdicts and largest response times agree wherever both answered (" + specs.size()
                + " specs, " + rows.size() + " timed; specs on which the explorer hit a limit are not timed)");
    }

    /** The spec restricted to properties with no bound or a numeric one (analysis bounds are not searched). */
    private static SystemSpec searchable(SystemSpec s) {
        List<Property> ps = new ArrayList<>();
        for (Property p : s.properties()) {
            if (p.declaredBound().isEmpty() || p.declaredBound().get() instanceof Bound.Value) {
                ps.add(p);
            }
        }
        return new SystemSpec(s.name(), s.resolution(), s.platform(), s.dnns(), s.tasks(), s.scheduler(), ps,
                s.exploration());
    }

    private static Row measure(Named n, long horizon, int reps) {
        SystemSpec spec = n.spec();
        long t0 = System.nanoTime();
        List<ExplorerResult> explored = runExplorer(spec, horizon);
        double firstMs = (System.nanoTime() - t0) / 1e6;
        List<ViolationSearch.Outcome> smt = runSmt(spec, horizon);
        boolean explorerLimited = false;
        for (int p = 0; p < spec.properties().size(); p++) {
            Verdict e = explored.get(p).verdict();
            ViolationSearch.Outcome o = smt.get(p);
            boolean comparable = e != Verdict.UNKNOWN && !(o instanceof ViolationSearch.Unknown);
            boolean same = (e == Verdict.VIOLATED) == (o instanceof ViolationSearch.Violated);
            if (explored.get(p) instanceof ExplorerResult.Unknown) {
                explorerLimited = true;
            }
            if (!comparable) {
                System.out.println("  note " + n.name() + ": " + spec.properties().get(p) + ": explorer " + e
                        + ", smt " + o.getClass().getSimpleName() + " (not compared)");
            } else if (!same) {
                mismatches++;
                System.out.println("MISMATCH " + n.name() + ": " + spec.properties().get(p) + ": explorer " + e
                        + ", smt " + o.getClass().getSimpleName());
            }
        }
        if (explorerLimited) {
            System.out.printf("  skip %s: the explorer hit a limit after %.0f ms (%s): not timed%n", n.name(), firstMs,
                    explored.stream().filter(r -> r instanceof ExplorerResult.Unknown).findFirst()
                            .map(r -> ((ExplorerResult.Unknown) r).reason()).orElse(""));
            return null;
        }
        String task = spec.tasks().get(0).name();
        MaxResponseTime mrE = Explorer.maxResponseTime(spec, task, explorerOptions(horizon));
        ViolationSearch.MaxResponse mrS = runMaxResponse(spec, task, horizon);
        if (mrE.complete() && mrS.complete() && !mrE.max().equals(mrS.max())) {
            mismatches++;
            System.out.println("MISMATCH " + n.name() + ": largest response time of " + task + ": explorer "
                    + show(mrE.max()) + ", smt " + show(mrS.max()));
        } else if (!mrE.complete() || !mrS.complete()) {
            System.out.println("  note " + n.name() + ": largest response of " + task + " incomplete (explorer "
                    + mrE.complete() + ", smt " + mrS.complete() + ": " + mrS.reason() + ")");
        }
        double e = medianMs(reps, () -> runExplorer(spec, horizon));
        double s = medianMs(reps, () -> runSmt(spec, horizon));
        double me = medianMs(reps, () -> Explorer.maxResponseTime(spec, task, explorerOptions(horizon)));
        double ms = medianMs(reps, () -> runMaxResponse(spec, task, horizon));
        return new Row(n.name(), spec.properties().size(), e, s, me, ms);
    }

    private static List<ExplorerResult> runExplorer(SystemSpec spec, long horizon) {
        return Explorer.check(spec, explorerOptions(horizon));
    }

    private static ExplorerOptions explorerOptions(long horizon) {
        return ExplorerOptions.DEFAULTS.withHorizon(horizon).withTimeLimitMillis(EXPLORER_LIMIT_MS);
    }

    /** All properties of the spec, asked of one session (encoding included in the time). */
    private static List<ViolationSearch.Outcome> runSmt(SystemSpec spec, long horizon) {
        List<ViolationSearch.Outcome> out = new ArrayList<>();
        try (ViolationSearch.Session session = new ViolationSearch.Session(spec, horizon, LIMITS)) {
            for (Property p : spec.properties()) {
                long bound = p.declaredBound().map(b -> ((Bound.Value) b).value()).orElse(0L);
                out.add(session.search(p, bound));
            }
        }
        return out;
    }

    private static ViolationSearch.MaxResponse runMaxResponse(SystemSpec spec, String task, long horizon) {
        try (ViolationSearch.Session session = new ViolationSearch.Session(spec, horizon, LIMITS)) {
            return session.maxResponse(task);
        }
    }

    private static double medianMs(int reps, Supplier<?> run) {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            run.get();
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        return median(ms);
    }

    private static void summary(String what, List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<Double> e = new ArrayList<>();
        List<Double> s = new ArrayList<>();
        List<Double> ratio = new ArrayList<>();
        List<Double> mrRatio = new ArrayList<>();
        for (Row r : rows) {
            e.add(r.explorerMs());
            s.add(r.smtMs());
            ratio.add(r.smtMs() / r.explorerMs());
            mrRatio.add(r.mrSmtMs() / r.mrExplorerMs());
        }
        System.out.printf("%s (%d specs): median explorer %.2f ms, median smt %.2f ms, median ratio smt/explorer "
                + "%.2f (min %.2f, max %.2f); max-response median ratio smt/explorer %.2f%n", what, rows.size(),
                median(e), median(s), median(ratio), Collections.min(ratio), Collections.max(ratio),
                median(mrRatio));
    }

    private static String show(OptionalLong v) {
        return v.isPresent() ? Long.toString(v.getAsLong()) : "none";
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        int k = s.size();
        return k % 2 == 1 ? s.get(k / 2) : (s.get(k / 2 - 1) + s.get(k / 2)) / 2;
    }
}
