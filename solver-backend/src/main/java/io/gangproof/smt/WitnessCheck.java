package io.gangproof.smt;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Params;
import com.microsoft.z3.Solver;
import com.microsoft.z3.Status;
import io.gangproof.analysis.AnalysisResult;
import io.gangproof.analysis.TaskBound;
import io.gangproof.analysis.Witness;
import io.gangproof.spec.SystemSpec;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import static io.gangproof.smt.SmtScript.num;
import static io.gangproof.smt.SmtScript.op;
import static io.gangproof.smt.SmtScript.or;
import static io.gangproof.smt.SmtScript.sum;
import static io.gangproof.smt.SmtScript.times;

/**
 * Checks one task's witness with Z3: the analysis' defining inequalities for the task set of the
 * spec (re-derived from the spec: {@link Partition}, {@link GangEncoding}) are written as QF_LIA SMT-LIB 2 text, the
 * witness' numbers are asserted as constants, the claim ({@code R <= limit} or {@code B <= limit})
 * is asserted too, and the text is solved. Every declared constant is pinned to a witness number
 * and every auxiliary variable ({@code ceil}/{@code floor}) is determined by its two bracketing
 * constraints, so the formula has at most one model: SAT means every inequality holds for these
 * numbers (see {@code docs/smt.md}).
 */
public final class WitnessCheck {
    /** Demand points above this make the NpEdf check Unknown rather than a huge file. */
    public static final int MAX_DEMAND_POINTS = 5000;

    private WitnessCheck() {
    }

    /**
     * What the bound must meet: {@code response <= limit}, {@code inversion <= limit} or
     * {@code overtakes <= limit} (the last for {@code JobCount} witnesses only).
     */
    public record Claim(Quantity quantity, long limit) {
        public enum Quantity {
            RESPONSE, INVERSION, OVERTAKES
        }

        public static Claim response(long limit) {
            return new Claim(Quantity.RESPONSE, limit);
        }

        public static Claim inversion(long limit) {
            return new Claim(Quantity.INVERSION, limit);
        }

        public static Claim overtakes(long limit) {
            return new Claim(Quantity.OVERTAKES, limit);
        }

        @Override
        public String toString() {
            return quantity.name().toLowerCase(java.util.Locale.ROOT) + " <= " + limit;
        }
    }

    /** The SMT-LIB 2 text of a check and the meaning of each of its assertions, in order. */
    public record Encoding(String smt, List<String> meanings) {
        public Encoding {
            meanings = List.copyOf(meanings);
        }
    }

    /** Thrown when a witness does not fit the spec's task set; the message says how. */
    public static final class Mismatch extends Exception {
        private static final long serialVersionUID = 1L;

        public Mismatch(String message) {
            super(message);
        }
    }

    /** Encodes and solves; see {@link #encode} and {@link #solve}. */
    public static WitnessVerdict check(SystemSpec spec, AnalysisResult result, TaskBound bound, Claim claim,
            Duration timeout) {
        Encoding e;
        try {
            Optional<Encoding> enc = encode(spec, result, bound, claim);
            if (enc.isEmpty()) {
                return new WitnessVerdict.Unknown("no SMT encoding for witness kind "
                        + bound.witness().getClass().getSimpleName() + " of task " + bound.task());
            }
            e = enc.get();
        } catch (Mismatch m) {
            return new WitnessVerdict.Refuted("witness does not fit the spec: " + m.getMessage());
        } catch (ArithmeticException | IllegalArgumentException x) {
            return new WitnessVerdict.Unknown("cannot encode: " + x.getMessage());
        }
        return solve(e, timeout);
    }

