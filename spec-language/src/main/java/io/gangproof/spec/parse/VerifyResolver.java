package io.gangproof.spec.parse;

import io.gangproof.spec.Bound;
import io.gangproof.spec.Exploration;
import io.gangproof.spec.Property;
import io.gangproof.spec.grammar.GangParser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.antlr.v4.runtime.Token;

/** The verify block: properties, horizon and limits (semantics §7). */
final class VerifyResolver {
    private final Diagnostics diag;
    private final Names naming;
    private final Quantities units;

    VerifyResolver(Diagnostics diag, Names names, Quantities q) {
        this.diag = diag;
        this.naming = names;
        this.units = q;
    }

    Exploration verify(SourceFile f, GangParser.VerifyDeclContext v, List<GangParser.TaskDeclContext> taskDecls,
            List<Property> properties) {
        // A set: one lookup per property made large verify blocks quadratic.
        java.util.Set<String> taskNames = taskDecls.stream().map(t -> t.name.getText())
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        Optional<Long> horizon = Optional.empty();
        Optional<Long> states = Optional.empty();
        Optional<Long> time = Optional.empty();
        Optional<Long> memory = Optional.empty();
        Map<String, Token> seen = new HashMap<>();
        for (GangParser.VerifyItemContext item : v.verifyItem()) {
            if (item instanceof GangParser.PropDeadlinesContext p) {
                if (p.task == null) {
                    properties.add(new Property.Deadlines(Optional.empty()));
                } else if (knownTask(f, p.task, taskNames)) {
                    properties.add(new Property.Deadlines(Optional.of(p.task.getText())));
                }
            } else if (item instanceof GangParser.PropDeadlockFreeContext) {
                properties.add(new Property.DeadlockFree());
            } else if (item instanceof GangParser.PropBoundedContext p) {
                bounded(f, p, taskNames).ifPresent(properties::add);
            } else if (item instanceof GangParser.VerifyHorizonContext h) {
                if (!naming.duplicate(f, seen, "horizon", h.getStart())) {
                    horizon = units.positiveTicks(f, h.quantity(), "the horizon");
                }
            } else {
                GangParser.VerifyLimitContext l = (GangParser.VerifyLimitContext) item;
                String what = l.what.getText();
                if (!List.of("states", "time", "memory").contains(what)) {
                    diag.error(f, l.what, "unknown limit '" + what + "'", Units.closest(what, List.of("states", "time",
                            "memory")).map(n -> "did you mean '" + n + "'? ").orElse("")
                            + "limits are `states N`, `time 60 s` and `memory 4 GiB`");
                    continue;
                }
                if (naming.duplicate(f, seen, "limit " + what, l.getStart())) {
                    continue;
                }
                GangParser.LimitValueContext lv = l.limitValue();
                if (what.equals("states")) {
                    if (lv.INT() == null) {
                        diag.error(f, lv.getStart(), "the state limit is a plain number", "write `limit states 1000000`");
                    } else {
                        states = units.wholeNumber(f, lv.INT().getSymbol(), "a state count", 1, Long.MAX_VALUE);
                    }
                } else if (lv.quantity() == null) {
                    diag.error(f, lv.getStart(), "the " + what + " limit needs a unit", what.equals("time")
                            ? "write for example `limit time 60 s`" : "write for example `limit memory 4 GiB`");
                } else if (what.equals("time")) {
                    time = units.millis(f, lv.quantity());
                } else {
                    memory = units.bytes(f, lv.quantity());
                    if (memory.isPresent() && memory.get() < 1) {
                        diag.error(f, lv.quantity(), "the memory limit must be positive", "write for example "
                                + "`limit memory 4 GiB`");
                        memory = Optional.empty();
                    }
                }
            }
        }
        return new Exploration(horizon, states, time, memory);
    }

    private Optional<Property> bounded(SourceFile f, GangParser.PropBoundedContext p,
            java.util.Set<String> taskNames) {
        String kind = p.kind.getText();
        List<String> kinds = List.of("response", "inversion", "overtakes");
        if (!kinds.contains(kind)) {
            List<String> all = List.of("deadlines", "response", "inversion", "overtakes", "deadlock-free");
            diag.error(f, p.kind, "unknown property '" + kind + "'", Units.closest(kind, all)
                    .map(n -> "did you mean '" + n + "'? ").orElse("") + "properties are " + String.join(", ", all));
            return Optional.empty();
        }
        boolean taskOk = knownTask(f, p.task, taskNames);
        GangParser.BoundContext b = p.bound();
        Optional<Bound> bound;
        if (b instanceof GangParser.BoundFromAnalysisContext) {
            bound = Optional.of(new Bound.FromAnalysis());
        } else if (kind.equals("overtakes")) {
            if (b instanceof GangParser.BoundCountContext c) {
                bound = units.wholeNumber(f, c.INT().getSymbol(), "a number of jobs", 0, Long.MAX_VALUE)
                        .map(Bound.Value::new);
            } else {
                diag.error(f, b.getStart(), "overtakes counts jobs: the bound is a plain number", "write for example `"
                        + "overtakes(" + p.task.getText() + ") <= 2`");
                bound = Optional.empty();
            }
        } else if (b instanceof GangParser.BoundQuantityContext q) {
            bound = units.ticks(f, q.quantity()).map(Bound.Value::new);
        } else {
            diag.error(f, b.getStart(), "the bound of " + kind + " is a time and needs a unit", "write for example `"
                    + kind + "(" + p.task.getText() + ") <= " + b.getText() + " ms`, or `<= bound`");
            bound = Optional.empty();
        }
        if (!taskOk || bound.isEmpty()) {
            return Optional.empty();
        }
        String t = p.task.getText();
        if (kind.equals("response")) {
            return Optional.of(new Property.Response(t, bound.get()));
        }
        if (kind.equals("inversion")) {
            return Optional.of(new Property.Inversion(t, bound.get()));
        }
        return Optional.of(new Property.Overtakes(t, bound.get()));
    }

    private boolean knownTask(SourceFile f, Token name, java.util.Set<String> taskNames) {
        if (taskNames.contains(name.getText())) {
            return true;
        }
        naming.unknown(f, name, "task", List.copyOf(taskNames));
        return false;
    }
}
