package io.gangproof.spec.parse;

import io.gangproof.spec.Arrival;
import io.gangproof.spec.Binding;
import io.gangproof.spec.Bound;
import io.gangproof.spec.Dnn;
import io.gangproof.spec.DnnExit;
import io.gangproof.spec.Exploration;
import io.gangproof.spec.Latency;
import io.gangproof.spec.Pipeline;
import io.gangproof.spec.Placement;
import io.gangproof.spec.Platform;
import io.gangproof.spec.Policy;
import io.gangproof.spec.Property;
import io.gangproof.spec.Protocol;
import io.gangproof.spec.Resolution;
import io.gangproof.spec.Scheduler;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import io.gangproof.spec.grammar.GangParser;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Turns parse trees into a {@link SystemSpec}: follows imports, converts every literal to
 * exact ticks or bytes, and checks every rule of docs/semantics.md §1–§7 that a spec can
 * break. It reports every error of every file rather than stopping at the first; semantic
 * checks run only on files that parsed cleanly.
 */
final class Resolver {
    static final int MAX_TPUS = 64;
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final long DEFAULT_CACHE_BYTES = 8L << 20;

    private final SourceFile main;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    /** Parsed files by absolute path (or display name for text), in the order they were first reached. */
    private final Map<String, ParsedFile> files = new LinkedHashMap<>();
    /** DNN declarations in import order, then the main file's own. */
    private final List<Located<GangParser.DnnDeclContext>> dnnDecls = new ArrayList<>();

    private BigInteger nanosPerTick = BigInteger.valueOf(Resolution.DEFAULT.nanosPerTick());
    /** The lines of each file, split once: splitting per diagnostic made many errors in a large file quadratic. */
    private final Map<SourceFile, List<String>> lines = new java.util.IdentityHashMap<>();

    Resolver(SourceFile main) {
        this.main = main;
    }

    private record Located<T extends ParserRuleContext>(SourceFile file, T ctx) {
    }

    LoadResult resolve() {
        ParsedFile parsed = SpecParser.parse(main);
        files.put(key(main), parsed);
        diagnostics.addAll(parsed.syntaxErrors());
        if (parsed.hasSyntaxErrors()) {
            return finish(Optional.empty());
        }
        Deque<String> stack = new ArrayDeque<>();
        stack.push(key(main));
        List<GangParser.SystemDeclContext> systems = new ArrayList<>();
        for (GangParser.TopItemContext item : parsed.tree().topItem()) {
            if (item.importDecl() != null) {
                followImport(main, item.importDecl(), stack);
            } else if (item.dnnDecl() != null) {
                dnnDecls.add(new Located<>(main, item.dnnDecl()));
            } else {
                systems.add(item.systemDecl());
            }
        }
        if (systems.isEmpty()) {
            error(main, 1, 1, 1, "no system declared",
                    "a spec declares `system NAME { ... }`; a file of DNNs only is imported by such a spec");
            return finish(Optional.empty());
        }
        for (GangParser.SystemDeclContext extra : systems.subList(1, systems.size())) {
            error(main, extra.name, "a spec declares one system; '" + extra.name.getText() + "' is a second one",
                    "put each system in its own file and share DNNs with `import`");
        }
        return finish(system(systems.get(0), stack));
    }

    private LoadResult finish(Optional<SystemSpec> spec) {
        List<Diagnostic> sorted = new ArrayList<>(diagnostics);
        sorted.sort(java.util.Comparator.comparing(Diagnostic::file).thenComparingInt(Diagnostic::line)
                .thenComparingInt(Diagnostic::column));
        boolean failed = sorted.stream().anyMatch(Diagnostic::isError);
        if (failed || spec.isEmpty()) {
            return new LoadResult.Invalid(sorted);
        }
        return new LoadResult.Loaded(spec.get(), sorted);
    }

    // ---------------------------------------------------------------- imports

    private static String key(SourceFile f) {
        return f.path().map(Path::toString).orElse("<" + f.displayName() + ">");
    }

    private void followImport(SourceFile from, GangParser.ImportDeclContext imp, Deque<String> stack) {
        String raw = unquote(imp.STRING().getText());
        Path target = from.baseDir().resolve(raw).toAbsolutePath().normalize();
        String k = target.toString();
        String shown = displayPath(from, raw);
        if (stack.contains(k)) {
            List<String> chain = new ArrayList<>(stack);
            java.util.Collections.reverse(chain);
            String cycle = chain.subList(chain.indexOf(k), chain.size()).stream()
                    .map(p -> Path.of(p).getFileName() == null ? p : Path.of(p).getFileName().toString())
                    .collect(Collectors.joining(" -> "));
            error(from, imp.STRING().getSymbol(), "import cycle: " + cycle + " -> " + target.getFileName(),
                    "an imported file must not import, directly or not, the file that imports it");
            return;
        }
        if (files.containsKey(k)) {
            return;
        }
        Optional<SourceFile> source = SpecLoader.read(target, shown);
        if (source.isEmpty()) {
            error(from, imp.STRING().getSymbol(), "cannot import \"" + raw + "\": "
                    + SpecLoader.unreadable(target, shown).message(),
                    "imports are resolved against the folder of the importing file: " + target);
            return;
        }
        ParsedFile parsed = SpecParser.parse(source.get());
        files.put(k, parsed);
        diagnostics.addAll(parsed.syntaxErrors());
        if (parsed.hasSyntaxErrors()) {
            return;
        }
        stack.push(k);
        for (GangParser.TopItemContext item : parsed.tree().topItem()) {
            if (item.importDecl() != null) {
                followImport(source.get(), item.importDecl(), stack);
            } else if (item.dnnDecl() != null) {
                dnnDecls.add(new Located<>(source.get(), item.dnnDecl()));
            } else {
                error(source.get(), item.systemDecl().name, "an imported file may declare only DNNs, not a system",
                        "move system '" + item.systemDecl().name.getText() + "' into a file of its own");
            }
        }
        stack.pop();
    }

