package io.gangproof.analysis;

import io.gangproof.analysis.PinnedView.Pinned;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.TimeBudget;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Response-time bound for {@code pinned fp} with {@code gang-strict} or {@code gang-greedy}
 * (semantics §6; proof in {@code docs/analysis.md} §6b). Each task runs on its own TPU set
 * {@code S_i}; only one TPU of a set needs to be busy to stop a job, so the bound is sequential
 * ({@code beta = 1}, {@link JobCountWait}).
 *
 * <ul>
 * <li><b>gang-strict</b> (priority induction): the one scan stops at the first job that cannot
 * start, which may be a higher-priority job on TPUs disjoint from {@code S_i} (the indirect
 * effect). So while J waits some TPU of {@code U_i = S_i ∪ S_hp} is busy: by a higher-priority
 * job (arrived in {@code (r - R_j, r + w]}, {@code R_j <= T_j} its own bound) or by a
 * lower-priority job that started before the release and uses {@code U_i} (carry-in). Nothing
 * behind J starts. Overtakes 0; inversion: carry-in of lower-priority tasks on {@code S_i}.</li>
 * <li><b>gang-greedy</b> (first-miss, as the global gang-greedy test): J is skipped only while a
 * TPU of {@code S_i} is busy; higher-priority tasks on {@code S_i} and lower-priority tasks whose
 * set meets but does not contain {@code S_i} may start meanwhile (arrived in
 * {@code (r - D_j, r + w]} before the first miss); a lower-priority task whose set contains
 * {@code S_i} cannot start (J would fit first) and is carry-in only. Valid only if every task
 * passes.</li>
 * </ul>
 * Every job is charged {@code wcet + reload} (pessimistic when a TPU runs one DNN only).
 * {@code per-tpu-*} protocols (hold-and-wait, chains, deadlock) have no test here.
 */
public final class PinnedGangResponseTime implements ResponseTimeAnalysis {
    private final Protocol protocol;

    public PinnedGangResponseTime(Protocol protocol) {
        if (protocol.perTpu()) {
            throw new IllegalArgumentException("no pinned test for " + protocol.keyword());
        }
        this.protocol = protocol;
    }

    @Override
    public String name() {
        return "pinned-fp-" + protocol.keyword();
    }

    @Override
    public boolean appliesTo(SystemSpec spec) {
        return PinnedView.read(spec, Policy.FP, protocol, new ArrayList<>()).isEmpty();
    }

    @Override
    public AnalysisResult analyze(SystemSpec spec) {
        return analyze(spec, TimeBudget.UNLIMITED);
    }

    @Override
    public AnalysisResult analyze(SystemSpec spec, TimeBudget budget) {
        List<Pinned> ts = new ArrayList<>();
        Optional<String> na = PinnedView.read(spec, Policy.FP, protocol, ts);
        if (na.isPresent()) {
            return GlobalView.notApplicable(name(), spec, na.get());
        }
        Map<String, TaskBound> byName = new HashMap<>();
        try {
            if (protocol == Protocol.GANG_STRICT) {
                strict(ts, byName, budget);
            } else {
                greedy(ts, byName, budget);
            }
        } catch (ArithmeticException overflow) {
            byName.clear();
            for (Pinned p : ts) {
                byName.put(p.task().name(), TaskBound.unknown(p.task().name(),
                        "exact arithmetic overflowed: no bound from this test", new Witness.None("overflow")));
            }
        }
        return new AnalysisResult(name(), spec.name(), GlobalView.inSpecOrder(spec, byName));
    }