    /**
     * The SMT-LIB 2 text checking {@code bound}'s witness against the spec and the claim, or empty
     * for a witness kind that is not encoded ({@code None}). {@code result} is the
     * analysis result the bound belongs to (a {@code Gang} witness refers to the bounds of the
     * higher-priority tasks, and a {@code GangRounds} chain is valid only with every task's chain;
     * those must be checked separately: see {@link ProofCheck}).
     */
    public static Optional<Encoding> encode(SystemSpec spec, AnalysisResult result, TaskBound bound, Claim claim)
            throws Mismatch {
        String analysis = result.analysis();
        Witness w = bound.witness();
        if (claim.quantity() == Claim.Quantity.OVERTAKES && !(w instanceof Witness.JobCount)) {
            return Optional.empty();
        }
        if (w instanceof Witness.Gang) {
            return Optional.of(GangEncoding.encode(spec, analysis, bound, (Witness.Gang) w, claim, result));
        }
        if (w instanceof Witness.GangRounds) {
            return Optional.of(GangEncoding.encodeRounds(spec, analysis, bound, (Witness.GangRounds) w, claim, result));
        }
        if (w instanceof Witness.JobCount) {
            return Optional.of(JobCountEncoding.encode(spec, analysis, bound, (Witness.JobCount) w, claim, result));
        }
        if (w instanceof Witness.NpFp) {
            return Optional.of(npFp(spec, analysis, bound, (Witness.NpFp) w, claim));
        }
        if (w instanceof Witness.NpEdf) {
            return Optional.of(npEdf(spec, analysis, bound, (Witness.NpEdf) w, claim));
        }
        return Optional.empty();
    }

    /**
     * A check in two files: {@code shared}, which names no task and is the same text for every
     * task it serves (the processor-demand test of a pipeline, {@code label} names it), and
     * {@code own}, the task's part, which holds only if {@code shared} does. Both must be confirmed.
     */
    public record Split(String label, Encoding shared, Encoding own) {
    }

    /**
     * {@link #encode}'s check split in two ({@link Split}) for witness kinds whose bulk is shared
     * by several tasks (NpEdf: the pipeline's demand test); empty for the other kinds, which are
     * checked whole. The conjunction of the two files asserts exactly what {@link #encode}'s does.
     */
    public static Optional<Split> encodeSplit(SystemSpec spec, AnalysisResult result, TaskBound bound, Claim claim)
            throws Mismatch {
        Witness w = bound.witness();
        if (w instanceof Witness.NpEdf) {
            Witness.NpEdf e = (Witness.NpEdf) w;
            String pipeline = npEdfPartition(spec, bound, e).pipeline();
            return Optional.of(new Split("pipeline-" + pipeline, npEdfShared(spec, result.analysis(), bound, e),
                    npEdfTask(spec, result.analysis(), bound, e, claim)));
        }
        return Optional.empty();
    }

    /** Solves the text with a fresh Z3 context: SAT confirms, UNSAT refutes (naming the core), else Unknown. */
    public static WitnessVerdict solve(Encoding e, Duration timeout) {
        long ms = Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        try (Context ctx = new Context()) {
            BoolExpr[] fs = ctx.parseSMTLIB2String(e.smt(), null, null, null, null);
            Solver s = ctx.mkSolver();
            Params p = ctx.mkParams();
            p.add("timeout", (int) ms);
            s.setParameters(p);
            BoolExpr[] trackers = new BoolExpr[fs.length];
            for (int i = 0; i < fs.length; i++) {
                trackers[i] = ctx.mkBoolConst("gangproof_track_" + i);
                s.assertAndTrack(fs[i], trackers[i]);
            }
            Status st = s.check();
            if (st == Status.SATISFIABLE) {
                return new WitnessVerdict.Confirmed(e.smt());
            }
            if (st == Status.UNSATISFIABLE) {
                List<String> why = new ArrayList<>();
                for (BoolExpr c : s.getUnsatCore()) {
                    String name = c.toString();
                    int i = Integer.parseInt(name.substring("gangproof_track_".length()));
                    why.add(i < e.meanings().size() ? "[" + i + "] " + e.meanings().get(i) : name);
                }
                return new WitnessVerdict.Refuted(String.join("; ", why));
            }
            return new WitnessVerdict.Unknown("z3: " + s.getReasonUnknown() + " (timeout " + ms + " ms)");
        } catch (RuntimeException x) {
            return new WitnessVerdict.Unknown("z3 failed: " + x);
        }
    }

    // ---- partitioned non-preemptive fp ----

