package io.gangproof.artifacts;

import io.gangproof.analysis.AnalysisCatalog;
import io.gangproof.analysis.AnalysisResult;
import io.gangproof.analysis.GlobalSerialResponseTime;
import io.gangproof.analysis.ResponseTimeAnalysis;
import io.gangproof.analysis.TaskBound;
import io.gangproof.analysis.Witness;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.Scheduler;
import io.gangproof.spec.SystemSpec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Diagnosis for the tightness study without the explorer (not run by the build): the study's
 * sets, every registered global fp test's accepted count per bin, and for each set the first
 * test rejects, which task fails first (its priority rank) and which term of the wait condition
 * is largest there (carry-in or higher-priority workload). A sound test accepts only exactly
 * schedulable sets, so the accepted counts divided by the study's {@code exact_accepted} are its
 * ratios. Usage: {@code TightnessAcceptanceReport studies/tightness.json [protocol] [exact|serial-exact]};
 * {@code serial-exact} runs the explorer on the sets only {@code global-fp-serial} accepts.
 */
public final class TightnessAcceptanceReport {
    private TightnessAcceptanceReport() {
    }

    public static void main(String[] args) {
        Experiment e = Experiment.load(Path.of(args[0]));
        Protocol protocol = args.length > 1 && args[1].equals("gang-greedy") ? Protocol.GANG_GREEDY : Protocol.GANG_STRICT;
        boolean exact = args.length > 2 && args[2].equals("exact");
        // Cross-check of the serialised test: explore only the sets it alone accepts.
        boolean serialExact = args.length > 2 && args[2].equals("serial-exact");
        Scheduler scheduler = new Scheduler(Placement.GLOBAL, Policy.FP, protocol);
        TaskSetGenerator gen = new TaskSetGenerator(e);
        SystemSpec sample = TightnessStudy.retarget(gen.generate(0, 0).spec(), scheduler);
        // The serialised test (docs/analysis.md §5e) applies per set, not per sample: its own columns.
        List<ResponseTimeAnalysis> tests = AnalysisCatalog.all().stream()
                .filter(a -> a.appliesTo(sample) && !(a instanceof GlobalSerialResponseTime)).toList();
        GlobalSerialResponseTime serial = new GlobalSerialResponseTime();
        int bins = e.points().size();
        long[][] accepted = new long[tests.size()][bins];
        // the study's assignment series, by the test they verify with
        java.util.Map<String, io.gangproof.analysis.GlobalPriorityAssignment> assignments = TightnessStudy.assignments(
                new TightnessStudy.Variant("report", scheduler, tests, true));
        long[][] assigned = new long[assignments.size()][bins];
        long[] samples = new long[bins];
        long[] best = new long[bins];
        long[] serialAccepted = new long[bins];
        long[] bestWithSerial = new long[bins];
        long[] serialOnlyExplored = new long[bins];
        long[] serialOnlyExactOk = new long[bins];
        Map<String, Long> firstFail = new LinkedHashMap<>();
        for (int p = 0; p < bins; p++) {
            for (int s = 0; s < e.samplesPerPoint(); s++) {
                TaskSetGenerator.Generated set = gen.generate(p, s);
                int bin = Runner.bin(e.points(), set.utilisation());
                samples[bin]++;
                SystemSpec spec = TightnessStudy.retarget(set.spec(), scheduler);
                int a = 0;
                for (io.gangproof.analysis.GlobalPriorityAssignment pa : assignments.values()) {
                    assigned[a++][bin] += pa.assign(spec).found() ? 1 : 0;
                }
                boolean any = false;
                for (int t = 0; t < tests.size(); t++) {
                    AnalysisResult r = tests.get(t).analyze(spec);
                    if (r.allSchedulable()) {
                        any = true;
                        accepted[t][bin]++;
                    } else if (t == tests.size() - 1) {
                        firstFail.merge(e.points().get(bin) + " " + failure(spec, r), 1L, Long::sum);
                        if (exact) {
                            exactDetail(e, spec, r, e.points().get(bin).toString());
                        }
                    }
                }
                boolean bySerial = serial.analyze(spec).allSchedulable();
                best[bin] += any ? 1 : 0;
                serialAccepted[bin] += bySerial ? 1 : 0;
                bestWithSerial[bin] += any || bySerial ? 1 : 0;
                if (serialExact && bySerial && !any) {
                    serialOnlyExplored[bin]++;
                    serialOnlyExactOk[bin] += ExplorerMethod.outcome(ExplorerMethod.explore(spec, e.explorer()))
                            == Outcome.ACCEPTED ? 1 : 0;
                }
            }
        }
        StringBuilder out = new StringBuilder("point,samples");
        tests.forEach(t -> out.append(',').append(t.name()));
        out.append(",best,").append(serial.name()).append(",best+serial");
        assignments.keySet().forEach(t -> out.append(',').append(t).append(TightnessStudy.ASSIGNED));
        out.append('\n');
        for (int b = 0; b < bins; b++) {
            out.append(e.points().get(b)).append(',').append(samples[b]);
            for (long[] a : accepted) {
                out.append(',').append(a[b]);
            }
            out.append(',').append(best[b]).append(',').append(serialAccepted[b]).append(',').append(bestWithSerial[b]);
            for (long[] a : assigned) {
                out.append(',').append(a[b]);
            }
            out.append('\n');
        }
        if (serialExact) {
            out.append("\nsets only ").append(serial.name()).append(" accepts: point, explored, exactly schedulable\n");
            for (int b = 0; b < bins; b++) {
                out.append(e.points().get(b)).append(',').append(serialOnlyExplored[b]).append(',')
                        .append(serialOnlyExactOk[b]).append('\n');
            }
        }
        out.append("\nrejections by the last test (").append(tests.get(tests.size() - 1).name())
                .append("): point, rank of the first failing task, width, dominant term\n");
        firstFail.forEach((k, v) -> out.append(k).append(": ").append(v).append('\n'));
        System.out.print(out);
    }

