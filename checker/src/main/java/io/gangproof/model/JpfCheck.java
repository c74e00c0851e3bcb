package io.gangproof.model;

import io.gangproof.model.runtime.Choices;
import io.gangproof.model.runtime.StepObserver;
import io.gangproof.model.runtime.TransitionModel;
import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.format.SpecWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One property checked by Java PathFinder on the model the explorer searches: emitted,
 * compiled and run by {@link JpfRunner}, with the explorer's limits. A violation comes back as
 * JPF's path of choice answers; replaying those answers through the same model class in this
 * JVM, with a {@link TraceRecorder}, gives the job-level counterexample, as the explorer's own
 * replay does. The result has the explorer's shape, so that both are reported alike.
 */
public final class JpfCheck {
    private JpfCheck() {
    }

    /** {@code dir}: where the model, JPF's configuration and its report are written. */
    public static ExplorerResult check(SystemSpec spec, Property property, ExplorerOptions options, JpfHome home,
            Path dir) throws IOException {
        String description = SpecWriter.describe(spec, property);
        long horizon = Horizons.resolve(spec, options.horizon());
        SystemSpec single = new SystemSpec(spec.name(), spec.resolution(), spec.platform(), spec.dnns(),
                spec.tasks(), spec.scheduler(), List.of(property), spec.exploration());
        ModelPlan plan;
        try {
            plan = ModelPlan.of(single, single.properties(), horizon, options.analysisBounds());
        } catch (UnmodellableSpecException e) {
            return new ExplorerResult.Unknown(property, description, "the model cannot express this spec, so JPF "
                    + "cannot check it: " + e.getMessage(), 0);
        }
        if (plan.properties().isEmpty()) {
            ModelPlan.SkippedProperty s = plan.skipped().get(0);
            return new ExplorerResult.Unknown(property, s.description(), s.reason(), 0);
        }
        ModelGenerator.GeneratedModel generated = ModelGenerator.generate(plan);
        EmittedModel emitted = ModelEmitter.write(single, dir, plan, generated, horizon);
        JpfRunner.JpfOutcome outcome = JpfRunner.run(emitted, home, Explorer.limits(spec, options)).get(0);
        if (outcome.violation().isPresent()) {
            return new ExplorerResult.Violated(property, description, horizon, outcome.states(),
                    replay(single, Explorer.instantiate(generated), outcome.violation().get(), outcome.report()));
        }
        if (outcome.limitHit().isPresent()) {
            return new ExplorerResult.Unknown(property, description, "JPF: " + outcome.limitHit().get()
                    + " before the horizon " + horizon, outcome.states());
        }
        return new ExplorerResult.HoldsUpTo(property, description, horizon, outcome.states(),
                Explorer.nondeterminism(spec), java.util.Optional.empty());
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

    /** Steps the model with JPF's answers, canonical form after each step as in the entry point. */
    static Counterexample replay(SystemSpec spec, TransitionModel model, List<Integer> answers, Path report) {
        TraceRecorder recorder = new TraceRecorder(spec);
        Answers choices = new Answers(answers);
        int[] buffer = new int[model.maxEncodedLength()];
        model.reset();
        while (model.time() < model.horizon()) {
            long violated = model.step(choices, recorder);
            if (violated != 0L) {
                if (!choices.used()) {
                    throw new IllegalStateException("internal error: JPF's path goes on after the violation");
                }
                return new Counterexample(model.violationMessage(0), model.violationTime(0), recorder.records());
            }
            model.decode(buffer, 0, model.encode(buffer));
        }
        throw new IllegalStateException("internal error: JPF's path (" + report + ") replays to no violation");
    }
}
