package io.gangproof.check;

import io.gangproof.scheduler.replay.ReplayResult;
import io.gangproof.scheduler.replay.Replayer;
import io.gangproof.scheduler.trace.Trace;
import io.gangproof.spec.Binding;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import io.gangproof.spec.Verdict;
import io.gangproof.spec.format.SpecWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Asks engines about every property of a spec, in the order given (cheapest first), and keeps
 * the strongest answer: {@code VIOLATED} (a replayed trace) over {@code PROVED} over
 * {@code HOLDS-UP-TO} over {@code UNKNOWN} (semantics §8). Once a property is decided, no
 * further engine is asked about it, unless the checker cross-checks: then every engine is
 * asked, and since engines are independent implementations of one semantics, a
 * {@code VIOLATED} next to a {@code PROVED} means one of them is wrong: that is an
 * {@link EngineDisagreement}, never silently resolved.
 */
public final class Checker {
    private final List<Engine> engines;
    private final boolean crossCheck;
    private final CheckProgress progress;

    /** Stops asking about a property once it is decided. */
    public Checker(List<Engine> engines) {
        this(engines, false);
    }

    /** {@code crossCheck}: ask every engine about every property and confront their answers. */
    public Checker(List<Engine> engines, boolean crossCheck) {
        this(engines, crossCheck, CheckProgress.NONE);
    }

    /** {@code progress} is told about every engine asked, e.g. to show a long run on a terminal. */
    public Checker(List<Engine> engines, boolean crossCheck, CheckProgress progress) {
        this.engines = List.copyOf(engines);
        this.crossCheck = crossCheck;
        this.progress = progress;
    }

    /** Two engines contradict each other on one property: a bug in one of them. */
    public static final class EngineDisagreement extends RuntimeException {
        public EngineDisagreement(String message) {
            super(message);
        }
    }

    /** What the engines said about one property so far. */
    private static final class Answers {
        final List<PropertyResult> results = new ArrayList<>();
        final List<String> asked = new ArrayList<>();
        final List<String> outOfTime = new ArrayList<>();
        long spentNanos;

        Optional<Verdict> best() {
            return results.stream().map(PropertyResult::verdict).min(Comparator.comparingInt(Checker::rank));
        }
    }

    public SpecReport check(String path, SystemSpec spec, CheckOptions given) {
        CheckOptions options = given.analysisBounds().isEmpty()
                ? given.withAnalysisBounds(AnalysisEngine.derivedBounds(spec)) : given;
        List<Property> properties = spec.properties();
        List<Answers> answers = new ArrayList<>();
        properties.forEach(p -> answers.add(new Answers()));
        // One budget for the whole check of the spec (semantics §8), so the check ends within it.
        long start = System.nanoTime();
        Optional<Long> deadline = options.budget(spec).map(b -> start + b.toNanos());
        for (Engine engine : engines) {
            Optional<Long> limit = engine.timeBounded() ? deadline : Optional.empty();
            List<Integer> open = new ArrayList<>();
            for (int i = 0; i < properties.size(); i++) {
                Answers a = answers.get(i);
                if (asks(engine, a)) {
                    open.add(i);
                }
            }
            if (engine.answersTogether() && !open.isEmpty()) {
                if (!budgetUsedUp(engine, open, answers, limit)) {
                    ask(engine, spec, open, answers, options, limit);
                }
            } else {
                for (int i : open) {
                    if (!budgetUsedUp(engine, List.of(i), answers, limit)) {
                        ask(engine, spec, List.of(i), answers, options, limit);
                    }
                }
            }
        }
        List<PropertyResult> results = new ArrayList<>();
        for (int i = 0; i < properties.size(); i++) {
            results.add(decide(spec, properties.get(i), answers.get(i), options, options.budget(spec)));
        }
        return new SpecReport(path, spec, results);
    }

    /** Whether the spec's budget is used up for {@code engine}; then it is noted for the properties' reasons. */
    private static boolean budgetUsedUp(Engine engine, List<Integer> indices, List<Answers> answers,
            Optional<Long> deadline) {
        if (deadline.isEmpty() || System.nanoTime() - deadline.get() < 0) {
            return false;
        }
        indices.forEach(i -> answers.get(i).outOfTime.add(engine.name()));
        return true;
    }

    /**
     * Asks {@code engine} about the properties at {@code indices} in one call, by the spec's
     * deadline if it is bounded by one, and counts the call's time for each.
     */
    private void ask(Engine engine, SystemSpec spec, List<Integer> indices, List<Answers> answers,
            CheckOptions options, Optional<Long> deadline) {
        long start = System.nanoTime();
        CheckOptions o = deadline.map(options::withDeadline).orElse(options);
        List<Property> asked = indices.stream().map(spec.properties()::get).toList();
        progress.asking(spec, engine.name(), asked.size(), o.deadline());
        List<Optional<PropertyResult>> said;
        try {
            said = engine.answersTogether() ? engine.check(spec, asked, o) : List.of(engine.check(spec, asked.get(0), o));
        } finally {
            progress.answered();
        }
        long spent = System.nanoTime() - start;
        for (int j = 0; j < indices.size(); j++) {
            Answers a = answers.get(indices.get(j));
            a.asked.add(engine.name());
            a.spentNanos += spent;
            said.get(j).ifPresent(a.results::add);
        }
    }

