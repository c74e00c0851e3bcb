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
                check(g, b);
                // priority-induction: interferers are higher priority, with their own (checked) bounds.
                assertThat(g.argument()).isEqualTo("priority-induction");
                for (Witness.GangInterferer f : g.interferers()) {
                    assertThat(spec.task(f.task()).priority()).isLessThan(spec.task(b.task()).priority());
                    assertThat(f.responseUsed()).isGreaterThanOrEqualTo(r.task(f.task()).orElseThrow().responseBound().get());
                }
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
            checkInequalities(g);
            least = Math.min(least, g.response());
            for (Witness.GangInterferer f : g.interferers()) {
                long deadline = spec.task(f.task()).deadline();
                if (n == 0) {
                    assertThat(f.responseUsed()).isEqualTo(deadline);
                } else {
                    Witness.GangRounds other = (Witness.GangRounds) r.task(f.task()).orElseThrow().witness();
                    long earlier = deadline;
                    for (int e = 0; e < Math.min(n, other.rounds().size()); e++) {
                        earlier = Math.min(earlier, other.rounds().get(e).response());
                    }
                    assertThat(f.responseUsed()).as("round %d uses an earlier bound of %s", n, f.task())
                            .isGreaterThanOrEqualTo(earlier);
                }
            }
        }
        assertThat(b.responseBound()).contains(least);
    }

    static void check(Witness.Gang w, TaskBound b) {
        checkInequalities(w);
        assertThat(b.responseBound()).contains(w.response());
    }

    static void checkInequalities(Witness.Gang w) {
        assertThat(w.beta()).isBetween(1, w.tpus() - w.headWidth() + 1);
        assertThat(w.headWidth()).isGreaterThanOrEqualTo(w.width());
        long choiceValue = 0;
        long choiceWidth = 0;
        long maxRemaining = 0;
        for (Witness.CarryInItem c : w.carryInChoice()) {
            choiceValue += c.count() * Math.min(c.width(), w.beta()) * c.remaining();
            choiceWidth += c.count() * c.width();
            maxRemaining = Math.max(maxRemaining, c.remaining());
        }
        assertThat(choiceWidth).isLessThanOrEqualTo(w.tpus());
        assertThat(w.carryIn()).isLessThanOrEqualTo(choiceValue);
        // Independent unbounded knapsack over the candidates: the carry-in must cover its optimum (or the cap).
        long[] best = new long[w.tpus() + 1];
        long capRemaining = 0;
        for (int c = 1; c <= w.tpus(); c++) {
            best[c] = best[c - 1];
            for (Witness.CarryInItem x : w.carryInCandidates()) {
                if (x.width() <= c) {
                    best[c] = Math.max(best[c], best[c - x.width()] + Math.min(x.width(), w.beta()) * x.remaining());
                }
            }
        }
        for (Witness.CarryInItem x : w.carryInCandidates()) {
            capRemaining = Math.max(capRemaining, x.remaining());
        }
        assertThat(w.carryIn()).isGreaterThanOrEqualTo(Math.min(best[w.tpus()], w.beta() * capRemaining));
        long rhs = w.carryIn();
        for (Witness.GangInterferer g : w.interferers()) {
            assertThat(g.weight()).isEqualTo(Math.min(g.width(), w.beta()));
            long wl = workload(w.waitBound() + 1, g.exec(), g.period(), g.responseUsed());
            assertThat(g.workload()).isEqualTo(wl);
            rhs += g.weight() * wl;
        }
        assertThat((long) w.beta() * (w.waitBound() + 1)).as("wait condition").isGreaterThan(rhs);
        assertThat(w.response()).isEqualTo(w.jitter() + w.waitBound() + w.exec());
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
