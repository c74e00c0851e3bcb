package io.gangproof.spec.parse;

import io.gangproof.spec.Arrival;
import io.gangproof.spec.Binding;
import io.gangproof.spec.Dnn;
import io.gangproof.spec.Pipeline;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Platform;
import io.gangproof.spec.Scheduler;
import io.gangproof.spec.Task;
import io.gangproof.spec.grammar.GangParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Tasks: arrival, deadline, priority, and the binding to TPUs that the placement requires (semantics §4, §6). */
final class TaskResolver {
    private final Diagnostics diag;
    private final Names naming;
    private final Quantities units;
    private final PlatformResolver platformResolver;
    /** Every DNN declaration, also those that failed to resolve: a task naming one is not told it is unknown. */
    private final List<Located<GangParser.DnnDeclContext>> dnnDecls;

    TaskResolver(Diagnostics diag, Names names, Quantities q, PlatformResolver platforms,
            List<Located<GangParser.DnnDeclContext>> dnnDecls) {
        this.diag = diag;
        this.naming = names;
        this.units = q;
        this.platformResolver = platforms;
        this.dnnDecls = dnnDecls;
    }

    List<Task> tasks(SourceFile f, List<GangParser.TaskDeclContext> decls, Map<String, Dnn> dnns,
            Optional<Platform> platform, Optional<Scheduler> scheduler) {
        List<Task> out = new ArrayList<>();
        Map<String, Token> names = new HashMap<>();
        Map<Long, String> priorities = new HashMap<>();
        for (GangParser.TaskDeclContext d : decls) {
            if (!naming.checkName(f, d.name, "task") || !naming.unique(f, names, d.name, "task")) {
                continue;
            }
            task(f, d, dnns, platform, scheduler, priorities).ifPresent(out::add);
        }
        return out;
    }