    private static String displayPath(SourceFile from, String raw) {
        Path parent = Path.of(from.displayName()).getParent();
        return parent == null ? raw : parent.resolve(raw).normalize().toString();
    }

    private static String unquote(String s) {
        return s.substring(1, s.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }

    // ---------------------------------------------------------------- the system

    private Optional<SystemSpec> system(GangParser.SystemDeclContext sys, Deque<String> stack) {
        SourceFile f = main;
        checkName(f, sys.name, "system");
        List<GangParser.ResolutionDeclContext> resolutions = new ArrayList<>();
        List<GangParser.PlatformDeclContext> platforms = new ArrayList<>();
        List<GangParser.TaskDeclContext> taskDecls = new ArrayList<>();
        List<GangParser.SchedulerDeclContext> schedulers = new ArrayList<>();
        List<GangParser.VerifyDeclContext> verifies = new ArrayList<>();
        for (GangParser.SystemItemContext item : sys.systemItem()) {
            if (item.resolutionDecl() != null) {
                resolutions.add(item.resolutionDecl());
            } else if (item.importDecl() != null) {
                followImport(f, item.importDecl(), stack);
            } else if (item.platformDecl() != null) {
                platforms.add(item.platformDecl());
            } else if (item.dnnDecl() != null) {
                dnnDecls.add(new Located<>(f, item.dnnDecl()));
            } else if (item.taskDecl() != null) {
                taskDecls.add(item.taskDecl());
            } else if (item.schedulerDecl() != null) {
                schedulers.add(item.schedulerDecl());
            } else {
                verifies.add(item.verifyDecl());
            }
        }
        // The resolution comes first: every other time literal depends on it.
        Resolution resolution = Resolution.DEFAULT;
        for (GangParser.ResolutionDeclContext r : once(f, resolutions, "resolution")) {
            Optional<BigInteger> ns = nanos(f, r.quantity());
            if (ns.isPresent()) {
                if (ns.get().signum() <= 0) {
                    error(f, r.quantity(), "the resolution must be positive", null);
                } else if (ns.get().compareTo(LONG_MAX) > 0) {
                    error(f, r.quantity(), "the resolution is too large", null);
                } else {
                    resolution = new Resolution(ns.get().longValueExact());
                    nanosPerTick = ns.get();
                }
            }
        }
        Optional<Platform> platform = Optional.empty();
        if (platforms.isEmpty()) {
            error(f, sys.name, "system '" + sys.name.getText() + "' declares no platform",
                    "add `platform { tpus 4 }`");
        } else {
            platform = platform(f, once(f, platforms, "platform").get(0));
        }
        Map<String, Dnn> dnns = dnns();
        Optional<Scheduler> scheduler = Optional.empty();
        if (schedulers.isEmpty()) {
            error(f, sys.name, "system '" + sys.name.getText() + "' declares no scheduler",
                    "add for example `scheduler global fp with gang-strict`");
        } else {
            scheduler = scheduler(f, once(f, schedulers, "scheduler").get(0));
        }
        // Tasks are checked even when the platform or scheduler is broken, so that all errors show at once;
        // only the checks that need them are skipped.
        List<Task> tasks = tasks(f, taskDecls, dnns, platform, scheduler);
        if (platform.isPresent() && scheduler.isPresent()) {
            checkPlacement(f, platforms.get(0), schedulers.get(0), platform.get(), scheduler.get());
        }
        if (taskDecls.isEmpty()) {
            error(f, sys.name, "system '" + sys.name.getText() + "' declares no task", "add `task NAME { ... }`");
        }
        List<Property> properties = new ArrayList<>();
        Exploration exploration = Exploration.DEFAULTS;
        for (GangParser.VerifyDeclContext v : once(f, verifies, "verify")) {
            exploration = verify(f, v, taskDecls, properties);
        }
        if (platform.isEmpty() || scheduler.isEmpty() || diagnostics.stream().anyMatch(Diagnostic::isError)) {
            return Optional.empty();
        }
        if (properties.isEmpty()) {
            warning(f, sys.name, "system '" + sys.name.getText() + "' has nothing to verify",
                    "add `verify { deadlines }`");
        }
        return Optional.of(new SystemSpec(sys.name.getText(), resolution, platform.get(),
                new ArrayList<>(dnns.values()), tasks, scheduler.get(), properties, exploration));
    }

    /** Reports every declaration after the first as a duplicate and returns the first (if any). */
    private <T extends ParserRuleContext> List<T> once(SourceFile f, List<T> decls, String what) {
        for (T extra : decls.subList(Math.min(1, decls.size()), decls.size())) {
            error(f, extra.getStart(), "the " + what + " is declared twice (first on line "
                    + decls.get(0).getStart().getLine() + ")", null);
        }
        return decls.isEmpty() ? List.of() : List.of(decls.get(0));
    }

    // ---------------------------------------------------------------- platform

    private Optional<Platform> platform(SourceFile f, GangParser.PlatformDeclContext p) {
        Integer tpus = null;
        long cache = DEFAULT_CACHE_BYTES;
        List<GangParser.PlatformPipelineContext> pipes = new ArrayList<>();
        Map<String, Token> seen = new HashMap<>();
        for (GangParser.PlatformItemContext item : p.platformItem()) {
            if (item instanceof GangParser.PlatformTpusContext t) {
                if (duplicate(f, seen, "tpus", t.getStart())) {
                    continue;
                }
                Optional<Long> n = wholeNumber(f, t.count, "the number of TPUs", 1, MAX_TPUS);
                if (n.isPresent()) {
                    tpus = n.get().intValue();
                }
            } else if (item instanceof GangParser.PlatformCacheContext c) {
                if (!duplicate(f, seen, "cache", c.getStart())) {
                    cache = bytes(f, c.quantity()).orElse(cache);
                }
            } else {
                pipes.add((GangParser.PlatformPipelineContext) item);
            }
        }
        if (tpus == null) {
            if (!seen.containsKey("tpus")) {
                error(f, p.getStart(), "the platform does not say how many TPUs it has", "add `tpus 4`");
            }
            return Optional.empty();
        }
        List<Pipeline> pipelines = new ArrayList<>();
        Map<String, Token> names = new HashMap<>();
        for (GangParser.PlatformPipelineContext pipe : pipes) {
            if (!checkName(f, pipe.name, "pipeline") || !unique(f, names, pipe.name, "pipeline")) {
                continue;
            }
            Optional<List<Integer>> list = tpuList(f, pipe.tpuList(), tpus, "pipeline '" + pipe.name.getText() + "'");
            list.ifPresent(l -> pipelines.add(new Pipeline(pipe.name.getText(), l)));
        }
        return Optional.of(new Platform(tpus, cache, pipelines));
    }

    /** A non-empty list of distinct TPU indices, each in {@code 0..m-1}. */
    private Optional<List<Integer>> tpuList(SourceFile f, GangParser.TpuListContext list, int m, String owner) {
        if (list.INT().isEmpty()) {
            error(f, list.getStart(), owner + " lists no TPU", "list at least one TPU index, e.g. [0, 1]");
            return Optional.empty();
        }
        List<Integer> out = new ArrayList<>();
        boolean ok = true;
        for (TerminalNode n : list.INT()) {
            Optional<Long> v = wholeNumber(f, n.getSymbol(), "a TPU index", 0, Long.MAX_VALUE);
            if (v.isEmpty()) {
                ok = false;
            } else if (v.get() >= m) {
                error(f, n.getSymbol(), "TPU " + v.get() + " is out of range: the platform has TPUs 0.."
                        + (m - 1), null);
                ok = false;
            } else if (out.contains(v.get().intValue())) {
                error(f, n.getSymbol(), "TPU " + v.get() + " appears twice in " + owner, null);
                ok = false;
            } else {
                out.add(v.get().intValue());
            }
        }
        return ok ? Optional.of(out) : Optional.empty();
    }

    // ---------------------------------------------------------------- DNNs

    private Map<String, Dnn> dnns() {
        Map<String, Dnn> out = new LinkedHashMap<>();
        Map<String, Located<GangParser.DnnDeclContext>> first = new HashMap<>();
        for (Located<GangParser.DnnDeclContext> d : dnnDecls) {
            String name = d.ctx().name.getText();
            if (!checkName(d.file(), d.ctx().name, "DNN")) {
                continue;
            }
            Located<GangParser.DnnDeclContext> earlier = first.putIfAbsent(name, d);
            if (earlier != null) {
                String where = earlier.file().equals(d.file()) ? "on line " + earlier.ctx().name.getLine()
                        : "at " + earlier.file().displayName() + ":" + earlier.ctx().name.getLine();
                error(d.file(), d.ctx().name, "DNN '" + name + "' is declared twice (first " + where + ")", null);
                continue;
            }
            dnn(d.file(), d.ctx()).ifPresent(x -> out.put(name, x));
        }
        return out;
    }

    private Optional<Dnn> dnn(SourceFile f, GangParser.DnnDeclContext d) {
        String name = d.name.getText();
        long size = 0;
        long reload = 0;
        Map<String, Token> seen = new HashMap<>();
        GangParser.DnnLatencyContext single = null;
        List<GangParser.DnnExitContext> exits = new ArrayList<>();
        boolean ok = true;
        for (GangParser.DnnItemContext item : d.dnnItem()) {
            if (item instanceof GangParser.DnnSizeContext s) {
                if (!duplicate(f, seen, "size", s.getStart())) {
                    Optional<Long> b = bytes(f, s.quantity());
                    ok &= b.isPresent();
                    size = b.orElse(0L);
                }
            } else if (item instanceof GangParser.DnnReloadContext r) {
                if (!duplicate(f, seen, "reload", r.getStart())) {
                    Optional<Long> t = ticks(f, r.quantity());
                    ok &= t.isPresent();
                    reload = t.orElse(0L);
                }
            } else if (item instanceof GangParser.DnnLatencyContext l) {
                if (!duplicate(f, seen, "latency", l.getStart())) {
                    single = l;
                }
            } else {
                exits.add((GangParser.DnnExitContext) item);
            }
        }
        if (single != null && !exits.isEmpty()) {
            error(f, exits.get(0).getStart(), "DNN '" + name + "' has both a `latency` table and exits",
                    "a DNN has one `latency` table, or named `exit` tables if it is dynamic");
            return Optional.empty();
        }
        if (single == null && exits.isEmpty()) {
            error(f, d.name, "DNN '" + name + "' has no latency table", "add `latency { 1: 5 ms }`");
            return Optional.empty();
        }
        List<DnnExit> tables = new ArrayList<>();
        if (single != null) {
            Optional<TreeMap<Integer, Latency>> t = table(f, single.latencyTable(), "DNN '" + name + "'");
            ok &= t.isPresent();
            t.ifPresent(x -> tables.add(new DnnExit(DnnExit.SINGLE, x)));
        }
        Map<String, Token> exitNames = new HashMap<>();
        GangParser.DnnExitContext firstExit = null;
        for (GangParser.DnnExitContext e : exits) {
            if (!checkName(f, e.name, "exit") || !unique(f, exitNames, e.name, "exit")) {
                ok = false;
                continue;
            }
            Optional<TreeMap<Integer, Latency>> t = table(f, e.latencyTable(), "exit '" + e.name.getText() + "'");
            if (t.isEmpty()) {
                ok = false;
                continue;
            }
            if (!tables.isEmpty() && !tables.get(0).table().keySet().equals(t.get().keySet())) {
                error(f, e.name, "exit '" + e.name.getText() + "' has latencies for TPU counts {" + counts(t.get()
                        .keySet()) + "}, but exit '" + firstExit.name.getText() + "' for {" + counts(tables.get(0)
                                .table().keySet()) + "}", "every exit of a DNN needs the same TPU counts");
                ok = false;
                continue;
            }
            if (tables.isEmpty()) {
                firstExit = e;
            }
            tables.add(new DnnExit(e.name.getText(), t.get()));
        }
        if (!ok || tables.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Dnn(name, size, reload, single == null, tables));
    }

    private Optional<TreeMap<Integer, Latency>> table(SourceFile f, GangParser.LatencyTableContext t, String owner) {
        if (t.latencyEntry().isEmpty()) {
            error(f, t.getStart(), "the latency table of " + owner + " is empty",
                    "give at least one entry, e.g. { 1: 5 ms }");
            return Optional.empty();
        }
        TreeMap<Integer, Latency> out = new TreeMap<>();
        boolean ok = true;
        for (GangParser.LatencyEntryContext e : t.latencyEntry()) {
            Optional<Long> k = wholeNumber(f, e.tpus, "a TPU count", 1, MAX_TPUS);
            Optional<Latency> l = latency(f, e.latencyValue());
            if (k.isEmpty() || l.isEmpty()) {
                ok = false;
            } else if (out.containsKey(k.get().intValue())) {
                error(f, e.tpus, "TPU count " + k.get() + " appears twice in the latency table of " + owner, null);
                ok = false;
            } else {
                out.put(k.get().intValue(), l.get());
            }
        }
        return ok ? Optional.of(out) : Optional.empty();
    }

    private Optional<Latency> latency(SourceFile f, GangParser.LatencyValueContext v) {
        if (v instanceof GangParser.LatencyExactContext e) {
            Optional<Long> t = ticks(f, e.quantity());
            if (t.isPresent() && t.get() < 1) {
                error(f, e.quantity(), "a latency must be at least one tick", null);
                return Optional.empty();
            }
            return t.map(Latency::exactly);
        }
        GangParser.LatencyRangeContext r = (GangParser.LatencyRangeContext) v;
        Token loUnit = r.loUnit != null ? r.loUnit : r.hi.unit;
        Optional<Long> lo = ticks(f, r.lo, loUnit, r.lo.getStart(), r.loUnit != null ? r.loUnit : r.lo.getStop());
        Optional<Long> hi = ticks(f, r.hi);
        if (lo.isEmpty() || hi.isEmpty()) {
            return Optional.empty();
        }
        if (lo.get() < 1) {
            error(f, r.lo.getStart(), "a latency must be at least one tick", null);
            return Optional.empty();
        }
        if (lo.get() > hi.get()) {
            error(f, r.lo.getStart(), "the best case (" + r.lo.getText() + " " + loUnit.getText()
                    + ") exceeds the worst case (" + r.hi.getText().replace(r.hi.unit.getText(), "") + " "
                    + r.hi.unit.getText() + ")", "write `bcet .. wcet` with bcet <= wcet");
            return Optional.empty();
        }
        return Optional.of(new Latency(lo.get(), hi.get()));
    }

    private static String counts(java.util.Collection<Integer> ks) {
        return ks.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    // ---------------------------------------------------------------- scheduler

    private Optional<Scheduler> scheduler(SourceFile f, GangParser.SchedulerDeclContext s) {
        Optional<Placement> placement = keyword(f, s.placement.getStart(), Placement.values(), Placement::keyword, "placement");
        Optional<Policy> policy = keyword(f, s.policy.getStart(), Policy.values(), Policy::keyword, "policy");
        Optional<Protocol> protocol = s.protocol == null ? Optional.of(Protocol.GANG_STRICT)
                : keyword(f, s.protocol.getStart(), Protocol.values(), Protocol::keyword, "locking protocol");
        if (placement.isEmpty() || policy.isEmpty() || protocol.isEmpty()) {
            return Optional.empty();
        }
        if (protocol.get().perTpu() && placement.get() == Placement.GLOBAL) {
            error(f, s.protocol.getStart(), "the " + protocol.get().keyword() + " protocol needs pinned TPUs",
                    "use `scheduler pinned " + policy.get().keyword() + " with " + protocol.get().keyword()
                            + "` and give every task `pinned [...]`");
            return Optional.empty();
        }
        return Optional.of(new Scheduler(placement.get(), policy.get(), protocol.get()));
    }

    private <E> Optional<E> keyword(SourceFile f, Token word, E[] values, java.util.function.Function<E, String> kw,
            String what) {
        for (E e : values) {
            if (kw.apply(e).equals(word.getText())) {
                return Optional.of(e);
            }
        }
        List<String> words = Arrays.stream(values).map(kw).toList();
        Optional<String> near = Units.closest(word.getText(), words);
        error(f, word, "unknown " + what + " '" + word.getText() + "'",
                near.map(n -> "did you mean '" + n + "'? ").orElse("") + "expected one of " + String.join(", ",
                        words));
        return Optional.empty();
    }

    /** Pipelines must be pairwise disjoint under partitioned placement (semantics §2). */
    private void checkPlacement(SourceFile f, GangParser.PlatformDeclContext platformDecl,
            GangParser.SchedulerDeclContext schedDecl, Platform platform, Scheduler scheduler) {
        if (scheduler.placement() != Placement.PARTITIONED) {
            return;
        }
        Map<Integer, String> owner = new HashMap<>();
        for (GangParser.PlatformItemContext item : platformDecl.platformItem()) {
            if (!(item instanceof GangParser.PlatformPipelineContext pipe)) {
                continue;
            }
            Optional<Pipeline> p = platform.pipeline(pipe.name.getText());
            if (p.isEmpty()) {
                continue;
            }
            for (int tpu : p.get().tpus()) {
                String other = owner.putIfAbsent(tpu, p.get().name());
                if (other != null && !other.equals(p.get().name())) {
                    error(f, pipe.name, "pipelines '" + other + "' and '" + p.get().name() + "' overlap on TPU "
                            + tpu, "partitioned placement needs disjoint pipelines; use `scheduler pinned ...` "
                                    + "for overlapping ones");
                    break;
                }
            }
        }
    }

    // ---------------------------------------------------------------- tasks

    private List<Task> tasks(SourceFile f, List<GangParser.TaskDeclContext> decls, Map<String, Dnn> dnns,
            Optional<Platform> platform, Optional<Scheduler> scheduler) {
        List<Task> out = new ArrayList<>();
        Map<String, Token> names = new HashMap<>();
        Map<Long, String> priorities = new HashMap<>();
        for (GangParser.TaskDeclContext d : decls) {
            if (!checkName(f, d.name, "task") || !unique(f, names, d.name, "task")) {
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
                if (duplicate(f, seen, "runs", r.getStart())) {
                    continue;
                }
                dnn = dnns.get(r.dnn.getText());
                if (dnn == null) {
                    ok = false;
                    if (dnnDecls.stream().noneMatch(x -> x.ctx().name.getText().equals(r.dnn.getText()))) {
                        unknown(f, r.dnn, "DNN", dnnDecls.stream().map(x -> x.ctx().name.getText()).toList());
                    }
                }
            } else if (item instanceof GangParser.TaskPeriodicContext p) {
                if (duplicate(f, seen, "arrival", p.getStart())) {
                    continue;
                }
                arrivalDecl = p;
                Optional<Long> t = periodTicks(f, p.period, "the period");
                Optional<Long> o = p.offset == null ? Optional.of(-1L) : ticks(f, p.offset);
                if (t.isPresent() && o.isPresent()) {
                    arrival = o.get() < 0 ? new Arrival.PeriodicAnyOffset(t.get())
                            : new Arrival.Periodic(t.get(), o.get());
                } else {
                    ok = false;
                }
            } else if (item instanceof GangParser.TaskSporadicContext s) {
                if (duplicate(f, seen, "arrival", s.getStart())) {
                    continue;
                }
                arrivalDecl = s;
                Optional<Long> t = periodTicks(f, s.period, "the minimum separation");
                ok &= t.isPresent();
                arrival = t.map(Arrival.Sporadic::new).orElse(null);
            } else if (item instanceof GangParser.TaskDeadlineContext dl) {
                if (!duplicate(f, seen, "deadline", dl.getStart())) {
                    deadlineDecl = dl;
                    Optional<Long> v = positiveTicks(f, dl.quantity(), "the deadline");
                    ok &= v.isPresent();
                    deadline = v.orElse(null);
                }
            } else if (item instanceof GangParser.TaskJitterContext j) {
                if (!duplicate(f, seen, "jitter", j.getStart())) {
                    Optional<Long> v = ticks(f, j.quantity());
                    ok &= v.isPresent();
                    jitter = v.orElse(0L);
                }
            } else if (item instanceof GangParser.TaskPriorityContext p) {
                if (!duplicate(f, seen, "priority", p.getStart())) {
                    Optional<Long> v = wholeNumber(f, p.INT().getSymbol(), "a priority", 1, Integer.MAX_VALUE);
                    if (v.isPresent()) {
                        String other = priorities.putIfAbsent(v.get(), name);
                        if (other != null) {
                            error(f, p.INT().getSymbol(), "priority " + v.get() + " is already used by task '"
                                    + other + "'", "priorities are distinct integers; 1 is the highest");
                            ok = false;
                        }
                        priority = v.get();
                    } else {
                        ok = false;
                    }
                }
            } else if (item instanceof GangParser.TaskTpusContext t) {
                if (!duplicate(f, seen, "tpus", t.getStart())) {
                    tpusDecl = t;
                }
            } else if (item instanceof GangParser.TaskPipelineContext p) {
                if (!duplicate(f, seen, "pipeline", p.getStart())) {
                    pipelineDecl = p;
                }
            } else {
                GangParser.TaskPinnedContext p = (GangParser.TaskPinnedContext) item;
                if (!duplicate(f, seen, "pinned", p.getStart())) {
                    pinnedDecl = p;
                }
            }
        }
        if (!seen.containsKey("runs")) {
            error(f, d.name, "task '" + name + "' does not say which DNN it runs", "add `runs DNN_NAME`");
            ok = false;
        }
        if (!seen.containsKey("arrival")) {
            error(f, d.name, "task '" + name + "' has no arrival model",
                    "add `periodic 20 ms`, `periodic 20 ms offset 0 ms` or `sporadic 20 ms`");
            ok = false;
        }
        if (!seen.containsKey("priority")) {
            error(f, d.name, "task '" + name + "' has no priority",
                    "add `priority N`; priorities are distinct integers and 1 is the highest");
            ok = false;
        }
        if (arrival != null && deadline != null && deadline > arrival.period()) {
            error(f, deadlineDecl.quantity(), "the deadline of task '" + name + "' exceeds its period ("
                    + formatTicks(deadline) + " > " + formatTicks(arrival.period()) + ")",
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
            error(f, pipelineDecl.getStart(), "task '" + name + "' names a pipeline, but placement is "
                    + placement.keyword(), placement == Placement.PINNED ? "under pinned placement use `pinned [...]`"
                            : "use `scheduler partitioned ...` to bind tasks to pipelines");
            return Optional.empty();
        }
        if (pinnedDecl != null && placement != Placement.PINNED) {
            error(f, pinnedDecl.getStart(), "task '" + name + "' pins TPUs, but placement is " + placement.keyword(),
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
                    error(f, d.name, "task '" + name + "' does not say on how many TPUs it runs",
                            "add `tpus K` with K one of " + counts(dnn.levels()) + ", or `tpus "
                                    + dnn.levels().first() + " .. " + dnn.levels().last() + "` to let synthesis "
                                    + "choose");
                    return Optional.empty();
                }
            }
            return Optional.of(Map.entry(levels, new Binding.AnyTpus()));
        }
        if (placement == Placement.PINNED) {
            if (pinnedDecl == null) {
                error(f, d.name, "task '" + name + "' is not pinned to TPUs, but placement is pinned",
                        "add `pinned [0, 1]`: the TPUs of its compiled pipeline, in order");
                return Optional.empty();
            }
            Optional<List<Integer>> list = tpuList(f, pinnedDecl.tpuList(), platform.tpus(), "task '" + name + "'");
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
            error(f, d.name, "task '" + name + "' has no pipeline, but placement is partitioned",
                    "add `pipeline NAME` for one of the platform's pipelines, or `pipeline any` to let "
                            + "synthesis choose");
            return Optional.empty();
        }
        if (pipelineDecl.any != null) {
            SortedSet<Integer> levels = declared.orElseGet(() -> new TreeSet<>(dnn.levels()
                    .headSet(platform.tpus() + 1)));
            if (levels.isEmpty()) {
                error(f, pipelineDecl.getStart(), "DNN '" + dnn.name() + "' has no latency for at most "
                        + platform.tpus() + " TPUs", null);
                return Optional.empty();
            }
            return Optional.of(Map.entry(levels, new Binding.ChoosePipeline()));
        }
        Optional<Pipeline> pipe = platform.pipeline(pipelineDecl.pipe.getText());
        if (pipe.isEmpty()) {
            unknown(f, pipelineDecl.pipe, "pipeline", platform.pipelines().stream().map(Pipeline::name).toList());
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

    private boolean sameLevel(SourceFile f, GangParser.TaskTpusContext tpusDecl, Optional<SortedSet<Integer>> declared,
            int k, String because) {
        if (declared.isPresent() && !declared.get().equals(new TreeSet<>(List.of(k)))) {
            error(f, tpusDecl.levels().getStart(), "`tpus " + tpusDecl.levels().getText() + "` contradicts the "
                    + "binding: " + because, "remove `tpus`: the binding fixes the parallelism level");
            return false;
        }
        return true;
    }

    private boolean supported(SourceFile f, Token at, Dnn dnn, int k, String what) {
        if (!dnn.supports(k)) {
            error(f, at, what + " " + k + " TPU" + (k == 1 ? "" : "s") + ", but DNN '" + dnn.name()
                    + "' has no latency for " + k + " TPU" + (k == 1 ? "" : "s"),
                    "its table has " + counts(dnn.levels()) + "; add an entry for " + k + " or change the binding");
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
            Optional<Long> lo = wholeNumber(f, r.lo, "a TPU count", 1, MAX_TPUS);
            if (lo.isEmpty()) {
                return Optional.empty();
            }
            if (r.hi == null) {
                return checkLevel(f, r.lo, dnn, m, lo.get().intValue()) ? Optional.of(new TreeSet<>(List.of(lo.get()
                        .intValue()))) : Optional.empty();
            }
            Optional<Long> hi = wholeNumber(f, r.hi, "a TPU count", 1, MAX_TPUS);
            if (hi.isEmpty()) {
                return Optional.empty();
            }
            if (lo.get() > hi.get()) {
                error(f, r.lo, "the range " + lo.get() + " .. " + hi.get() + " is empty", "write `tpus lo .. hi` with "
                        + "lo <= hi");
                return Optional.empty();
            }
            for (int k = lo.get().intValue(); k <= hi.get(); k++) {
                if (dnn.supports(k) && k <= m) {
                    out.add(k);
                }
            }
            if (out.isEmpty()) {
                error(f, r.lo, "DNN '" + dnn.name() + "' has no latency for any TPU count in " + lo.get() + " .. "
                        + hi.get() + " on " + m + " TPUs", "its table has " + counts(dnn.levels()));
                return Optional.empty();
            }
            return Optional.of(out);
        }
        GangParser.LevelSetContext s = (GangParser.LevelSetContext) t.levels();
        for (TerminalNode n : s.INT()) {
            Optional<Long> k = wholeNumber(f, n.getSymbol(), "a TPU count", 1, MAX_TPUS);
            if (k.isEmpty() || !checkLevel(f, n.getSymbol(), dnn, m, k.get().intValue())) {
                return Optional.empty();
            }
            if (!out.add(k.get().intValue())) {
                error(f, n.getSymbol(), "TPU count " + k.get() + " appears twice", null);
                return Optional.empty();
            }
        }
        return Optional.of(out);
    }

    private boolean checkLevel(SourceFile f, Token at, Dnn dnn, int m, int k) {
        if (k > m) {
            error(f, at, k + " TPUs requested, but the platform has only " + m, null);
            return false;
        }
        if (!dnn.supports(k)) {
            error(f, at, "DNN '" + dnn.name() + "' has no latency for " + k + " TPU" + (k == 1 ? "" : "s"),
                    "its table has " + counts(dnn.levels()));
            return false;
        }
        return true;
    }

    // ---------------------------------------------------------------- verify

    private Exploration verify(SourceFile f, GangParser.VerifyDeclContext v, List<GangParser.TaskDeclContext> taskDecls,
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
                if (!duplicate(f, seen, "horizon", h.getStart())) {
                    horizon = positiveTicks(f, h.quantity(), "the horizon");
                }
            } else {
                GangParser.VerifyLimitContext l = (GangParser.VerifyLimitContext) item;
                String what = l.what.getText();
                if (!List.of("states", "time", "memory").contains(what)) {
                    error(f, l.what, "unknown limit '" + what + "'", Units.closest(what, List.of("states", "time",
                            "memory")).map(n -> "did you mean '" + n + "'? ").orElse("")
                            + "limits are `states N`, `time 60 s` and `memory 4 GiB`");
                    continue;
                }
                if (duplicate(f, seen, "limit " + what, l.getStart())) {
                    continue;
                }
                GangParser.LimitValueContext lv = l.limitValue();
                if (what.equals("states")) {
                    if (lv.INT() == null) {
                        error(f, lv.getStart(), "the state limit is a plain number", "write `limit states 1000000`");
                    } else {
                        states = wholeNumber(f, lv.INT().getSymbol(), "a state count", 1, Long.MAX_VALUE);
                    }
                } else if (lv.quantity() == null) {
                    error(f, lv.getStart(), "the " + what + " limit needs a unit", what.equals("time")
                            ? "write for example `limit time 60 s`" : "write for example `limit memory 4 GiB`");
                } else if (what.equals("time")) {
                    time = millis(f, lv.quantity());
                } else {
                    memory = bytes(f, lv.quantity());
                    if (memory.isPresent() && memory.get() < 1) {
                        error(f, lv.quantity(), "the memory limit must be positive", "write for example "
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
            error(f, p.kind, "unknown property '" + kind + "'", Units.closest(kind, all)
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
                bound = wholeNumber(f, c.INT().getSymbol(), "a number of jobs", 0, Long.MAX_VALUE)
                        .map(Bound.Value::new);
            } else {
                error(f, b.getStart(), "overtakes counts jobs: the bound is a plain number", "write for example `"
                        + "overtakes(" + p.task.getText() + ") <= 2`");
                bound = Optional.empty();
            }
        } else if (b instanceof GangParser.BoundQuantityContext q) {
            bound = ticks(f, q.quantity()).map(Bound.Value::new);
        } else {
            error(f, b.getStart(), "the bound of " + kind + " is a time and needs a unit", "write for example `"
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
        unknown(f, name, "task", List.copyOf(taskNames));
        return false;
    }

    // ---------------------------------------------------------------- literals

    private static BigDecimal number(GangParser.NumberContext n) {
        return new BigDecimal(n.getText().replace("_", ""));
    }

    /** A time quantity in nanoseconds, exactly; empty (with an error) for a wrong unit or a fraction of a ns. */
    private Optional<BigInteger> nanos(SourceFile f, GangParser.QuantityContext q) {
        return nanos(f, q.number(), q.unit, q.getStart(), q.getStop());
    }

    private Optional<BigInteger> nanos(SourceFile f, GangParser.NumberContext num, Token unit, Token from, Token to) {
        BigInteger perUnit = Units.TIME_NANOS.get(unit.getText());
        if (perUnit == null) {
            unitError(f, unit, Units.TIME_NANOS.keySet(), Units.SIZE_BYTES.keySet(), "a time");
            return Optional.empty();
        }
        BigDecimal ns = number(num).multiply(new BigDecimal(perUnit));
        try {
            return Optional.of(ns.toBigIntegerExact());
        } catch (ArithmeticException notWhole) {
            error(f, from, to, num.getText() + " " + unit.getText() + " is not a whole number of nanoseconds",
                    "gangproof's finest resolution is 1 ns");
            return Optional.empty();
        }
    }

    private Optional<Long> ticks(SourceFile f, GangParser.QuantityContext q) {
        return ticks(f, q.number(), q.unit, q.getStart(), q.getStop());
    }

    /** A time quantity in ticks: never rounded (semantics §1), never overflowing. */
    private Optional<Long> ticks(SourceFile f, GangParser.NumberContext num, Token unit, Token from, Token to) {
        Optional<BigInteger> ns = nanos(f, num, unit, from, to);
        if (ns.isEmpty()) {
            return Optional.empty();
        }
        BigInteger[] qr = ns.get().divideAndRemainder(nanosPerTick);
        if (qr[1].signum() != 0) {
            BigInteger finer = ns.get().gcd(nanosPerTick);
            error(f, from, to, num.getText() + " " + unit.getText() + " is not a whole number of ticks at resolution "
                    + Units.formatNanos(nanosPerTick), "write a multiple of " + Units.formatNanos(nanosPerTick)
                            + ", or declare a finer resolution such as `resolution " + Units.formatNanos(finer) + "`");
            return Optional.empty();
        }
        if (qr[0].compareTo(LONG_MAX) > 0) {
            error(f, from, to, num.getText() + " " + unit.getText() + " is too large: it does not fit in 64-bit ticks",
                    "use a coarser resolution");
            return Optional.empty();
        }
        return Optional.of(qr[0].longValueExact());
    }

    private Optional<Long> positiveTicks(SourceFile f, GangParser.QuantityContext q, String what) {
        Optional<Long> t = ticks(f, q);
        if (t.isPresent() && t.get() < 1) {
            error(f, q, what + " must be positive", null);
            return Optional.empty();
        }
        return t;
    }

    /** A period in ticks, written as a time or as a frequency whose period is a whole number of ticks. */
    private Optional<Long> periodTicks(SourceFile f, GangParser.QuantityContext q, String what) {
        if (!Frequency.isUnit(q.unit.getText())) {
            return positiveTicks(f, q, what);
        }
        if (number(q.number()).signum() <= 0) {
            error(f, q, what + " must be positive", null);
            return Optional.empty();
        }
        BigInteger[] qr = Frequency.periodTicks(number(q.number()), q.unit.getText(), nanosPerTick);
        String written = q.number().getText() + " " + q.unit.getText();
        if (qr[1].signum() != 0) {
            String nearest = (qr[0].signum() > 0 ? Units.formatNanos(qr[0].multiply(nanosPerTick)) + " or " : "")
                    + Units.formatNanos(qr[0].add(BigInteger.ONE).multiply(nanosPerTick));
            error(f, q, "the period of " + written + " is not a whole number of ticks at resolution "
                    + Units.formatNanos(nanosPerTick), "write the period as a time, e.g. " + nearest
                            + ", or a frequency whose period is a whole number of ticks");
            return Optional.empty();
        }
        if (qr[0].compareTo(LONG_MAX) > 0) {
            error(f, q, written + " is too low: its period does not fit in 64-bit ticks", "use a coarser resolution");
            return Optional.empty();
        }
        return Optional.of(qr[0].longValueExact());
    }

    private Optional<Long> millis(SourceFile f, GangParser.QuantityContext q) {
        Optional<BigInteger> ns = nanos(f, q);
        if (ns.isEmpty()) {
            return Optional.empty();
        }
        BigInteger[] qr = ns.get().divideAndRemainder(BigInteger.valueOf(1_000_000L));
        if (qr[1].signum() != 0 || qr[0].signum() <= 0 || qr[0].compareTo(LONG_MAX) > 0) {
            error(f, q, "a time limit is a positive whole number of milliseconds", "write for example `limit time "
                    + "60 s`");
            return Optional.empty();
        }
        return Optional.of(qr[0].longValueExact());
    }

    private Optional<Long> bytes(SourceFile f, GangParser.QuantityContext q) {
        BigInteger perUnit = Units.SIZE_BYTES.get(q.unit.getText());
        if (perUnit == null) {
            unitError(f, q.unit, Units.SIZE_BYTES.keySet(), Units.TIME_NANOS.keySet(), "a size");
            return Optional.empty();
        }
        BigDecimal b = number(q.number()).multiply(new BigDecimal(perUnit));
        BigInteger whole;
        try {
            whole = b.toBigIntegerExact();
        } catch (ArithmeticException notWhole) {
            error(f, q, q.getText().replace(q.unit.getText(), " " + q.unit.getText()) + " is not a whole number of "
                    + "bytes", null);
            return Optional.empty();
        }
        if (whole.compareTo(LONG_MAX) > 0) {
            error(f, q, "the size is too large", null);
            return Optional.empty();
        }
        return Optional.of(whole.longValueExact());
    }

    private void unitError(SourceFile f, Token unit, java.util.Set<String> wanted, java.util.Set<String> other,
            String kind) {
        String list = String.join(", ", wanted);
        if (Frequency.isUnit(unit.getText())) {
            error(f, unit, "a frequency is accepted only as a period", "write " + kind + " in " + list
                    + " here; `periodic 25 Hz` and `sporadic 25 Hz` take a frequency");
        } else if (other.contains(unit.getText())) {
            error(f, unit, "expected " + kind + " unit (" + list + "), got '" + unit.getText() + "'", null);
        } else {
            error(f, unit, "unknown unit '" + unit.getText() + "'", Units.closest(unit.getText(), wanted)
                    .map(n -> "did you mean '" + n + "'? ").orElse("") + kind + " takes " + list);
        }
    }

    /** A whole number in {@code [min, max]}; underscores are digit separators. */
    private Optional<Long> wholeNumber(SourceFile f, Token t, String what, long min, long max) {
        BigInteger v = new BigInteger(t.getText().replace("_", ""));
        boolean tooSmall = v.compareTo(BigInteger.valueOf(min)) < 0;
        if (tooSmall || v.compareTo(BigInteger.valueOf(max)) > 0) {
            boolean bounded = max != Long.MAX_VALUE && max != Integer.MAX_VALUE;
            String range = bounded ? "from " + min + " to " + max : tooSmall ? "at least " + min : "at most " + max;
            if (v.compareTo(LONG_MAX) > 0) {
                error(f, t, "the number " + t.getText() + " is too large", what + " is " + range);
            } else {
                error(f, t, what + " must be " + range + ", got " + t.getText(), null);
            }
            return Optional.empty();
        }
        return Optional.of(v.longValueExact());
    }

    private String formatTicks(long ticks) {
        return Units.formatNanos(BigInteger.valueOf(ticks).multiply(nanosPerTick));
    }

    // ---------------------------------------------------------------- names and reporting

    private boolean checkName(SourceFile f, Token name, String what) {
        if (NAME.matcher(name.getText()).matches()) {
            return true;
        }
        error(f, name, "'" + name.getText() + "' is not a valid " + what + " name",
                "names are letters, digits and '_', starting with a letter or '_'; try '"
                        + name.getText().replace('-', '_') + "'");
        return false;
    }

    private boolean unique(SourceFile f, Map<String, Token> seen, Token name, String what) {
        Token first = seen.putIfAbsent(name.getText(), name);
        if (first != null) {
            error(f, name, "duplicate " + what + " '" + name.getText() + "' (first declared on line "
                    + first.getLine() + ")", null);
            return false;
        }
        return true;
    }

    /** True (after reporting) when the attribute was already given in this block. */
    private boolean duplicate(SourceFile f, Map<String, Token> seen, String attribute, Token at) {
        Token first = seen.putIfAbsent(attribute, at);
        if (first != null) {
            error(f, at, "the " + attribute + " is given twice (first on line " + first.getLine() + ")", null);
            return true;
        }
        return false;
    }

    private void unknown(SourceFile f, Token name, String what, List<String> known) {
        Optional<String> near = Units.closest(name.getText(), known);
        String hint = near.map(n -> "did you mean '" + n + "'?").orElse(known.isEmpty() ? "none is declared"
                : "declared: " + String.join(", ", known));
        error(f, name, "unknown " + what + " '" + name.getText() + "'", hint);
    }

    private void error(SourceFile f, Token at, String message, String hint) {
        add(Diagnostic.Severity.ERROR, f, at, at, message, hint);
    }

    private void error(SourceFile f, Token from, Token to, String message, String hint) {
        add(Diagnostic.Severity.ERROR, f, from, to, message, hint);
    }

    private void error(SourceFile f, ParserRuleContext at, String message, String hint) {
        add(Diagnostic.Severity.ERROR, f, at.getStart(), at.getStop(), message, hint);
    }

    private void error(SourceFile f, int line, int col, int len, String message, String hint) {
        diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR, f.displayName(), line, col, len, message,
                sourceLine(f, line), Optional.ofNullable(hint)));
    }

    private void warning(SourceFile f, Token at, String message, String hint) {
        add(Diagnostic.Severity.WARNING, f, at, at, message, hint);
    }

    private void add(Diagnostic.Severity severity, SourceFile f, Token from, Token to, String message, String hint) {
        int length = from.getLine() == to.getLine() ? to.getStopIndex() - from.getStartIndex() + 1
                : from.getText().length();
        diagnostics.add(new Diagnostic(severity, f.displayName(), from.getLine(), from.getCharPositionInLine() + 1,
                length, message, sourceLine(f, from.getLine()), Optional.ofNullable(hint)));
    }

    /** {@link SourceFile#line}, without splitting the text again for every diagnostic. */
    private String sourceLine(SourceFile f, int line) {
        List<String> all = lines.computeIfAbsent(f, SourceFile::lines);
        return line >= 1 && line <= all.size() ? all.get(line - 1) : "";
    }
}