    private static Encoding npFp(SystemSpec spec, String analysis, TaskBound bound, Witness.NpFp w, Claim claim)
            throws Mismatch {
        // A serialised global spec is one partition of all TPUs (docs/analysis.md §5e).
        Partition part = Partition.of(spec, bound.task()).or(() -> Partition.serialised(spec)).orElseThrow(
                () -> new Mismatch("task " + bound.task() + " is not bound to a pipeline, and the spec is not a "
                        + "serialised global fp spec (2k > m for every task)"));
        int i = part.indexOf(bound.task());
        Partition.Member me = part.members().get(i);
        List<Partition.Member> hp = part.members().subList(0, i);
        List<Partition.Member> lp = part.members().subList(i + 1, part.members().size());
        // The witness must describe this task set (its numbers are then not used: the spec's are).
        expect("exec", w.exec(), me.exec());
        expect("period", w.period(), me.period());
        expect("deadline", w.deadline(), me.deadline());
        expect("jitter", w.jitter(), me.jitter());
        expect("one-time reload", w.oneTimeReload(), part.oneTimeReload());
        expectNames("higher-priority tasks", names(w.higherPriority()), memberNames(hp));
        expectNames("lower-priority tasks", names(w.lowerPriority()), memberNames(lp));
        for (int k = 0; k < hp.size(); k++) {
            Witness.Interferer x = w.higherPriority().get(k);
            expect("exec of " + x.task(), x.exec(), hp.get(k).exec());
            expect("period of " + x.task(), x.period(), hp.get(k).period());
            expect("jitter of " + x.task(), x.jitter(), hp.get(k).jitter());
        }
        for (int k = 0; k < lp.size(); k++) {
            expect("exec of " + w.lowerPriority().get(k).task(), w.lowerPriority().get(k).exec(), lp.get(k).exec());
        }
        for (int q = 0; q < w.starts().size(); q++) {
            if (w.starts().get(q).q() != q) {
                throw new Mismatch("start " + q + " is for job " + w.starts().get(q).q());
            }
        }

        SmtScript s = header(spec, analysis, bound, claim, "NpFp");
        s.comment("Task set of pipeline " + part.pipeline() + " (" + part.size() + " TPUs), from the spec; "
                + "one-time reload O = " + part.oneTimeReload());
        s.comment("  analysed task " + me.name() + ": C = " + me.exec() + ", T = " + me.period() + ", D = "
                + me.deadline() + ", J = " + me.jitter());
        List<List<Partition.Member>> kinds = kinds(hp);
        for (List<Partition.Member> kind : kinds) {
            Partition.Member h = kind.get(0);
            s.comment("  higher priority " + kindName(kind) + ": C = " + h.exec() + ", T = " + h.period() + ", J = "
                    + h.jitter());
        }
        // Only C_l matters for the blocking: one lower-priority task per value of C_l.
        Map<Long, List<Partition.Member>> lpByExec = new LinkedHashMap<>();
        for (Partition.Member l : lp) {
            lpByExec.computeIfAbsent(l.exec(), k -> new ArrayList<>()).add(l);
        }
        for (List<Partition.Member> same : lpByExec.values()) {
            s.comment("  lower priority " + (same.size() == 1 ? same.get(0).name()
                    : same.size() + " tasks from " + same.get(0).name()) + ": C = " + same.get(0).exec());
        }
        String b = pin(s, "blocking", w.blocking(), "witness: blocking B");
        String busy = pin(s, "busy_period", w.busyPeriod(), "witness: busy period L");
        String jobs = pin(s, "jobs", w.jobs(), "witness: jobs K in the busy period");
        String r = pin(s, "response_bound", bound.responseBound().orElseThrow(
                () -> new Mismatch("no response bound")), "result: response bound R");

        // B = max over lower-priority tasks of (C_l - 1), 0 when there is none.
        if (lp.isEmpty()) {
            s.assertTerm("blocking: no lower-priority task, so B = 0", op("=", b, "0"));
        } else {
            List<String> eqs = new ArrayList<>();
            for (List<Partition.Member> same : lpByExec.values()) {
                Partition.Member l = same.get(0);
                s.assertTerm("blocking: B >= C(" + l.name() + ") - 1" + (same.size() == 1 ? ""
                        : " (and of the " + (same.size() - 1) + " other tasks with this C)"),
                        op(">=", b, num(l.exec() - 1)));
                eqs.add(op("=", b, num(l.exec() - 1)));
            }
            s.assertTerm("blocking: B is one of the C_l - 1 (the maximum)", or(eqs));
        }
        String e = op("+", b, num(part.oneTimeReload()));

        // Busy period: L >= E + sum over hep j of ceil((L + J_j) / T_j) * C_j. Higher-priority tasks
        // of equal C, T and J have equal terms: one term per such kind, times the number of its tasks.
        s.comment("higher-priority tasks in " + kinds.size() + " kinds of equal C, T, J (one term per kind)");
        List<String> demand = new ArrayList<>();
        demand.add(e);
        for (List<Partition.Member> kind : kinds) {
            Partition.Member j = kind.get(0);
            String n = s.ceilDiv("busy_arrivals_" + j.name(), op("+", busy, num(j.jitter())), j.period(),
                    "busy period: arrivals of " + kindName(kind));
            demand.add(times(Math.multiplyExact(j.exec(), (long) kind.size()), n));
        }
        String own = s.ceilDiv("busy_arrivals_" + me.name(), op("+", busy, num(me.jitter())), me.period(),
                "busy period: arrivals of " + me.name());
        demand.add(times(me.exec(), own));
        s.assertTerm("busy period closes: L >= B + O + sum over hep j of ceil((L + J_j)/T_j) * C_j",
                op(">=", busy, sum(demand)));

        // K = ceil((L + J) / T), and the witness has a start for each q = 0..K-1.
        s.assertTerm("jobs: K * T >= L + J", op(">=", times(me.period(), jobs), op("+", busy, num(me.jitter()))));
        s.assertTerm("jobs: (K - 1) * T < L + J",
                op("<", times(me.period(), op("-", jobs, "1")), op("+", busy, num(me.jitter()))));
        s.assertTerm("jobs: the witness lists a start for each q = 0..K-1", op("=", jobs, num(w.starts().size())));

        for (Witness.JobStart js : w.starts()) {
            long q = js.q();
            String wq = pin(s, "w_" + q, js.w(), "witness: start bound w of job " + q);
            String rq = pin(s, "r_" + q, js.response(), "witness: response of job " + q);
            List<String> dq = new ArrayList<>();
            dq.add(e);
            dq.add(num(Math.multiplyExact(q, me.exec())));
            for (List<Partition.Member> kind : kinds) {
                Partition.Member h = kind.get(0);
                String n = s.ceilDiv("start" + q + "_arrivals_" + h.name(), op("+", wq, num(h.jitter() + 1)),
                        h.period(), "job " + q + ": arrivals of " + kindName(kind) + " by its start");
                dq.add(times(Math.multiplyExact(h.exec(), (long) kind.size()), n));
            }
            s.assertTerm("job " + q + " starts: w >= B + O + q*C + sum over hp h of ceil((w + J_h + 1)/T_h) * C_h",
                    op(">=", wq, sum(dq)));
            s.assertTerm("job " + q + ": response = J + w - q*T + C",
                    op("=", rq, op("+", num(me.jitter()), wq, num(-Math.multiplyExact(q, me.period())),
                            num(me.exec()))));
            s.assertTerm("bound: R >= response of job " + q, op(">=", r, rq));
        }

        if (claim.quantity() == Claim.Quantity.INVERSION) {
            String inv = pin(s, "inversion_bound", bound.inversionBound().orElseThrow(
                    () -> new Mismatch("no inversion bound")), "result: inversion bound I");
            s.assertTerm(lp.isEmpty() ? "inversion: no lower-priority task, so I = 0" : "inversion: I = B + O",
                    op("=", inv, lp.isEmpty() ? "0" : e));
            s.assertTerm("claim: I <= " + claim.limit(), op("<=", inv, num(claim.limit())));
        } else {
            s.assertTerm("claim: R <= " + claim.limit(), op("<=", r, num(claim.limit())));
        }
        return new Encoding(s.finish(), s.meanings());
    }