    private Optional<Task> task(SourceFile f, GangParser.TaskDeclContext d, Map<String, Dnn> dnns,
            Optional<Platform> platform, Optional<Scheduler> scheduler, Map<Long, String> priorities) {
        String name = d.name.getText();
        Map<String, Token> seen = new HashMap<>();
        Dnn dnn = null;
        Arrival arrival = null;
        ParserRuleContext arrivalDecl = null;
        Long deadline = null;
        GangParser.TaskDeadlineContext deadlineDecl = null;
        long jitter = 0;
        Long priority = null;
        GangParser.TaskTpusContext tpusDecl = null;
        GangParser.TaskPipelineContext pipelineDecl = null;
        GangParser.TaskPinnedContext pinnedDecl = null;
        boolean ok = true;
        for (GangParser.TaskItemContext item : d.taskItem()) {
            if (item instanceof GangParser.TaskRunsContext r) {
                if (naming.duplicate(f, seen, "runs", r.getStart())) {
                    continue;
                }
                dnn = dnns.get(r.dnn.getText());
                if (dnn == null) {
                    ok = false;
                    if (dnnDecls.stream().noneMatch(x -> x.ctx().name.getText().equals(r.dnn.getText()))) {
                        naming.unknown(f, r.dnn, "DNN", dnnDecls.stream().map(x -> x.ctx().name.getText()).toList());
                    }
                }
            } else if (item instanceof GangParser.TaskPeriodicContext p) {
                if (naming.duplicate(f, seen, "arrival", p.getStart())) {
                    continue;
                }
                arrivalDecl = p;
                Optional<Long> t = units.periodTicks(f, p.period, "the period");
                Optional<Long> o = p.offset == null ? Optional.of(-1L) : units.ticks(f, p.offset);
                if (t.isPresent() && o.isPresent()) {
                    arrival = o.get() < 0 ? new Arrival.PeriodicAnyOffset(t.get())
                            : new Arrival.Periodic(t.get(), o.get());
                } else {
                    ok = false;
                }
            } else if (item instanceof GangParser.TaskSporadicContext s) {
                if (naming.duplicate(f, seen, "arrival", s.getStart())) {
                    continue;
                }
                arrivalDecl = s;
                Optional<Long> t = units.periodTicks(f, s.period, "the minimum separation");
                ok &= t.isPresent();
                arrival = t.map(Arrival.Sporadic::new).orElse(null);
            } else if (item instanceof GangParser.TaskDeadlineContext dl) {
                if (!naming.duplicate(f, seen, "deadline", dl.getStart())) {
                    deadlineDecl = dl;
                    Optional<Long> v = units.positiveTicks(f, dl.quantity(), "the deadline");
                    ok &= v.isPresent();
                    deadline = v.orElse(null);
                }
            } else if (item instanceof GangParser.TaskJitterContext j) {
                if (!naming.duplicate(f, seen, "jitter", j.getStart())) {
                    Optional<Long> v = units.ticks(f, j.quantity());
                    ok &= v.isPresent();
                    jitter = v.orElse(0L);
                }
            } else if (item instanceof GangParser.TaskPriorityContext p) {
                if (!naming.duplicate(f, seen, "priority", p.getStart())) {
                    Optional<Long> v = units.wholeNumber(f, p.INT().getSymbol(), "a priority", 1, Integer.MAX_VALUE);
                    if (v.isPresent()) {
                        String other = priorities.putIfAbsent(v.get(), name);
                        if (other != null) {
                            diag.error(f, p.INT().getSymbol(), "priority " + v.get() + " is already used by task '"
                                    + other + "'", "priorities are distinct integers; 1 is the highest");
                            ok = false;
                        }
                        priority = v.get();
                    } else {
                        ok = false;
                    }
                }
            } else if (item instanceof GangParser.TaskTpusContext t) {
                if (!naming.duplicate(f, seen, "tpus", t.getStart())) {
                    tpusDecl = t;
                }
            } else if (item instanceof GangParser.TaskPipelineContext p) {
                if (!naming.duplicate(f, seen, "pipeline", p.getStart())) {
                    pipelineDecl = p;
                }
            } else {
                GangParser.TaskPinnedContext p = (GangParser.TaskPinnedContext) item;
                if (!naming.duplicate(f, seen, "pinned", p.getStart())) {
                    pinnedDecl = p;
                }
            }
        }
        if (!seen.containsKey("runs")) {
            diag.error(f, d.name, "task '" + name + "' does not say which DNN it runs", "add `runs DNN_NAME`");
            ok = false;
        }
        if (!seen.containsKey("arrival")) {
            diag.error(f, d.name, "task '" + name + "' has no arrival model",
                    "add `periodic 20 ms`, `periodic 20 ms offset 0 ms` or `sporadic 20 ms`");
            ok = false;
        }
        if (!seen.containsKey("priority")) {
            diag.error(f, d.name, "task '" + name + "' has no priority",
                    "add `priority N`; priorities are distinct integers and 1 is the highest");
            ok = false;
        }
        if (arrival != null && deadline != null && deadline > arrival.period()) {
            diag.error(f, deadlineDecl.quantity(), "the deadline of task '" + name + "' exceeds its period ("
                    + units.formatTicks(deadline) + " > " + units.formatTicks(arrival.period()) + ")",
                    "gangproof requires D <= T");
            ok = false;
        }
        if (dnn == null || platform.isEmpty() || scheduler.isEmpty()) {
            return Optional.empty();
        }
        // The binding is checked even when something else is wrong, so that its errors are reported too.
        Optional<Map.Entry<SortedSet<Integer>, Binding>> b = binding(f, d, dnn, platform.get(), scheduler.get(),
                tpusDecl, pipelineDecl, pinnedDecl);
        if (b.isEmpty() || !ok) {
            return Optional.empty();
        }
        long dl = deadline != null ? deadline : arrival.period();
        return Optional.of(new Task(name, dnn, arrival, dl, jitter, priority.intValue(), b.get().getKey(),
                b.get().getValue()));
    }

