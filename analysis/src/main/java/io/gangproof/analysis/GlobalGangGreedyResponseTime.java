package io.gangproof.analysis;

import io.gangproof.spec.Protocol;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.TimeBudget;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Response-time bound for {@code global fp} with {@code gang-greedy} (semantics §6, §10).
 *
 * <p>Under gang-greedy a waiting job J of width {@code k_i} is skipped only when fewer than
 * {@code k_i} TPUs are free, and then any job behind it that fits starts: lower-priority jobs
 * overtake it (the starvation example of §6). So at every instant of J's wait at least
 * {@code m - k_i + 1} TPUs are busy, and the jobs that may start meanwhile are all
 * higher-priority jobs and the lower-priority jobs of width {@code < k_i} (a job of width
 * {@code >= k_i} cannot fit where J does not). Lower-priority jobs of width {@code >= k_i} only
 * contribute carry-in. {@link GangWaitBound} gives the wait for every admissible beta.
 *
 * <p>Lower-priority tasks have no bound yet when i is analysed, so the analysis uses the
 * first-miss argument of Bertogna &amp; Cirinei (2007, RTSS; their iterative test):
 * round 0 takes {@code R_j = D_j} for every other task; if every task then has
 * {@code R_i <= D_i}, no deadline is ever missed (consider the earliest missed deadline: every
 * job that can interfere before it meets its deadline or arrives too late to need one), and the
 * bounds are valid response bounds; later rounds replace {@code D_j} by the bounds found, which
 * stay valid. If any task fails round 0, no task gets a bound from this test: each bound relied
 * on all deadlines being met. This is what makes the starvation example fail, as it must.
 *
 * <p>Inversion: at most the wait, and at most the carry-in plus the workload of the
 * lower-priority tasks narrower than {@code k_i}. Overtakes: lower-priority jobs narrower than
 * {@code k_i} that can start inside {@code [r, r + wait)}: arrivals in
 * {@code [r + C_l - R_l, r + wait - 1]}, i.e. {@code ceil((wait + R_l - C_l) / T_l)} per task.
 */
public final class GlobalGangGreedyResponseTime implements ResponseTimeAnalysis {
    public static final String NAME = "global-fp-gang-greedy";
    private static final int REFINEMENT_ROUNDS = 16;
    /** The default carry-in rule: the tightest (docs/analysis.md §5a). */
    static final CarryInRule DEFAULT_CARRY_IN = CarryInRule.ONE_PER_TASK_DP;

    private final CarryInRule carryIn;

    public GlobalGangGreedyResponseTime() {
        this(DEFAULT_CARRY_IN);
    }

    /** A variant with its own carry-in rule (every rule is sound under the first-miss argument). */
    public GlobalGangGreedyResponseTime(CarryInRule carryIn) {
        this.carryIn = carryIn;
    }

    @Override
    public String name() {
        return carryIn == DEFAULT_CARRY_IN ? NAME : NAME + "/" + carryIn.keyword();
    }

    @Override
    public boolean appliesTo(SystemSpec spec) {
        return GlobalView.of(spec, Protocol.GANG_GREEDY).view().isPresent();
    }

    @Override
    public AnalysisResult analyze(SystemSpec spec) {
        return analyze(spec, TimeBudget.UNLIMITED);
    }

    @Override
    public AnalysisResult analyze(SystemSpec spec, TimeBudget budget) {
        GlobalView.Result gv = GlobalView.of(spec, Protocol.GANG_GREEDY);
        if (gv.view().isEmpty()) {
            return GlobalView.notApplicable(name(), spec, gv.notApplicable());
        }
        GlobalView view = gv.view().get();
        List<ChargedTask> ts = view.byPriority();
        long[] assumed = new long[ts.size()];
        for (int x = 0; x < ts.size(); x++) {
            assumed[x] = ts.get(x).deadline();
        }
        Map<String, TaskBound> byName = new HashMap<>();
        try {
            Witness.Gang[] round = round(view, assumed, "first-miss", budget, carryIn);
            List<String> failing = new ArrayList<>();
            for (int x = 0; x < ts.size(); x++) {
                if (round[x] == null || round[x].response() > ts.get(x).deadline()) {
                    failing.add(ts.get(x).name());
                }
            }
            if (!failing.isEmpty()) {
                for (int x = 0; x < ts.size(); x++) {
                    String n = ts.get(x).name();
                    String reason = failing.contains(n)
                            ? "assuming every other job meets its deadline, the wait still exceeds D - J - C"
                            : "the bound relies on every task meeting its deadlines, and " + failing
                                    + " may not (first-miss argument)";
                    byName.put(n, TaskBound.unknown(n, reason, new Witness.None(reason)));
                }
                return new AnalysisResult(name(), spec.name(), GlobalView.inSpecOrder(spec, byName));
            }
            List<List<Witness.Gang>> rounds = new ArrayList<>();
            Witness.Gang[] best = round.clone();
            for (int x = 0; x < ts.size(); x++) {
                rounds.add(new ArrayList<>(List.of(round[x])));
            }
            for (int k = 1; k <= REFINEMENT_ROUNDS; k++) {
                boolean changed = false;
                for (int x = 0; x < ts.size(); x++) {
                    if (best[x].response() < assumed[x]) {
                        assumed[x] = best[x].response();
                        changed = true;
                    }
                }
                if (!changed) {
                    break;
                }
                Witness.Gang[] next = round(view, assumed, "refined-" + k, budget, carryIn);
                for (int x = 0; x < ts.size(); x++) {
                    if (next[x] == null) {
                        // Cannot happen (smaller assumed bounds only shrink the wait); keep the chain valid anyway.
                        continue;
                    }
                    rounds.get(x).add(next[x]);
                    if (next[x].response() < best[x].response()) {
                        best[x] = next[x];
                    }
                }
            }
            for (int x = 0; x < ts.size(); x++) {
                byName.put(ts.get(x).name(), bound(view, x, new Witness.GangRounds(rounds.get(x)), assumed));
            }
        } catch (ArithmeticException overflow) {
            for (ChargedTask t : ts) {
                byName.put(t.name(), TaskBound.unknown(t.name(), "exact arithmetic overflowed: no bound from this test",
                        new Witness.None("overflow")));
            }
        }
        return new AnalysisResult(name(), spec.name(), GlobalView.inSpecOrder(spec, byName));
    }