    // ---- partitioned non-preemptive edf ----

    /** The partition of {@code bound}'s task, after checking that the witness describes its task set. */
    private static Partition npEdfPartition(SystemSpec spec, TaskBound bound, Witness.NpEdf w) throws Mismatch {
        Partition part = Partition.of(spec, bound.task()).orElseThrow(
                () -> new Mismatch("task " + bound.task() + " is not bound to a pipeline"));
        List<Partition.Member> ms = part.members();
        List<String> witnessNames = new ArrayList<>();
        for (Witness.DemandTask d : w.tasks()) {
            witnessNames.add(d.task());
        }
        List<String> specNames = new ArrayList<>();
        for (Partition.Member j : ms) {
            specNames.add(j.name());
        }
        expectNames("tasks of the partition", String.join(",", new TreeSet<>(witnessNames)),
                String.join(",", new TreeSet<>(specNames)));
        if (witnessNames.size() != specNames.size()) {
            throw new Mismatch("the witness lists " + witnessNames.size() + " tasks, the partition has "
                    + specNames.size());
        }
        expect("one-time reload", w.oneTimeReload(), part.oneTimeReload());
        for (Witness.DemandTask d : w.tasks()) {
            Partition.Member j = ms.get(part.indexOf(d.task()));
            expect("exec of " + d.task(), d.exec(), j.exec());
            expect("period of " + d.task(), d.period(), j.period());
            expect("deadline of " + d.task(), d.deadline(), j.deadline());
            expect("jitter of " + d.task(), d.jitter(), j.jitter());
        }
        return part;
    }

