package io.gangproof.spec.parse;

import io.gangproof.spec.Dnn;
import io.gangproof.spec.Exploration;
import io.gangproof.spec.Platform;
import io.gangproof.spec.Property;
import io.gangproof.spec.Resolution;
import io.gangproof.spec.Scheduler;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import io.gangproof.spec.grammar.GangParser;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;

/**
 * Turns parse trees into a {@link SystemSpec}: follows imports, converts every literal to
 * exact ticks or bytes, and checks every rule of docs/semantics.md §1–§7 that a spec can
 * break. It reports every error of every file rather than stopping at the first; semantic
 * checks run only on files that parsed cleanly. Each part of the spec has its own resolver
 * class; all of them report to one {@link Diagnostics}.
 */
final class Resolver {
    static final int MAX_TPUS = 64;
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private final SourceFile main;
    private final Diagnostics diag = new Diagnostics();
    private final Names naming = new Names(diag);
    private final Quantities units = new Quantities(diag);
    private final Imports imports = new Imports(diag);
    private final PlatformResolver platformResolver = new PlatformResolver(diag, naming, units);
    private final DnnResolver dnnResolver = new DnnResolver(diag, naming, units);
    private final TaskResolver taskResolver = new TaskResolver(diag, naming, units, platformResolver,
            imports.dnnDecls());
    private final VerifyResolver verifyResolver = new VerifyResolver(diag, naming, units);

    Resolver(SourceFile main) {
        this.main = main;
    }

    LoadResult resolve() {
        ParsedFile parsed = SpecParser.parse(main);
        imports.addMain(main, parsed);
        diag.addAll(parsed.syntaxErrors());
        if (parsed.hasSyntaxErrors()) {
            return finish(Optional.empty());
        }
        Deque<String> stack = new ArrayDeque<>();
        stack.push(imports.key(main));
        List<GangParser.SystemDeclContext> systems = new ArrayList<>();
        for (GangParser.TopItemContext item : parsed.tree().topItem()) {
            if (item.importDecl() != null) {
                imports.followImport(main, item.importDecl(), stack);
            } else if (item.dnnDecl() != null) {
                imports.dnnDecls().add(new Located<>(main, item.dnnDecl()));
            } else {
                systems.add(item.systemDecl());
            }
        }
        if (systems.isEmpty()) {
            diag.error(main, 1, 1, 1, "no system declared",
                    "a spec declares `system NAME { ... }`; a file of DNNs only is imported by such a spec");
            return finish(Optional.empty());
        }
        for (GangParser.SystemDeclContext extra : systems.subList(1, systems.size())) {
            diag.error(main, extra.name, "a spec declares one system; '" + extra.name.getText() + "' is a second one",
                    "put each system in its own file and share DNNs with `import`");
        }
        return finish(system(systems.get(0), stack));
    }

    private LoadResult finish(Optional<SystemSpec> spec) {
        List<Diagnostic> sorted = new ArrayList<>(diag.all());
        sorted.sort(java.util.Comparator.comparing(Diagnostic::file).thenComparingInt(Diagnostic::line)
                .thenComparingInt(Diagnostic::column));
        boolean failed = sorted.stream().anyMatch(Diagnostic::isError);
        if (failed || spec.isEmpty()) {
            return new LoadResult.Invalid(sorted);
        }
        return new LoadResult.Loaded(spec.get(), sorted);
    }

    // ---------------------------------------------------------------- the system