    /** Rank (0 = highest priority) and width of the first failing task, and its larger term. */
    private static String failure(SystemSpec spec, AnalysisResult r) {
        List<io.gangproof.spec.Task> byPrio = spec.tasksByPriority();
        for (int x = 0; x < byPrio.size(); x++) {
            TaskBound b = r.task(byPrio.get(x).name()).orElseThrow();
            if (b.outcome() != io.gangproof.analysis.Outcome.SCHEDULABLE) {
                String term = "no bound";
                if (b.witness() instanceof Witness.Gang g) {
                    long hp = g.interference().stream().mapToLong(f -> f.weight() * f.count() * f.workload()).sum();
                    term = g.carryIn() >= hp ? "carry-in" : "hp";
                }
                return "rank " + x + " k " + level(byPrio.get(x)) + " " + term;
            }
        }
        return "none";
    }

    /**
     * For a set the last test rejects and the explorer accepts: per task by priority its width,
     * C, T, the test's bound and the exact worst-case response (explorer, as the study).
     */
    private static void exactDetail(Experiment e, SystemSpec spec, AnalysisResult r, String point) {
        if (ExplorerMethod.outcome(ExplorerMethod.explore(spec, e.explorer())) != Outcome.ACCEPTED) {
            return;
        }
        Experiment.ExplorerSettings x = e.explorer();
        long hyper = spec.hyperperiod().orElseThrow();
        long maxPeriod = spec.tasks().stream().mapToLong(io.gangproof.spec.Task::period).max().orElse(1);
        long horizon = 2 * maxPeriod + x.horizonHyperperiods() * hyper;
        StringBuilder b = new StringBuilder("exact-ok " + point + ":");
        for (io.gangproof.spec.Task t : spec.tasksByPriority()) {
            TaskBound tb = r.task(t.name()).orElseThrow();
            io.gangproof.model.MaxResponseTime mr = io.gangproof.model.Explorer.maxResponseTime(spec, t.name(),
                    io.gangproof.model.ExplorerOptions.DEFAULTS.withHorizon(horizon).withMaxStates(x.maxStates())
                            .withMemoryBytes(x.memoryMiB() << 20));
            String arg = tb.witness() instanceof Witness.Gang g ? g.argument().substring(0, 7) : "-";
            b.append(" | k").append(t.level()).append(" C").append(t.wcet()).append(" T").append(t.period())
                    .append(" R").append(tb.responseBound().map(String::valueOf).orElse("?")).append(" exact")
                    .append(mr.complete() ? mr.max().orElse(-1) : -2).append(' ').append(arg);
        }
        System.out.println(b);
    }

    private static int level(io.gangproof.spec.Task t) {
        return t.level();
    }
}