    /** The whole NpEdf check of one task in one file: the pipeline's demand test, then the task's bound and claim. */
    private static Encoding npEdf(SystemSpec spec, String analysis, TaskBound bound, Witness.NpEdf w, Claim claim)
            throws Mismatch {
        Partition part = npEdfPartition(spec, bound, w);
        SmtScript s = header(spec, analysis, bound, claim, "NpEdf");
        npEdfDemand(s, part, w);
        npEdfClaim(s, part, bound, claim);
        return new Encoding(s.finish(), s.meanings());
    }

    /**
     * The processor-demand test of the task's pipeline alone (items 1-4 of docs/smt.md, NpEdf): it
     * names no task and no claim, so every task of the pipeline whose witness has the same numbers
     * gets the same text, which {@link ProofCheck} solves once.
     */
    private static Encoding npEdfShared(SystemSpec spec, String analysis, TaskBound bound, Witness.NpEdf w)
            throws Mismatch {
        Partition part = npEdfPartition(spec, bound, w);
        SmtScript s = new SmtScript();
        s.comment("gangproof witness check (docs/smt.md)");
        s.comment("spec: " + spec.name());
        s.comment("pipeline: " + part.pipeline() + " (the processor-demand test shared by all its tasks)");
        s.comment("analysis: " + analysis + ", witness: NpEdf");
        s.comment("claim: the task set of the pipeline passes the demand test up to the busy period L");
        s.comment("Every constant is pinned to a number, every ceil/floor variable is fixed by its two brackets,");
        s.comment("and any other variable is only bounded below and a larger value only makes the rest harder:");
        s.comment("so sat means every inequality below holds. Expected: sat.");
        npEdfDemand(s, part, w);
        return new Encoding(s.finish(), s.meanings());
    }

    /**
     * The rest of a task's NpEdf check once its pipeline's demand test ({@link #npEdfShared}) is
     * confirmed: the response bound is the deadline, and the claim.
     */
    private static Encoding npEdfTask(SystemSpec spec, String analysis, TaskBound bound, Witness.NpEdf w, Claim claim)
            throws Mismatch {
        Partition part = npEdfPartition(spec, bound, w);
        SmtScript s = header(spec, analysis, bound, claim, "NpEdf");
        s.comment("This file rests on the demand test of pipeline " + part.pipeline() + ", a separate certificate:");
        s.comment("under a passing demand test every job of the pipeline meets its deadline.");
        npEdfClaim(s, part, bound, claim);
        return new Encoding(s.finish(), s.meanings());
    }