    /** The task's parallelism levels and binding, checked against its placement (semantics §4, §6). */
    private Optional<Map.Entry<SortedSet<Integer>, Binding>> binding(SourceFile f, GangParser.TaskDeclContext d,
            Dnn dnn, Platform platform, Scheduler scheduler, GangParser.TaskTpusContext tpusDecl,
            GangParser.TaskPipelineContext pipelineDecl, GangParser.TaskPinnedContext pinnedDecl) {
        String name = d.name.getText();
        Placement placement = scheduler.placement();
        if (pipelineDecl != null && placement != Placement.PARTITIONED) {
            diag.error(f, pipelineDecl.getStart(), "task '" + name + "' names a pipeline, but placement is "
                    + placement.keyword(), placement == Placement.PINNED
                            ? "under pinned placement use `pinned [...]`, or `pinned any` to let synthesis choose"
                            : "use `scheduler partitioned ...` to bind tasks to pipelines");
            return Optional.empty();
        }
        if (pinnedDecl != null && pinnedDecl.any != null && placement != Placement.PINNED) {
            diag.error(f, pinnedDecl.getStart(), "task '" + name + "' leaves its pinned TPUs open, but placement is "
                    + placement.keyword(), placement == Placement.PARTITIONED
                            ? "under partitioned placement use `pipeline any`; `pinned any` needs `scheduler pinned ...`"
                            : "`pinned any` needs `scheduler pinned ...`; under global placement every task may use "
                                    + "any TPUs: remove it");
            return Optional.empty();
        }
        if (pinnedDecl != null && placement != Placement.PINNED) {
            diag.error(f, pinnedDecl.getStart(), "task '" + name + "' pins TPUs, but placement is " + placement.keyword(),
                    "use `scheduler pinned ...` to pin tasks to TPUs");
            return Optional.empty();
        }
        Optional<SortedSet<Integer>> declared = Optional.empty();
        if (tpusDecl != null) {
            declared = levels(f, tpusDecl, dnn, platform.tpus());
            if (declared.isEmpty()) {
                return Optional.empty();
            }
        }
        if (placement == Placement.GLOBAL) {
            SortedSet<Integer> levels;
            if (declared.isPresent()) {
                levels = declared.get();
            } else {
                levels = new TreeSet<>(dnn.levels().headSet(platform.tpus() + 1));
                if (levels.size() != 1) {
                    diag.error(f, d.name, "task '" + name + "' does not say on how many TPUs it runs",
                            "add `tpus K` with K one of " + DnnResolver.counts(dnn.levels()) + ", or `tpus "
                                    + dnn.levels().first() + " .. " + dnn.levels().last() + "` to let synthesis "
                                    + "choose");
                    return Optional.empty();
                }
            }
            return Optional.of(Map.entry(levels, new Binding.AnyTpus()));
        }
        if (placement == Placement.PINNED) {
            if (pinnedDecl == null) {
                diag.error(f, d.name, "task '" + name + "' is not pinned to TPUs, but placement is pinned",
                        "add `pinned [0, 1]`: the TPUs of its compiled pipeline, in order; or `pinned any` to let "
                                + "synthesis choose them");
                return Optional.empty();
            }
            if (pinnedDecl.any != null) {
                return openLevels(f, pinnedDecl.getStart(), dnn, platform, declared)
                        .map(levels -> Map.entry(levels, new Binding.ChoosePipeline()));
            }
            Optional<List<Integer>> list = platformResolver.tpuList(f, pinnedDecl.tpuList(), platform.tpus(), "task '" + name + "'");
            if (list.isEmpty()) {
                return Optional.empty();
            }
            int k = list.get().size();
            if (!sameLevel(f, tpusDecl, declared, k, "it is pinned to " + k + " TPU" + (k == 1 ? "" : "s"))
                    || !supported(f, pinnedDecl.getStart(), dnn, k, "task '" + name + "' is pinned to")) {
                return Optional.empty();
            }
            return Optional.of(Map.entry(new TreeSet<>(List.of(k)), new Binding.Pinned(list.get())));
        }
        // partitioned
        if (pipelineDecl == null) {
            diag.error(f, d.name, "task '" + name + "' has no pipeline, but placement is partitioned",
                    "add `pipeline NAME` for one of the platform's pipelines, or `pipeline any` to let "
                            + "synthesis choose");
            return Optional.empty();
        }
        if (pipelineDecl.any != null) {
            return openLevels(f, pipelineDecl.getStart(), dnn, platform, declared)
                    .map(levels -> Map.entry(levels, new Binding.ChoosePipeline()));
        }
        Optional<Pipeline> pipe = platform.pipeline(pipelineDecl.pipe.getText());
        if (pipe.isEmpty()) {
            naming.unknown(f, pipelineDecl.pipe, "pipeline", platform.pipelines().stream().map(Pipeline::name).toList());
            return Optional.empty();
        }
        int k = pipe.get().size();
        if (!sameLevel(f, tpusDecl, declared, k, "pipeline '" + pipe.get().name() + "' has " + k + " TPU"
                + (k == 1 ? "" : "s"))
                || !supported(f, pipelineDecl.pipe, dnn, k, "task '" + name + "' runs on pipeline '"
                        + pipe.get().name() + "' with")) {
            return Optional.empty();
        }
        return Optional.of(Map.entry(new TreeSet<>(List.of(k)), new Binding.OnPipeline(pipe.get().name())));
    }

