package io.gangproof.analysis;

import io.gangproof.spec.Placement;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.Scheduler;
import io.gangproof.spec.SystemSpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every witness passes the checks its record documents, recomputed here from the witness numbers
 * alone (the way the Z3 back-end will check them), without calling the analysis code.
 */
class WitnessCheckTest {

    @Property(tries = 400)
    void everyWitnessChecks(@ForAll long seed) {
        Random rnd = new Random(seed);
        Scheduler[] kinds = {new Scheduler(Placement.PARTITIONED, Policy.FP, Protocol.GANG_STRICT),
            new Scheduler(Placement.PARTITIONED, Policy.EDF, Protocol.GANG_STRICT),
            new Scheduler(Placement.GLOBAL, Policy.FP, Protocol.GANG_STRICT),
            new Scheduler(Placement.GLOBAL, Policy.FP, Protocol.GANG_GREEDY)};
        Scheduler s = kinds[rnd.nextInt(kinds.length)];
        SystemSpec spec = TestSpecs.random(rnd, s);
        AnalysisResult r = AnalysisCatalog.forSpec(spec).orElseThrow().analyze(spec);
        for (TaskBound b : r.tasks()) {
            if (b.witness() instanceof Witness.NpFp) {
                check((Witness.NpFp) b.witness(), b);
            } else if (b.witness() instanceof Witness.Gang) {
                Witness.Gang g = (Witness.Gang) b.witness();
                assertThat(g.argument()).isIn("priority-induction", "first-overrun");
                check(g, b, r, spec);
                assertThat(b.responseBound()).contains(g.response());
            } else if (b.witness() instanceof Witness.GangRounds) {
                check((Witness.GangRounds) b.witness(), b, r, spec);
                net.jqwik.api.statistics.Statistics.label("greedy chain longer than round 0")
                        .collect(((Witness.GangRounds) b.witness()).rounds().size() > 1);
            } else if (b.witness() instanceof Witness.NpEdf) {
                check((Witness.NpEdf) b.witness(), b);
            } else {
                assertThat(b.responseBound()).as("a bound without a witness: %s", b).isEmpty();
            }
        }
    }

    /** The witnesses of every global variant (each carry-in rule) re-check too. */
    @Property(tries = 200)
    void everyVariantWitnessChecks(@ForAll long seed) {
        Random rnd = new Random(seed);
        Protocol protocol = rnd.nextBoolean() ? Protocol.GANG_STRICT : Protocol.GANG_GREEDY;
        SystemSpec spec = TestSpecs.random(rnd, new Scheduler(Placement.GLOBAL, Policy.FP, protocol));
        for (ResponseTimeAnalysis a : AnalysisCatalog.all()) {
            if (!a.appliesTo(spec)) {
                continue;
            }
            AnalysisResult r = a.analyze(spec);
            for (TaskBound b : r.tasks()) {
                if (b.witness() instanceof Witness.Gang) {
                    check((Witness.Gang) b.witness(), b, r, spec);
                } else if (b.witness() instanceof Witness.GangRounds) {
                    check((Witness.GangRounds) b.witness(), b, r, spec);
                }
            }
        }
    }

    /** Every analysis agrees with itself on applicability, and SCHEDULABLE always means R <= D. */
    @Property(tries = 300)
    void outcomesAreConsistent(@ForAll long seed) {
        Random rnd = new Random(seed);
        Placement p = Placement.values()[rnd.nextInt(2) == 0 ? 0 : 1];
        Scheduler s = new Scheduler(p, rnd.nextBoolean() ? Policy.FP : Policy.EDF,
                rnd.nextBoolean() ? Protocol.GANG_STRICT : Protocol.GANG_GREEDY);
        SystemSpec spec = TestSpecs.random(rnd, s);
        for (ResponseTimeAnalysis a : AnalysisCatalog.all()) {
            AnalysisResult r = a.analyze(spec);
            assertThat(r.applicable()).as("%s on %s", a.name(), s.describe()).isEqualTo(a.appliesTo(spec));
            assertThat(r.tasks()).hasSize(spec.tasks().size());
            for (TaskBound b : r.tasks()) {
                if (b.schedulable()) {
                    assertThat(b.responseBound().get()).isLessThanOrEqualTo(spec.task(b.task()).deadline());
                }
            }
        }
    }