    private static void npEdfDemand(SmtScript s, Partition part, Witness.NpEdf w) {
        List<Partition.Member> ms = part.members();
        s.comment("Task set of pipeline " + part.pipeline() + " (" + part.size() + " TPUs), from the spec; "
                + "one-time reload O = " + part.oneTimeReload());
        for (Partition.Member j : ms) {
            s.comment("  " + j.name() + ": C = " + j.exec() + ", T = " + j.period() + ", D = " + j.deadline()
                    + ", J = " + j.jitter());
        }
        String busy = pin(s, "busy_period", w.busyPeriod(), "witness: busy period L");
        // Utilisation <= 1, as sum C_j * (P / T_j) <= P with P the product of the periods.
        BigInteger prod = BigInteger.ONE;
        for (Partition.Member j : ms) {
            prod = prod.multiply(BigInteger.valueOf(j.period()));
        }
        List<String> uterms = new ArrayList<>();
        for (Partition.Member j : ms) {
            uterms.add(SmtScript.num(prod.divide(BigInteger.valueOf(j.period())).multiply(BigInteger.valueOf(j.exec()))));
        }
        s.assertTerm("utilisation: sum C_j / T_j <= 1 (times the product of the periods)",
                op("<=", sum(uterms), SmtScript.num(prod)));

        // maxBlocking = max (C_j - 1).
        String mb = s.declareInt("max_blocking");
        List<String> eqs = new ArrayList<>();
        for (Partition.Member j : ms) {
            s.assertTerm("max blocking >= C(" + j.name() + ") - 1", op(">=", mb, num(j.exec() - 1)));
            eqs.add(op("=", mb, num(j.exec() - 1)));
        }
        s.assertTerm("max blocking is one of the C_j - 1", or(eqs));
        List<String> demand = new ArrayList<>();
        demand.add(mb);
        demand.add(num(part.oneTimeReload()));
        for (Partition.Member j : ms) {
            String n = s.ceilDiv("busy_arrivals_" + j.name(), op("+", busy, num(j.jitter())), j.period(),
                    "busy period: arrivals of " + j.name());
            demand.add(times(j.exec(), n));
        }
        s.assertTerm("busy period closes: L >= maxBlocking + O + sum ceil((L + J_j)/T_j) * C_j",
                op(">=", busy, sum(demand)));

        // The points {D_j - J_j + n T_j} ∩ (0, L]; per task, the file asserts that the last listed
        // index N_j = floor((L - (D_j - J_j)) / T_j), so the listed points cover (0, L].
        TreeSet<Long> points = new TreeSet<>();
        for (Partition.Member j : ms) {
            long first = j.deadline() - j.jitter();
            long last = Math.floorDiv(w.busyPeriod() - first, j.period());
            long n0 = first > 0 ? 0 : Math.floorDiv(-first, j.period()) + 1;
            String nj = s.floorDiv("last_point_" + j.name(), op("-", busy, num(first)), j.period(),
                    "points of " + j.name() + ": last index N");
            s.assertTerm("points of " + j.name() + ": indices " + n0 + ".." + last + " (t = " + first
                    + " + n * " + j.period() + " > 0) are all listed below", op("=", nj, num(last)));
            for (long n = Math.max(0, n0); n <= last; n++) {
                points.add(Math.addExact(first, Math.multiplyExact(n, j.period())));
                if (points.size() > MAX_DEMAND_POINTS) {
                    throw new IllegalArgumentException("more than " + MAX_DEMAND_POINTS + " demand points");
                }
            }
        }
        // One ground assertion per point: each floor is a literal checked by its two brackets, and
        // the blocking at t a literal checked to be at least every ite(D_l > t, C_l - 1, 0) (a larger
        // value only makes the demand harder). No variables, so the solver evaluates it directly.
        for (long t : points) {
            List<String> checks = new ArrayList<>();
            List<String> dt = new ArrayList<>();
            dt.add(num(part.oneTimeReload()));
            long blocking = 0;
            for (Partition.Member j : ms) {
                if (j.deadline() > t) {
                    blocking = Math.max(blocking, j.exec() - 1);
                }
            }
            String bt = num(blocking);
            checks.add(op(">=", bt, "0"));
            for (Partition.Member j : ms) {
                long x = Math.addExact(t, j.jitter() - j.deadline());
                String f = num(Math.floorDiv(x, j.period()));
                checks.add(op("<=", times(j.period(), f), num(x)));
                checks.add(op(">", times(j.period(), op("+", f, "1")), num(x)));
                dt.add(op("ite", op(">=", num(t), num(j.deadline() - j.jitter())),
                        times(j.exec(), op("+", f, "1")), "0"));
                checks.add(op(">=", bt, op("ite", op(">", num(j.deadline()), num(t)), num(j.exec() - 1), "0")));
            }
            dt.add(bt);
            checks.add(op("<=", sum(dt), num(t)));
            s.assertTerm("t = " + t + ": demand + blocking + O <= t (floors checked by brackets, blocking >= "
                    + "every C_l - 1 with D_l > t)", op("and", checks.toArray(new String[0])));
        }
    }