    /** The levels of a task whose pipeline or pinned TPUs synthesis chooses: from `tpus`, else every count of the table up to m. */
    private Optional<SortedSet<Integer>> openLevels(SourceFile f, Token at, Dnn dnn, Platform platform,
            Optional<SortedSet<Integer>> declared) {
        SortedSet<Integer> levels = declared.orElseGet(() -> new TreeSet<>(dnn.levels().headSet(platform.tpus() + 1)));
        if (levels.isEmpty()) {
            diag.error(f, at, "DNN '" + dnn.name() + "' has no latency for at most " + platform.tpus() + " TPUs", null);
            return Optional.empty();
        }
        return Optional.of(levels);
    }

    private boolean sameLevel(SourceFile f, GangParser.TaskTpusContext tpusDecl, Optional<SortedSet<Integer>> declared,
            int k, String because) {
        if (declared.isPresent() && !declared.get().equals(new TreeSet<>(List.of(k)))) {
            diag.error(f, tpusDecl.levels().getStart(), "`tpus " + tpusDecl.levels().getText() + "` contradicts the "
                    + "binding: " + because, "remove `tpus`: the binding fixes the parallelism level");
            return false;
        }
        return true;
    }

    private boolean supported(SourceFile f, Token at, Dnn dnn, int k, String what) {
        if (!dnn.supports(k)) {
            diag.error(f, at, what + " " + k + " TPU" + (k == 1 ? "" : "s") + ", but DNN '" + dnn.name()
                    + "' has no latency for " + k + " TPU" + (k == 1 ? "" : "s"),
                    "its table has " + DnnResolver.counts(dnn.levels()) + "; add an entry for " + k + " or change the binding");
            return false;
        }
        return true;
    }

    /**
     * {@code tpus K} fixes the level; {@code tpus {a, b}} allows exactly those; {@code tpus lo .. hi}
     * allows those of {@code lo..hi} that the DNN's table has.
     */
    private Optional<SortedSet<Integer>> levels(SourceFile f, GangParser.TaskTpusContext t, Dnn dnn, int m) {
        SortedSet<Integer> out = new TreeSet<>();
        if (t.levels() instanceof GangParser.LevelRangeContext r) {
            Optional<Long> lo = units.wholeNumber(f, r.lo, "a TPU count", 1, Resolver.MAX_TPUS);
            if (lo.isEmpty()) {
                return Optional.empty();
            }
            if (r.hi == null) {
                return checkLevel(f, r.lo, dnn, m, lo.get().intValue()) ? Optional.of(new TreeSet<>(List.of(lo.get()
                        .intValue()))) : Optional.empty();
            }
            Optional<Long> hi = units.wholeNumber(f, r.hi, "a TPU count", 1, Resolver.MAX_TPUS);
            if (hi.isEmpty()) {
                return Optional.empty();
            }
            if (lo.get() > hi.get()) {
                diag.error(f, r.lo, "the range " + lo.get() + " .. " + hi.get() + " is empty", "write `tpus lo .. hi` with "
                        + "lo <= hi");
                return Optional.empty();
            }
            for (int k = lo.get().intValue(); k <= hi.get(); k++) {
                if (dnn.supports(k) && k <= m) {
                    out.add(k);
                }
            }
            if (out.isEmpty()) {
                diag.error(f, r.lo, "DNN '" + dnn.name() + "' has no latency for any TPU count in " + lo.get() + " .. "
                        + hi.get() + " on " + m + " TPUs", "its table has " + DnnResolver.counts(dnn.levels()));
                return Optional.empty();
            }
            return Optional.of(out);
        }
        GangParser.LevelSetContext s = (GangParser.LevelSetContext) t.levels();
        for (TerminalNode n : s.INT()) {
            Optional<Long> k = units.wholeNumber(f, n.getSymbol(), "a TPU count", 1, Resolver.MAX_TPUS);
            if (k.isEmpty() || !checkLevel(f, n.getSymbol(), dnn, m, k.get().intValue())) {
                return Optional.empty();
            }
            if (!out.add(k.get().intValue())) {
                diag.error(f, n.getSymbol(), "TPU count " + k.get() + " appears twice", null);
                return Optional.empty();
            }
        }
        return Optional.of(out);
    }

    private boolean checkLevel(SourceFile f, Token at, Dnn dnn, int m, int k) {
        if (k > m) {
            diag.error(f, at, k + " TPUs requested, but the platform has only " + m, null);
            return false;
        }
        if (!dnn.supports(k)) {
            diag.error(f, at, "DNN '" + dnn.name() + "' has no latency for " + k + " TPU" + (k == 1 ? "" : "s"),
                    "its table has " + DnnResolver.counts(dnn.levels()));
            return false;
        }
        return true;
    }
}