    /** One pass over all tasks with the other tasks' response bounds {@code assumed}. */
    private static Witness.Gang[] round(GlobalView view, long[] assumed, String argument, TimeBudget budget,
            CarryInRule rule) {
        List<ChargedTask> ts = view.byPriority();
        Witness.Gang[] out = new Witness.Gang[ts.size()];
        for (int x = 0; x < ts.size(); x++) {
            if (budget.exhausted()) {
                throw new AnalysisStopped(budget, x, ts.size());
            }
            List<GangWaitBound.Interferer> higher = new ArrayList<>();
            List<GangWaitBound.Interferer> lower = new ArrayList<>();
            for (int y = 0; y < ts.size(); y++) {
                if (y != x) {
                    (y < x ? higher : lower).add(new GangWaitBound.Interferer(ts.get(y), assumed[y]));
                }
            }
            out[x] = wait(argument, rule, view.tpus(), ts.get(x), higher, lower).orElse(null);
        }
        return out;
    }

    /**
     * The wait of task i given its higher- and lower-priority tasks with their assumed response
     * bounds, or empty above {@code D - J - C}. Only the two sets matter, not the order inside
     * them: the per-level check of {@link GlobalPriorityAssignment} (round 0, {@code R_j = D_j}).
     */
    static Optional<Witness.Gang> wait(String argument, int tpus, ChargedTask i,
            List<GangWaitBound.Interferer> higher, List<GangWaitBound.Interferer> lower) {
        return wait(argument, DEFAULT_CARRY_IN, tpus, i, higher, lower);
    }

    static Optional<Witness.Gang> wait(String argument, CarryInRule rule, int tpus, ChargedTask i,
            List<GangWaitBound.Interferer> higher, List<GangWaitBound.Interferer> lower) {
        long waitLimit = i.deadline() - i.jitter() - i.exec();
        if (waitLimit < 0) {
            return Optional.empty();
        }
        List<GangWaitBound.Interferer> interferers = new ArrayList<>(higher);
        List<ChargedTask> carryOnly = new ArrayList<>();
        for (GangWaitBound.Interferer l : lower) {
            if (l.task().width() < i.width()) {
                interferers.add(l);
            } else {
                carryOnly.add(l.task());
            }
        }
        return GangWaitBound.best(argument, rule, tpus, i, i.width(), interferers, carryOnly, waitLimit);
    }

    /** The response bound a round used for the interference group of {@code l}, or 0 if none holds it. */
    private static long groupResponse(Witness.Gang round, ChargedTask l) {
        for (Witness.InterferenceGroup f : round.interference()) {
            if (f.width() == l.width() && f.exec() == l.exec() && f.period() == l.period()) {
                return f.responseUsed();
            }
        }
        return 0;
    }

    private static TaskBound bound(GlobalView view, int x, Witness.GangRounds chain, long[] assumed) {
        Witness.Gang g = chain.best();
        Witness.Gang last = chain.rounds().get(chain.rounds().size() - 1);
        List<ChargedTask> ts = view.byPriority();
        ChargedTask i = ts.get(x);
        long carryMax = 0;
        long narrowWork = 0;
        long overtakes = 0;
        for (int y = x + 1; y < ts.size(); y++) {
            ChargedTask l = ts.get(y);
            if (l.width() < i.width()) {
                // The last round charged l's whole interference group with the group's bound.
                long used = Math.max(assumed[y], groupResponse(last, l));
                narrowWork = Ticks.add(narrowWork, Ticks.workload(g.waitBound(), l.exec(), l.period(), used));
                long span = g.waitBound() + assumed[y] - l.exec();
                if (g.waitBound() > 0 && span > 0) {
                    overtakes = Ticks.add(overtakes, Ticks.ceilDiv(span, l.period()));
                }
            } else {
                carryMax = Math.max(carryMax, l.exec() - 1);
            }
        }
        long inversion = Math.min(g.waitBound(), Ticks.add(carryMax, narrowWork));
        String reason = "R = " + i.time().format(g.response()) + " <= D = " + i.time().format(i.deadline())
                + " (beta = " + g.beta() + ", "
                + g.argument() + ")";
        return new TaskBound(i.name(), Outcome.SCHEDULABLE, reason, Optional.of(g.response()), Optional.of(inversion),
                Optional.of(inversion), Optional.of(overtakes), chain);
    }
}