    /**
     * The interferers' bounds come from the same result: the higher-priority tasks' (priority
     * induction), or every task's, each at most its period (first overrun).
     */
    private static void check(Witness.Gang g, TaskBound b, AnalysisResult r, SystemSpec spec) {
        GangWitnessRecheck.check(spec, b.task(), g, false, t -> r.task(t).orElseThrow().responseBound().orElseThrow());
        if (g.argument().equals("first-overrun")) {
            assertThat(r.tasks()).as("first-overrun needs a bound <= T for every task")
                    .allMatch(o -> o.responseBound().isPresent()
                            && o.responseBound().get() <= spec.task(o.task()).period());
        }
    }

    private static long ceil(long a, long b) {
        return (a + b - 1) / b;
    }

    static void check(Witness.NpFp w, TaskBound b) {
        long e = w.blocking() + w.oneTimeReload();
        long busyDemand = e + ceil(w.busyPeriod() + w.jitter(), w.period()) * w.exec();
        for (Witness.Interferer h : w.higherPriority()) {
            busyDemand += ceil(w.busyPeriod() + h.jitter(), h.period()) * h.exec();
        }
        assertThat(w.busyPeriod()).as("busy period closes").isGreaterThanOrEqualTo(busyDemand);
        assertThat(w.jobs()).isEqualTo(ceil(w.busyPeriod() + w.jitter(), w.period()));
        assertThat(w.starts()).hasSize((int) w.jobs());
        long max = 0;
        for (Witness.JobStart js : w.starts()) {
            long demand = e + js.q() * w.exec();
            for (Witness.Interferer h : w.higherPriority()) {
                demand += ceil(js.w() + h.jitter() + 1, h.period()) * h.exec();
            }
            assertThat(js.w()).as("start of job %d", js.q()).isGreaterThanOrEqualTo(demand);
            assertThat(js.response()).isEqualTo(w.jitter() + js.w() - js.q() * w.period() + w.exec());
            max = Math.max(max, js.response());
        }
        assertThat(b.responseBound()).contains(max);
        long blocking = w.lowerPriority().stream().mapToLong(l -> l.exec() - 1).max().orElse(0);
        assertThat(w.blocking()).isEqualTo(blocking);
    }

    static long workload(long length, long c, long t, long r) {
        if (length <= 0) {
            return 0;
        }
        long span = length + Math.max(r, c) - c;
        long n = span / t;
        return Math.min(length, n * c + Math.min(c, span - n * t));
    }

    /** Gang-greedy: round 0 against deadlines (and every task passes), round n against rounds before n. */
    static void check(Witness.GangRounds w, TaskBound b, AnalysisResult r, SystemSpec spec) {
        assertThat(r.allSchedulable()).as("first-miss needs every task to pass").isTrue();
        long least = Long.MAX_VALUE;
        for (int n = 0; n < w.rounds().size(); n++) {
            Witness.Gang g = w.rounds().get(n);
            final int round = n;
            GangWitnessRecheck.check(spec, b.task(), g, true, t -> {
                long used = spec.task(t).deadline();
                Witness.GangRounds other = (Witness.GangRounds) r.task(t).orElseThrow().witness();
                for (int e = 0; e < Math.min(round, other.rounds().size()); e++) {
                    used = Math.min(used, other.rounds().get(e).response());
                }
                return used;
            });
            least = Math.min(least, g.response());
        }
        assertThat(b.responseBound()).contains(least);
    }

    static void check(Witness.NpEdf w, TaskBound b) {
        long maxBlocking = 0;
        for (Witness.DemandTask t : w.tasks()) {
            maxBlocking = Math.max(maxBlocking, t.exec() - 1);
        }
        long l = maxBlocking + w.oneTimeReload();
        for (Witness.DemandTask t : w.tasks()) {
            l += ceil(w.busyPeriod() + t.jitter(), t.period()) * t.exec();
        }
        assertThat(w.busyPeriod()).isGreaterThanOrEqualTo(l);
        boolean allPass = true;
        for (long t = 1; t <= w.busyPeriod(); t++) {
            long demand = w.oneTimeReload();
            long blocking = 0;
            for (Witness.DemandTask j : w.tasks()) {
                if (t >= j.deadline() - j.jitter()) {
                    demand += ((t + j.jitter() - j.deadline()) / j.period() + 1) * j.exec();
                }
                if (j.deadline() > t) {
                    blocking = Math.max(blocking, j.exec() - 1);
                }
            }
            boolean stepPoint = false;
            for (Witness.DemandTask j : w.tasks()) {
                long first = j.deadline() - j.jitter();
                stepPoint |= t >= first && (t - first) % j.period() == 0;
            }
            if (stepPoint && demand + blocking > t) {
                allPass = false;
            }
        }
        assertThat(b.schedulable()).isEqualTo(allPass);
    }
}