    private static void npEdfClaim(SmtScript s, Partition part, TaskBound bound, Claim claim) throws Mismatch {
        List<Partition.Member> ms = part.members();
        Partition.Member me = ms.get(part.indexOf(bound.task()));
        String r = pin(s, "response_bound", bound.responseBound().orElseThrow(
                () -> new Mismatch("no response bound")), "result: response bound R");

        s.assertTerm("bound: under a passing demand test the response bound is the deadline, R = D",
                op("=", r, num(me.deadline())));

        if (claim.quantity() == Claim.Quantity.INVERSION) {
            String inv = pin(s, "inversion_bound", bound.inversionBound().orElseThrow(
                    () -> new Mismatch("no inversion bound")), "result: inversion bound I");
            List<Partition.Member> later = new ArrayList<>();
            for (Partition.Member j : ms) {
                if (!j.name().equals(me.name()) && j.deadline() + me.jitter() > me.deadline()) {
                    later.add(j);
                }
            }
            if (later.isEmpty()) {
                s.assertTerm("inversion: no task with a later deadline, so I = 0", op("=", inv, "0"));
            } else {
                List<String> ieq = new ArrayList<>();
                for (Partition.Member j : later) {
                    long v = j.exec() - 1 + part.oneTimeReload();
                    s.assertTerm("inversion: I >= C(" + j.name() + ") - 1 + O", op(">=", inv, num(v)));
                    ieq.add(op("=", inv, num(v)));
                }
                s.assertTerm("inversion: I is the maximum", or(ieq));
            }
            s.assertTerm("claim: I <= " + claim.limit(), op("<=", inv, num(claim.limit())));
        } else {
            s.assertTerm("claim: R <= " + claim.limit(), op("<=", r, num(claim.limit())));
        }
    }

    // ---- helpers ----

    /**
     * {@code tasks} grouped by equal exec, period and jitter, in order of first appearance: such
     * tasks have equal demand terms, so a certificate grows with the kinds of task, not the tasks.
     */
    private static List<List<Partition.Member>> kinds(List<Partition.Member> tasks) {
        Map<List<Long>, List<Partition.Member>> out = new LinkedHashMap<>();
        for (Partition.Member t : tasks) {
            out.computeIfAbsent(List.of(t.exec(), t.period(), t.jitter()), k -> new ArrayList<>()).add(t);
        }
        return new ArrayList<>(out.values());
    }

    private static String kindName(List<Partition.Member> kind) {
        return kind.size() == 1 ? kind.get(0).name()
                : kind.size() + " tasks from " + kind.get(0).name() + " (equal C, T, J)";
    }

    static SmtScript header(SystemSpec spec, String analysis, TaskBound bound, Claim claim, String kind) {
        SmtScript s = new SmtScript();
        s.comment("gangproof witness check (docs/smt.md)");
        s.comment("spec: " + spec.name());
        s.comment("task: " + bound.task());
        s.comment("analysis: " + analysis + ", witness: " + kind);
        s.comment("claim: " + claim);
        s.comment("Every constant is pinned to a number, every ceil/floor variable is fixed by its two brackets,");
        s.comment("and any other variable (blocking at t, knapsack best_c) is only bounded below and a larger");
        s.comment("value only makes the rest harder: so sat means every inequality below holds. Expected: sat.");
        return s;
    }

    static String pin(SmtScript s, String hint, long value, String meaning) {
        String v = s.declareInt(hint);
        s.assertTerm(meaning + " = " + value, op("=", v, num(value)));
        return v;
    }

    private static void expect(String what, long witness, long spec) throws Mismatch {
        if (witness != spec) {
            throw new Mismatch(what + " is " + witness + " in the witness but " + spec + " from the spec");
        }
    }

    private static void expectNames(String what, String witness, String spec) throws Mismatch {
        if (!witness.equals(spec)) {
            throw new Mismatch(what + " are [" + witness + "] in the witness but [" + spec + "] from the spec");
        }
    }

    private static String names(List<Witness.Interferer> xs) {
        List<String> out = new ArrayList<>();
        for (Witness.Interferer x : xs) {
            out.add(x.task());
        }
        return String.join(",", out);
    }

    private static String memberNames(List<Partition.Member> xs) {
        List<String> out = new ArrayList<>();
        for (Partition.Member x : xs) {
            out.add(x.name());
        }
        return String.join(",", out);
    }
}
