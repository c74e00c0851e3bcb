package io.gangproof.symbolic.cert;

import io.gangproof.spec.Bound;
import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.format.SpecWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Re-checks a zone-graph certificate against its spec (docs/symbolic.md §12), with none of the
 * engine's code: its own zones ({@link Zone}), its own one-step relation ({@link OneStep},
 * {@link Dispatch}) and the spec read through the reference scheduler's {@code ExecutableSpec}.
 * It confirms that the stored states contain the initial state, that every successor of every
 * stored state (derived here, not taken from the file) is the listed one and is LU-simulated by
 * the stored state the file names ({@link LuBounds}, {@link Zone#simulatedBy}), and that no stored
 * state violates a claimed property. Then every reachable state is simulated by a point of a
 * stored state, simulation preserves the violations checked, and every claimed property holds at
 * every instant.
 */
public final class ZoneGraphChecker {
    /** The outcome: accepted, or rejected with the first failure found. */
    public enum Outcome { ACCEPTED, REJECTED }

    /** {@code claimed}: the properties the certificate proves, as the spec writes them. */
    public record Verdict(Outcome outcome, String reason, List<String> claimed, int states, long successors) {
    }

    private ZoneGraphChecker() {
    }

    public static Verdict check(SystemSpec spec, String text) {
        try {
            return checkParsed(spec, text);
        } catch (ArithmeticException e) {
            // Only a bound near the range of long gets here: no certificate the engine writes has one.
            return rejected("a bound of the certificate overflows exact arithmetic: " + e.getMessage(), List.of(), 0,
                    0);
        }
    }

    private static Verdict checkParsed(SystemSpec spec, String text) {
        ZoneGraphFile f;
        try {
            f = ZoneGraphFile.parse(text);
        } catch (ZoneGraphFile.Malformed e) {
            return rejected("not a zone-graph certificate: " + e.getMessage(), List.of(), 0, 0);
        }
        List<String> claimed = new ArrayList<>();
        for (ZoneGraphFile.Prop p : f.props()) {
            if (p.proved()) {
                claimed.add(p.text() + analysisBound(spec, p));
            }
        }
        int n = f.states().size();
        if (!f.specHash().equals(hash(spec)) || !f.specName().equals(spec.name())) {
            return rejected("the certificate is for another spec (" + f.specName() + ", SHA-256 " + f.specHash() + ")",
                    claimed, n, 0);
        }
        CheckedModel m = new CheckedModel(spec, f.props());
        String props = properties(spec, f, m);
        if (props != null) {
            return rejected(props, claimed, n, 0);
        }
        if (!m.distinctPriorities()) {
            return rejected("tasks share a priority, which specs may not (the pending order relies on it)", claimed, n,
                    0);
        }
        String shape = shapes(f, m);
        if (shape != null) {
            return rejected(shape, claimed, n, 0);
        }
        OneStep step = new OneStep(m, f.props());
        if (f.initial() < 0 || f.initial() >= n || !covers(m, f, f.states().get(f.initial()), step.initial())) {
            return rejected("the initial state is not simulated by stored state " + f.initial(), claimed, n, 0);
        }
        long successors = 0;
        for (ZoneGraphFile.State s : f.states()) {
            String bad = Violations.of(f, m, step, s);
            if (bad != null) {
                return rejected("state " + s.id() + " violates " + bad, claimed, n, successors);
            }
            Map<String, OneStep.Successor> derived = step.successors(s);
            for (Map.Entry<String, OneStep.Successor> e : derived.entrySet()) {
                successors++;
                Integer target = s.successors().get(e.getKey());
                if (target == null) {
                    return rejected("state " + s.id() + ": successor \"" + e.getKey() + "\" is missing", claimed, n,
                            successors);
                }
                if (target < 0 || target >= n || !covers(m, f, f.states().get(target), e.getValue().node())) {
                    return rejected("state " + s.id() + ": successor \"" + e.getKey() + "\" is not simulated by"
                            + " stored state " + target, claimed, n, successors);
                }
                String stopwatch = Violations.stopwatchClaimed(f, e.getValue().stopwatch());
                if (stopwatch != null) {
                    return rejected("state " + s.id() + ": dispatch \"" + e.getKey() + "\" starts a lower-priority job"
                            + " on a TPU of a waiting job, so the zones cannot measure " + stopwatch, claimed, n,
                            successors);
                }
                if (e.getValue().deadlock()) {
                    String p = Violations.deadlockClaimed(f);
                    if (p != null) {
                        return rejected("state " + s.id() + ": dispatch \"" + e.getKey() + "\" deadlocks, violating "
                                + p, claimed, n, successors);
                    }
                }
            }
            for (String label : s.successors().keySet()) {
                if (!derived.containsKey(label)) {
                    return rejected("state " + s.id() + ": listed successor \"" + label + "\" is not a step of the"
                            + " spec", claimed, n, successors);
                }
            }
        }
        return new Verdict(Outcome.ACCEPTED, "every initial state covered, every successor of every stored state"
                + " covered, no stored state violating", claimed, n, successors);
    }

    /**
     * The sampled check of what closure cannot see (docs/symbolic.md §12): {@code runs} random
     * scenarios of the reference scheduler up to {@code horizon} (seeds {@code seed}, {@code seed + 1},
     * ...), every instant with an event must be simulated by a stored state. The first instant that does
     * not, described; empty when all do. Only for a certificate {@link #check} accepted.
     */
    public static java.util.Optional<String> uncoveredRun(SystemSpec spec, String text, int runs, long horizon,
            long seed) {
        ZoneGraphFile f;
        try {
            f = ZoneGraphFile.parse(text);
        } catch (ZoneGraphFile.Malformed e) {
            throw new IllegalArgumentException("not a zone-graph certificate: " + e.getMessage(), e);
        }
        TraceCoverage coverage = new TraceCoverage(spec, f);
        for (int r = 0; r < runs; r++) {
            java.util.Optional<String> miss = coverage.uncovered(spec,
                    io.gangproof.scheduler.scenario.RandomScenarios.generate(spec, horizon, seed + r), horizon);
            if (miss.isPresent()) {
                return miss;
            }
        }
        return java.util.Optional.empty();
    }

    /** For {@code <= bound}: the number the certificate checked, in the spec's units (it is not in the spec). */
    private static String analysisBound(SystemSpec spec, ZoneGraphFile.Prop p) {
        if (!p.text().endsWith("<= bound")) {
            return "";
        }
        return " (bound " + (p.check() == ZoneGraphFile.Check.OVERTAKES ? p.bound() + " jobs"
                : SpecWriter.time(spec, p.bound())) + ")";
    }

    private static Verdict rejected(String why, List<String> claimed, int states, long successors) {
        return new Verdict(Outcome.REJECTED, why, claimed, states, successors);
    }

    /**
     * Same discrete part, and every point of the derived zone LU-simulated by a point of the stored
     * one, under the checker's own bounds of that discrete part (docs/symbolic.md §12).
     */
    private static boolean covers(CheckedModel m, ZoneGraphFile f, ZoneGraphFile.State stored, OneStep.Node n) {
        return n.sameDiscrete(stored) && n.zone().size() == stored.zone().size()
                && n.zone().simulatedBy(stored.zone(), LuBounds.of(m, f.props(), n.arrived(), n.jobs()));
    }

    /** SHA-256 of the spec as written without its properties (they are listed one by one). */
    static String hash(SystemSpec spec) {
        SystemSpec system = new SystemSpec(spec.name(), spec.resolution(), spec.platform(), spec.dnns(), spec.tasks(),
                spec.scheduler(), List.of(), spec.exploration());
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(SpecWriter.write(system).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * Every claimed property must be one of the spec's, with the check, task and bound the spec
     * gives it (an analysis-derived {@code bound} keeps the certificate's number); null when so.
     */
    private static String properties(SystemSpec spec, ZoneGraphFile f, CheckedModel m) {
        if (f.tasks() != m.tasks) {
            return "the certificate has " + f.tasks() + " tasks, the spec " + m.tasks;
        }
        for (ZoneGraphFile.Prop p : f.props()) {
            if (p.task() < -1 || p.task() >= m.tasks || p.bound() < 0) {
                return "property \"" + p.text() + "\" names no task of the spec or a negative bound";
            }
            if (!p.proved()) {
                continue;
            }
            Property q = spec.properties().stream().filter(x -> SpecWriter.describe(spec, x).equals(p.text()))
                    .findFirst().orElse(null);
            if (q == null) {
                return "property \"" + p.text() + "\" is not a property of the spec";
            }
            int task = q.task().map(t -> spec.tasks().stream().map(x -> x.name()).toList().indexOf(t)).orElse(-1);
            ZoneGraphFile.Check check = q instanceof Property.Deadlines ? ZoneGraphFile.Check.DEADLINES
                    : q instanceof Property.DeadlockFree ? ZoneGraphFile.Check.DEADLOCK
                    : q instanceof Property.Response ? ZoneGraphFile.Check.RESPONSE
                    : q instanceof Property.Inversion ? ZoneGraphFile.Check.INVERSION : ZoneGraphFile.Check.OVERTAKES;
            boolean bounded = check != ZoneGraphFile.Check.DEADLINES && check != ZoneGraphFile.Check.DEADLOCK;
            Long declared = q.declaredBound().filter(b -> b instanceof Bound.Value).map(b -> ((Bound.Value) b).value())
                    .orElse(null);
            if (check != p.check() || task != p.task() || (bounded && declared != null && declared != p.bound())) {
                return "property \"" + p.text() + "\" is listed as " + p.check() + " of task " + p.task()
                        + " with bound " + p.bound() + ", which is not what the spec says";
            }
        }
        return null;
    }

    /** Every stored state is well formed: tasks and TPUs exist, and the zone is canonical and not empty. */
    private static String shapes(ZoneGraphFile f, CheckedModel m) {
        long all = m.tpus == 64 ? -1L : (1L << m.tpus) - 1;
        for (ZoneGraphFile.State s : f.states()) {
            if (s.lastDnn().length != (m.reloads ? m.tpus : 0)) {
                return "state " + s.id() + " does not list the last DNN of every TPU";
            }
            for (ZoneGraphFile.Job j : s.jobs()) {
                if (j.task() < 0 || j.task() >= m.tasks || (j.held() & ~all) != 0 || j.overtakes() < 0) {
                    return "state " + s.id() + " has a job of no task, or on no TPU of the platform";
                }
                // What a job may hold: a running one its TPUs; a waiting one under a per-TPU protocol a
                // proper prefix of its lock order; otherwise nothing.
                boolean holds = j.status() == ZoneGraphFile.Status.RUNNING ? j.held() != 0
                        : j.status() == ZoneGraphFile.Status.WAITING && m.perTpu
                        ? Long.bitCount(j.held()) < m.lockOrder[j.task()].length : j.held() == 0;
                if (!holds) {
                    return "state " + s.id() + " has a job holding TPUs it cannot hold in its status";
                }
            }
            if (!s.zone().canonical()) {
                return "the zone of state " + s.id() + " is empty or not in canonical form";
            }
        }
        return null;
    }
}