    private Optional<SystemSpec> system(GangParser.SystemDeclContext sys, Deque<String> stack) {
        SourceFile f = main;
        naming.checkName(f, sys.name, "system");
        List<GangParser.ResolutionDeclContext> resolutions = new ArrayList<>();
        List<GangParser.PlatformDeclContext> platforms = new ArrayList<>();
        List<GangParser.TaskDeclContext> taskDecls = new ArrayList<>();
        List<GangParser.SchedulerDeclContext> schedulers = new ArrayList<>();
        List<GangParser.VerifyDeclContext> verifies = new ArrayList<>();
        for (GangParser.SystemItemContext item : sys.systemItem()) {
            if (item.resolutionDecl() != null) {
                resolutions.add(item.resolutionDecl());
            } else if (item.importDecl() != null) {
                imports.followImport(f, item.importDecl(), stack);
            } else if (item.platformDecl() != null) {
                platforms.add(item.platformDecl());
            } else if (item.dnnDecl() != null) {
                imports.dnnDecls().add(new Located<>(f, item.dnnDecl()));
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
            Optional<BigInteger> ns = units.nanos(f, r.quantity());
            if (ns.isPresent()) {
                if (ns.get().signum() <= 0) {
                    diag.error(f, r.quantity(), "the resolution must be positive", null);
                } else if (ns.get().compareTo(LONG_MAX) > 0) {
                    diag.error(f, r.quantity(), "the resolution is too large", null);
                } else {
                    resolution = new Resolution(ns.get().longValueExact());
                    units.setResolution(ns.get());
                }
            }
        }
        Optional<Platform> platform = Optional.empty();
        if (platforms.isEmpty()) {
            diag.error(f, sys.name, "system '" + sys.name.getText() + "' declares no platform",
                    "add `platform { tpus 4 }`");
        } else {
            platform = platformResolver.platform(f, once(f, platforms, "platform").get(0));
        }
        Map<String, Dnn> dnns = dnnResolver.dnns(imports.dnnDecls());
        Optional<Scheduler> scheduler = Optional.empty();
        if (schedulers.isEmpty()) {
            diag.error(f, sys.name, "system '" + sys.name.getText() + "' declares no scheduler",
                    "add for example `scheduler global fp with gang-strict`");
        } else {
            scheduler = platformResolver.scheduler(f, once(f, schedulers, "scheduler").get(0));
        }
        // Tasks are checked even when the platform or scheduler is broken, so that all errors show at once;
        // only the checks that need them are skipped.
        List<Task> tasks = taskResolver.tasks(f, taskDecls, dnns, platform, scheduler);
        if (platform.isPresent() && scheduler.isPresent()) {
            platformResolver.checkPlacement(f, platforms.get(0), schedulers.get(0), platform.get(), scheduler.get());
        }
        if (taskDecls.isEmpty()) {
            diag.error(f, sys.name, "system '" + sys.name.getText() + "' declares no task", "add `task NAME { ... }`");
        }
        List<Property> properties = new ArrayList<>();
        Exploration exploration = Exploration.DEFAULTS;
        for (GangParser.VerifyDeclContext v : once(f, verifies, "verify")) {
            exploration = verifyResolver.verify(f, v, taskDecls, properties);
        }
        if (platform.isEmpty() || scheduler.isEmpty() || diag.hasErrors()) {
            return Optional.empty();
        }
        if (properties.isEmpty()) {
            diag.warning(f, sys.name, "system '" + sys.name.getText() + "' has nothing to verify",
                    "add `verify { deadlines }`");
        }
        Resolution shown = resolution.shownIn(units.mostUsedTimeUnit());
        return Optional.of(new SystemSpec(sys.name.getText(), shown, platform.get(), new ArrayList<>(dnns.values()),
                tasks, scheduler.get(), properties, exploration));
    }

    /** Reports every declaration after the first as a duplicate and returns the first (if any). */
    private <T extends ParserRuleContext> List<T> once(SourceFile f, List<T> decls, String what) {
        for (T extra : decls.subList(Math.min(1, decls.size()), decls.size())) {
            diag.error(f, extra.getStart(), "the " + what + " is declared twice (first on line "
                    + decls.get(0).getStart().getLine() + ")", null);
        }
        return decls.isEmpty() ? List.of() : List.of(decls.get(0));
    }
}
