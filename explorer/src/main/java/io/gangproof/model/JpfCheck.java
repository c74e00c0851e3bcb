package io.gangproof.model;

import io.gangproof.model.runtime.Choices;
import io.gangproof.model.runtime.TransitionModel;
import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.TimeFormat;
import io.gangproof.spec.format.SpecWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Properties checked by Java PathFinder on the model the explorer searches: emitted,
 * compiled and run by {@link JpfRunner}, with the explorer's limits. A violation comes back as
 * JPF's path of choice answers; replaying those answers through the same model class in this
 * JVM, with a {@link TraceRecorder}, gives the job-level counterexample, as the explorer's own
 * replay does. The result has the explorer's shape, so that both are reported alike.
 */
public final class JpfCheck {
    private JpfCheck() {
    }

    /** One property; {@link #check(SystemSpec, ExplorerOptions, JpfHome, Path)} for all of them. */
    public static ExplorerResult check(SystemSpec spec, Property property, ExplorerOptions options, JpfHome home,
            Path dir) throws IOException {
        SystemSpec single = new SystemSpec(spec.name(), spec.resolution(), spec.platform(), spec.dnns(),
                spec.tasks(), spec.scheduler(), List.of(property), spec.exploration());
        return check(single, options, home, dir).get(0);
    }

    /**
     * Every property of the spec, in its order: one model for all of them (compiled once, with
     * the explorer's encoding) and one JPF run for all of them, as the explorer's one search.
     * {@code dir}: where the model, JPF's configuration and its report are written.
     */
    public static List<ExplorerResult> check(SystemSpec spec, ExplorerOptions options, JpfHome home, Path dir)
            throws IOException {
        long horizon = Horizons.resolve(spec, options.horizon());
        List<ExplorerResult> results = new ArrayList<>();
        ModelPlan plan;
        try {
            plan = ModelPlan.of(spec, spec.properties(), horizon, options.analysisBounds());
        } catch (UnmodellableSpecException e) {
            for (Property p : spec.properties()) {
                results.add(new ExplorerResult.Unknown(p, SpecWriter.describe(spec, p), "the model cannot express "
                        + "this spec, so JPF cannot check it: " + e.getMessage(), 0));
            }
            return results;
        }
        JpfRunner.JpfOutcome outcome = null;
        ModelGenerator.GeneratedModel generated = null;
        if (!plan.properties().isEmpty()) {
            generated = ModelGenerator.generate(plan);
            EmittedModel emitted = ModelEmitter.write(spec, dir, plan, generated, horizon);
            outcome = JpfRunner.run(emitted, home, Explorer.limits(spec, options));
        }
        for (Property p : spec.properties()) {
            results.add(result(spec, plan, generated, outcome, p, horizon));
        }
        return results;
    }

    private static ExplorerResult result(SystemSpec spec, ModelPlan plan, ModelGenerator.GeneratedModel generated,
            JpfRunner.JpfOutcome outcome, Property property, long horizon) {
        for (ModelPlan.SkippedProperty s : plan.skipped()) {
            if (s.property().equals(property)) {
                return new ExplorerResult.Unknown(property, s.description(), s.reason(), 0);
            }
        }
        ModelPlan.ModelledProperty mp = plan.properties().stream().filter(x -> x.property().equals(property))
                .findFirst().orElseThrow();
        List<Integer> path = outcome.violations().get(mp.index());
        if (path != null) {
            return new ExplorerResult.Violated(property, mp.description(), horizon, outcome.states(),
                    replay(spec, Explorer.instantiate(generated), mp.index(), path, outcome.report()));
        }
        if (outcome.limitHit().isPresent()) {
            return new ExplorerResult.Unknown(property, mp.description(), "JPF: " + outcome.limitHit().get()
                    + " before the horizon " + TimeFormat.of(spec).format(horizon), outcome.states());
        }
        return new ExplorerResult.HoldsUpTo(property, mp.description(), horizon, outcome.states(),
                Explorer.nondeterminism(spec));
    }

    /** The answers JPF gave, in order; a choice between one option asks nothing (as in the entry point). */
    private static final class Answers implements Choices {
        private final List<Integer> answers;
        private int next;

        Answers(List<Integer> answers) {
            this.answers = answers;
        }

        @Override
        public int choose(int n) {
            if (n <= 1) {
                return 0;
            }
            if (next == answers.size()) {
                throw new IllegalStateException("internal error: JPF's path has fewer choices than its behaviour");
            }
            int a = answers.get(next++);
            if (a < 0 || a >= n) {
                throw new IllegalStateException("internal error: JPF's answer " + a + " is not a choice among " + n);
            }
            return a;
        }

        boolean used() {
            return next == answers.size();
        }
    }

    /**
     * Steps the model with JPF's answers, canonical form after each step as in the entry point,
     * up to the violation of property {@code p} (the model's index).
     */
    static Counterexample replay(SystemSpec spec, TransitionModel model, int p, List<Integer> answers, Path report) {
        TraceRecorder recorder = new TraceRecorder(spec);
        Answers choices = new Answers(answers);
        int[] buffer = new int[model.maxEncodedLength()];
        model.reset();
        while (model.time() < model.horizon()) {
            long violated = model.step(choices, recorder) & (1L << p);
            if (violated != 0L) {
                if (!choices.used()) {
                    throw new IllegalStateException("internal error: JPF's path goes on after the violation");
                }
                return new Counterexample(model.violationMessage(p), model.violationTime(p), recorder.records());
            }
            model.decode(buffer, 0, model.encode(buffer));
        }
        throw new IllegalStateException("internal error: JPF's path (" + report + ") replays to no violation");
    }
}
