package io.gangproof.smt.induction;

import static io.gangproof.smt.induction.SmtText.not;

import io.gangproof.smt.Certificates;
import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Proves a safety property of a spec for all time by k-induction over the one-step relation
 * ({@link TransitionRelation}): the candidate invariant is the goal strengthened with the
 * lemmas of {@link Invariant}; k grows from 1 to {@link #MAX_K} while only consecution fails.
 * Each obligation is an SMT-LIB 2 script that must be {@code unsat} (docs/smt.md). The
 * relation has no clock and unbounded counts, so the proof holds at every resolution.
 */
public final class KInduction {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);
    static final int MAX_K = 3;
    static final Duration SPACER_TIMEOUT = Duration.ofSeconds(10);

    private KInduction() {
    }

    /** Proves {@code property} of {@code spec}; saves the obligations under {@code certificateDir} when given. */
    public static InductionOutcome prove(SystemSpec spec, Property property, Optional<Path> certificateDir,
            Duration timeout) {
        List<String> whyNot = new ArrayList<>();
        Optional<ProtocolModel> model = ProtocolModel.of(spec, whyNot);
        if (model.isEmpty()) {
            return new InductionOutcome.NotApplicable(String.join("; ", whyNot));
        }
        Optional<SafetyGoal> goal = goal(model.get(), property, whyNot);
        if (goal.isEmpty()) {
            return new InductionOutcome.NotApplicable(String.join("; ", whyNot));
        }
        InductionOutcome o = prove(model.get(), goal.get(), timeout);
        if (o instanceof InductionOutcome.Proved p && certificateDir.isPresent()) {
            List<Path> files = new ArrayList<>();
            for (Obligation ob : p.obligations()) {
                files.add(Certificates.write(certificateDir.get(), spec, property, "induction-" + ob.name(),
                        ob.smt()));
            }
            return new InductionOutcome.Proved(p.property(), p.k(), p.lemmas(), p.obligations(), files);
        }
        return o;
    }

    /** The goal for {@code property}, or empty with the reason added to {@code whyNot}. */
    static Optional<SafetyGoal> goal(ProtocolModel m, Property property, List<String> whyNot) {
        if (property instanceof Property.DeadlockFree) {
            return Optional.of(SafetyGoal.deadlockFree());
        }
        if (property instanceof Property.Overtakes o) {
            if (!m.priorityOrder()) {
                whyNot.add("overtakes under edf or fifo: the pending order needs absolute times, which the "
                        + "relation does not keep");
                return Optional.empty();
            }
            int i = m.names().indexOf(o.taskName());
            if (i < 0) {
                whyNot.add("no task " + o.taskName());
                return Optional.empty();
            }
            return Optional.of(SafetyGoal.notOvertaken(i, o.taskName()));
        }
        whyNot.add("only deadlock-free and overtakes are encoded for induction");
        return Optional.empty();
    }

    static InductionOutcome prove(ProtocolModel m, SafetyGoal goal, Duration timeout) {
        List<Lemma> invariant = new ArrayList<>(Invariant.lemmas(m));
        invariant.addAll(goal.lemmas());
        InductionOutcome o = kInduction(m, goal, invariant, timeout);
        if (!(o instanceof InductionOutcome.Failed f) || !(f.step().equals("safety")
                || f.step().equals("consecution"))) {
            return o;
        }
        // The lemmas are too weak, or the goal is false in the relation: ask Spacer for a stronger invariant.
        Duration spacerTimeout = timeout.compareTo(SPACER_TIMEOUT) < 0 ? timeout : SPACER_TIMEOUT;
        SpacerInvariant.Answer a = SpacerInvariant.find(m, goal, spacerTimeout);
        if (a instanceof SpacerInvariant.Answer.BadReachable) {
            return new InductionOutcome.Failed(f.step(), f.reason() + "; Spacer finds a path of the relation to a "
                    + "bad state (the spec's own timing may exclude it)");
        }
        if (a instanceof SpacerInvariant.Answer.NoAnswer n) {
            return new InductionOutcome.Failed(f.step(), f.reason() + "; " + n.reason());
        }
        return withSpacer(m, goal, invariant, ((SpacerInvariant.Answer.Invariant) a).lemma(), f, timeout);
    }

    /** Re-checks Spacer's invariant with the lemmas: initiation, consecution over one instant, safety. */
    private static InductionOutcome withSpacer(ProtocolModel m, SafetyGoal goal, List<Lemma> lemmas, Lemma spacer,
            InductionOutcome.Failed before, Duration timeout) {
        List<Lemma> invariant = new ArrayList<>(lemmas);
        invariant.add(spacer);
        List<Obligation> proof = List.of(initiation(m, goal, invariant, 0), consecution(m, goal, invariant, 1),
                safety(m, goal, invariant));
        for (Obligation o : proof) {
            String answer = Z3Obligations.check(o.smt(), timeout);
            if (!answer.equals("unsat")) {
                return new InductionOutcome.Failed(before.step(), before.reason() + "; Spacer's invariant does not "
                        + "re-check at " + o.name() + " (" + answer + ")");
            }
        }
        return new InductionOutcome.Proved(goal.describe(), 1, invariant.stream().map(Lemma::name).toList(), proof,
                List.of());
    }

    private static InductionOutcome kInduction(ProtocolModel m, SafetyGoal goal, List<Lemma> invariant,
            Duration timeout) {
        List<String> names = invariant.stream().map(Lemma::name).toList();
        Obligation safety = safety(m, goal, invariant);
        String answer = Z3Obligations.check(safety.smt(), timeout);
        if (!answer.equals("unsat")) {
            return new InductionOutcome.Failed("safety", "an invariant state may be bad (" + answer + "): the "
                    + "lemmas " + names + " do not exclude " + goal.describe() + "'s bad states");
        }
        Obligation base = initiation(m, goal, invariant, 0);
        answer = Z3Obligations.check(base.smt(), timeout);
        if (!answer.equals("unsat")) {
            return new InductionOutcome.Failed(base.name(), "the initial state may break the invariant (" + answer
                    + ")" + failingLemma(m, goal, invariant, 0, true, timeout));
        }
        // 1-induction phase by phase: an instant is finishes, releases, then m dispatch steps, so
        // when each phase keeps the invariant, so does every instant (docs/smt.md).
        List<Obligation> byPhase = new ArrayList<>(List.of(base));
        for (TransitionRelation.Phase ph : TransitionRelation.Phase.values()) {
            Obligation o = phaseConsecution(m, goal, invariant, ph);
            if (Z3Obligations.check(o.smt(), timeout).equals("unsat")) {
                byPhase.add(o);
            }
        }
        if (byPhase.size() == 1 + TransitionRelation.Phase.values().length) {
            byPhase.add(safety);
            return new InductionOutcome.Proved(goal.describe(), 1, names, byPhase, List.of());
        }
        List<Obligation> proof = new ArrayList<>();
        for (int k = 1; k <= MAX_K; k++) {
            base = initiation(m, goal, invariant, k - 1);
            answer = Z3Obligations.check(base.smt(), timeout);
            if (!answer.equals("unsat")) {
                return new InductionOutcome.Failed(base.name(), "a state " + (k - 1) + " instants after the "
                        + "start may break the invariant (" + answer + ")" + failingLemma(m, goal, invariant, k - 1,
                                true, timeout));
            }
            proof.add(base);
            Obligation step = consecution(m, goal, invariant, k);
            answer = Z3Obligations.check(step.smt(), timeout);
            if (answer.equals("unsat")) {
                proof.add(step);
                proof.add(safety);
                return new InductionOutcome.Proved(goal.describe(), k, names, proof, List.of());
            }
            if (k == MAX_K) {
                return new InductionOutcome.Failed(step.name(), "the invariant is not " + k + "-inductive ("
                        + answer + ")" + failingLemma(m, goal, invariant, k, false, timeout));
            }
        }
        throw new AssertionError("unreachable");
    }

    /** Which lemma the failing obligation breaks first, for the reason of an UNKNOWN. */
    private static String failingLemma(ProtocolModel m, SafetyGoal goal, List<Lemma> invariant, int k,
            boolean fromInit, Duration timeout) {
        for (Lemma l : invariant) {
            Obligation o = fromInit ? initiation(m, goal, invariant, k, l) : consecution(m, goal, invariant, k, l);
            if (Z3Obligations.check(o.smt(), timeout).equals("sat")) {
                return "; lemma " + l.name() + " (" + l.meaning() + ") can fail";
            }
        }
        return "";
    }

    static Obligation initiation(ProtocolModel m, SafetyGoal goal, List<Lemma> invariant, int depth) {
        return initiation(m, goal, invariant, depth, null);
    }

    private static Obligation initiation(ProtocolModel m, SafetyGoal goal, List<Lemma> invariant, int depth,
            Lemma only) {
        TransitionRelation rel = new TransitionRelation(m, goal.target());
        SmtText t = header(m, goal, invariant, "initiation: every state reachable in " + depth
                + " instants from the initial one satisfies the invariant");
        List<State> s = states(t, rel, depth);
        t.assertTerm("the initial state", rel.init(s.get(0)));
        for (int j = 0; j < depth; j++) {
            rel.step(t, s.get(j), s.get(j + 1), "c" + j);
        }
        t.assertTerm("negated goal: " + what(only), not(formula(t, invariant, only, s.get(depth))));
        return new Obligation(depth == 0 ? "initiation" : "initiation-" + depth, t.finish());
    }

    static Obligation consecution(ProtocolModel m, SafetyGoal goal, List<Lemma> invariant, int k) {
        return consecution(m, goal, invariant, k, null);
    }

    private static Obligation consecution(ProtocolModel m, SafetyGoal goal, List<Lemma> invariant, int k,
            Lemma only) {
        TransitionRelation rel = new TransitionRelation(m, goal.target());
        SmtText t = header(m, goal, invariant, "consecution: " + k + " consecutive states satisfying the invariant "
                + "and one more instant lead to a state satisfying it");
        List<State> s = states(t, rel, k);
        for (int j = 0; j < k; j++) {
            t.assertTerm("hypothesis: the invariant at " + s.get(j).prefix(), defineInvariant(t, invariant,
                    s.get(j)));
        }
        for (int j = 0; j < k; j++) {
            rel.step(t, s.get(j), s.get(j + 1), "c" + j);
        }
        t.assertTerm("negated goal: " + what(only), not(formula(t, invariant, only, s.get(k))));
        return new Obligation("consecution", t.finish());
    }

    /** One phase of an instant keeps the invariant (a 1-induction consecution, split by phase). */
    static Obligation phaseConsecution(ProtocolModel m, SafetyGoal goal, List<Lemma> invariant,
            TransitionRelation.Phase phase) {
        TransitionRelation rel = new TransitionRelation(m, goal.target());
        String name = phase.name().toLowerCase(java.util.Locale.ROOT);
        SmtText t = header(m, goal, invariant, "consecution, phase " + name + ": a state satisfying the invariant "
                + "and one " + name + " phase of an instant lead to a state satisfying it");
        List<State> s = states(t, rel, 1);
        t.assertTerm("hypothesis: the invariant at s0", defineInvariant(t, invariant, s.get(0)));
        rel.phase(phase, t, s.get(0), s.get(1), "c0");
        t.assertTerm("negated goal: the invariant at s1", not(defineInvariant(t, invariant, s.get(1))));
        return new Obligation("consecution-" + name, t.finish());
    }

    static Obligation safety(ProtocolModel m, SafetyGoal goal, List<Lemma> invariant) {
        TransitionRelation rel = new TransitionRelation(m, goal.target());
        SmtText t = header(m, goal, invariant, "safety: no state satisfying the invariant violates "
                + goal.describe());
        State s = rel.state("s0");
        s.declare(t);
        t.assertTerm("hypothesis: the invariant", defineInvariant(t, invariant, s));
        t.assertTerm("a bad state of " + goal.describe(), goal.bad(t, m, s));
        return new Obligation("safety", t.finish());
    }

    private static String what(Lemma only) {
        return only == null ? "the invariant" : "lemma " + only.name();
    }

    private static String formula(SmtText t, List<Lemma> invariant, Lemma only, State s) {
        return only == null ? defineInvariant(t, invariant, s) : only.formula().apply(s);
    }

    private static List<State> states(SmtText t, TransitionRelation rel, int last) {
        List<State> s = new ArrayList<>();
        for (int j = 0; j <= last; j++) {
            State x = rel.state("s" + j);
            x.declare(t);
            s.add(x);
        }
        return s;
    }

    /** Spells the invariant out at {@code s}: one named definition per lemma, then their conjunction. */
    private static String defineInvariant(SmtText t, List<Lemma> invariant, State s) {
        List<String> parts = new ArrayList<>();
        for (Lemma l : invariant) {
            t.comment("lemma " + l.name() + ": " + l.meaning());
            parts.add(t.define("lemma_" + l.name() + "_" + s.prefix(), l.formula().apply(s)));
        }
        return t.define("invariant_" + s.prefix(), SmtText.and(parts));
    }

    private static SmtText header(ProtocolModel m, SafetyGoal goal, List<Lemma> invariant, String obligation) {
        SmtText t = new SmtText();
        t.comment("gangproof induction certificate, spec " + m.specName() + ", property " + goal.describe());
        t.comment(obligation + "; expected answer: unsat (docs/smt.md)");
        t.comment("tasks (index: name, priority, level, TPUs / lock order): " + tasks(m));
        t.comment("invariant: " + String.join(" and ", invariant.stream().map(Lemma::name).toList()));
        return t;
    }

    private static String tasks(ProtocolModel m) {
        List<String> l = new ArrayList<>();
        for (int i = 0; i < m.taskCount(); i++) {
            l.add(i + ": " + m.names().get(i) + ", " + m.priority()[i] + ", " + m.level()[i] + ", "
                    + (m.global() ? "any" : java.util.Arrays.toString(m.lockOrder()[i])));
        }
        return String.join("; ", l);
    }
}