    /** Whether to ask {@code engine} about a property, given what was said about it so far. */
    private boolean asks(Engine engine, Answers a) {
        if (crossCheck) {
            return true;
        }
        Optional<Verdict> best = a.best();
        if (best.isEmpty() || best.get() == Verdict.UNKNOWN) {
            return true;
        }
        return best.get() == Verdict.HOLDS_UP_TO && engine.verdicts().contains(Verdict.PROVED);
    }

    private PropertyResult decide(SystemSpec spec, Property p, Answers a, CheckOptions options,
            Optional<Duration> budget) {
        String description = SpecWriter.describe(spec, p);
        Optional<PropertyResult> violated = first(a.results, Verdict.VIOLATED);
        Optional<PropertyResult> proved = first(a.results, Verdict.PROVED);
        if (violated.isPresent() && proved.isPresent()) {
            throw new EngineDisagreement(description + ": engine " + violated.get().engine() + " found a violation ("
                    + violated.get().trace().map(Object::toString).orElse("no trace") + ") but engine "
                    + proved.get().engine() + " proved it");
        }
        Optional<PropertyResult> best = a.results.stream().min(Comparator.comparingInt(r -> rank(r.verdict())));
        PropertyResult result;
        if (best.isEmpty()) {
            String reason = engines.isEmpty() ? "no engine available yet"
                    : a.asked.isEmpty() ? "no engine was asked" : "no engine could decide it (" + String.join(", ",
                            a.asked) + ")";
            result = PropertyResult.unknown(p, description, "none", reason, a.spentNanos / 1e9);
        } else if (best.get().verdict() == Verdict.UNKNOWN && a.results.size() > 1) {
            result = withEveryReason(best.get(), a.results);
        } else {
            result = best.get().counterexample().isPresent() ? confirmed(spec, best.get(), options) : best.get();
        }
        if (result.verdict() == Verdict.UNKNOWN) {
            result = result.withReason(result.reason().orElse("") + outOfTime(a, budget) + openChoices(spec));
        }
        return result.withAsked(a.asked);
    }

    /** Says which engines the budget left out, so that the user knows what a larger one buys. */
    private static String outOfTime(Answers a, Optional<Duration> budget) {
        if (a.outOfTime.isEmpty() || budget.isEmpty()) {
            return "";
        }
        return "; the time limit of " + seconds(budget.get()) + " was used up before engine"
                + (a.outOfTime.size() == 1 ? " " : "s ") + String.join(", ", a.outOfTime)
                + " (set `--time-limit`, or `limit time` in the spec)";
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    /**
     * A spec that leaves levels or pipelines to choose cannot be run by the scheduler, the
     * explorer or the simulation: point at the commands that choose them.
     */
    static String openChoices(SystemSpec spec) {
        List<String> open = new ArrayList<>();
        for (Task t : spec.tasks()) {
            if (!t.levelFixed() || t.binding() instanceof Binding.ChoosePipeline) {
                open.add(t.name());
            }
        }
        if (open.isEmpty()) {
            return "";
        }
        // Only synthesis chooses pinned TPU lists (`pinned any`); --assign does not.
        String commands = spec.scheduler().placement() == Placement.PINNED ? "`gangproof analyze --synthesize SPEC` "
                + "chooses them" : "`gangproof analyze --assign SPEC` or `gangproof analyze --synthesize SPEC` chooses them";
        return "; the spec leaves levels or pipelines open (task" + (open.size() == 1 ? " " : "s ")
                + String.join(", ", open) + "): " + commands + " and prints a spec to check (`--write FILE`)";
    }

    /**
     * Every counterexample is replayed by the reference scheduler (semantics §8) before it is
     * reported; one that does not replay to a violation of its property is an engine bug.
     */
    private static PropertyResult confirmed(SystemSpec spec, PropertyResult r, CheckOptions options) {
        Trace trace = r.counterexample().orElseThrow();
        ReplayResult replay = Replayer.replay(spec, trace, options.analysisBounds());
        boolean confirmed = replay instanceof ReplayResult.Confirmed c
                && c.violations().stream().anyMatch(v -> v.property().equals(r.property()));
        if (!confirmed) {
            throw new EngineDisagreement(r.description() + ": the counterexample of engine " + r.engine()
                    + " does not replay in the reference scheduler: " + replay);
        }
        return options.outputDir().map(dir -> r.withTrace(TraceFiles.write(dir, spec, r.property(), trace)))
                .orElse(r);
    }

    /** Nobody decided: say what each engine found, e.g. an analysis bound and the explorer's limit. */
    private static PropertyResult withEveryReason(PropertyResult best, List<PropertyResult> answers) {
        String reasons = String.join("; ", answers.stream()
                .map(r -> r.engine() + ": " + r.reason().orElse("no answer")).toList());
        Optional<Long> bound = answers.stream().map(PropertyResult::bound).flatMap(Optional::stream).findFirst();
        String engines = String.join("+", answers.stream().map(PropertyResult::engine).toList());
        return new PropertyResult(best.property(), best.description(), Verdict.UNKNOWN, engines, bound,
                best.horizon(), best.states(), answers.stream().mapToDouble(PropertyResult::seconds).sum(),
                Optional.empty(), Optional.of(reasons));
    }

    private static Optional<PropertyResult> first(List<PropertyResult> answers, Verdict v) {
        return answers.stream().filter(r -> r.verdict() == v).findFirst();
    }

    private static int rank(Verdict v) {
        switch (v) {
            case VIOLATED:
                return 0;
            case PROVED:
                return 1;
            case HOLDS_UP_TO:
                return 2;
            default:
                return 3;
        }
    }
}