    private static void strict(List<Pinned> ts, Map<String, TaskBound> byName, TimeBudget budget) {
        List<JobCountWait.Term> hp = new ArrayList<>();
        Set<Integer> reach = new HashSet<>();
        Optional<String> unbounded = Optional.empty();
        for (int x = 0; x < ts.size(); x++) {
            if (budget.exhausted()) {
                throw new AnalysisStopped(budget, x, ts.size());
            }
            Pinned me = ts.get(x);
            ChargedTask i = me.task();
            reach.addAll(me.tpus());
            if (unbounded.isPresent()) {
                byName.put(i.name(), TaskBound.unknown(i.name(), "higher-priority task " + unbounded.get()
                        + " has no bound <= its period, so its interference is unbounded by this test",
                        new Witness.None("depends on " + unbounded.get())));
                continue;
            }
            List<ChargedTask> carry = new ArrayList<>();
            long inversion = 0;
            for (Pinned l : ts.subList(x + 1, ts.size())) {
                if (l.meets(reach)) {
                    carry.add(l.task());
                }
                if (l.meets(me.tpus())) {
                    inversion = Math.max(inversion, l.task().exec() - 1);
                }
            }
            long limit = i.period() - i.jitter() - i.exec();
            Optional<Witness.JobCount> w = limit < 0 ? Optional.empty()
                    : JobCountWait.best("priority-induction", i, 1, hp, carry, limit);
            if (w.isEmpty()) {
                byName.put(i.name(), TaskBound.unknown(i.name(), "the wait bound exceeds T - J - C = "
                        + i.time().format(Math.max(limit, 0)) + ", beyond which earlier jobs of the task would interfere",
                        new Witness.None("wait above limit")));
                unbounded = Optional.of(i.name());
                continue;
            }
            Witness.JobCount g = w.get();
            long inv = Math.min(g.waitBound(), inversion);
            byName.put(i.name(), bound(i, g, inv, 0));
            hp.add(new JobCountWait.Term(i, g.response(), true, g.response()));
        }
    }

    private static void greedy(List<Pinned> ts, Map<String, TaskBound> byName, TimeBudget budget) {
        List<Integer> order = IntStream.range(0, ts.size()).boxed().toList();
        byName.putAll(FirstMissBounds.of(order, x -> ts.get(x).task().name(), x -> greedyTask(ts, x), budget));
    }

    private static TaskBound greedyTask(List<Pinned> ts, int x) {
        Pinned me = ts.get(x);
        ChargedTask i = me.task();
        List<JobCountWait.Term> terms = new ArrayList<>();
        List<JobCountWait.Term> narrowLp = new ArrayList<>();
        List<ChargedTask> carry = new ArrayList<>();
        for (int y = 0; y < ts.size(); y++) {
            Pinned o = ts.get(y);
            if (y == x || !o.meets(me.tpus())) {
                continue;
            }
            if (y > x && o.tpus().containsAll(me.tpus())) {
                carry.add(o.task());
            } else {
                JobCountWait.Term t = new JobCountWait.Term(o.task(), o.task().deadline(), true, o.task().deadline());
                terms.add(t);
                if (y > x) {
                    narrowLp.add(t);
                }
            }
        }
        Optional<Witness.JobCount> w = FirstMissBounds.wait(i, 1, terms, carry);
        if (w.isEmpty()) {
            return FirstMissBounds.waitAboveLimit(i);
        }
        Witness.JobCount g = w.get();
        long wait = g.waitBound();
        long lpWork = g.carryIn();
        long overtakes = 0;
        for (JobCountWait.Term t : narrowLp) {
            lpWork = Ticks.add(lpWork, t.work(wait));
            // Starts in [r, r + w): arrivals in (r - D_l, r + w - 1].
            overtakes = Ticks.add(overtakes, wait == 0 ? 0 : Ticks.ceilDiv(t.span() + wait - 1, t.task().period()));
        }
        return bound(i, g, Math.min(wait, lpWork), overtakes);
    }

    /** Task {@code i}'s bound from its wait witness {@code g}; also the pinned fifo and edf tests' report. */
    static TaskBound bound(ChargedTask i, Witness.JobCount g, long inversion, long overtakes) {
        boolean ok = g.response() <= i.deadline();
        String reason = "R = " + i.time().format(g.response()) + (ok ? " <= D = " : " > D = ")
                + i.time().format(i.deadline());
        return new TaskBound(i.name(), ok ? Outcome.SCHEDULABLE : Outcome.NOT_SCHEDULABLE_BY_TEST, reason,
                Optional.of(g.response()), Optional.of(inversion), Optional.of(inversion), Optional.of(overtakes), g);
    }
}
