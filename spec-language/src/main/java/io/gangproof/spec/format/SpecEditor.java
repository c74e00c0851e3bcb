package io.gangproof.spec.format;

import io.gangproof.spec.Binding;
import io.gangproof.spec.Pipeline;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Task;
import io.gangproof.spec.grammar.GangParser;
import io.gangproof.spec.parse.LoadResult;
import io.gangproof.spec.parse.ParsedFile;
import io.gangproof.spec.parse.SourceFile;
import io.gangproof.spec.parse.SpecLoader;
import io.gangproof.spec.parse.SpecParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Edits the text of a user's spec so that it loads as a target {@link SystemSpec} that differs
 * only in choices synthesis makes: task levels ({@code tpus}), pipelines, priorities, and the
 * platform's pipelines. Every other character stays as written, so comments, order and units
 * survive ({@code 2.4 .. 2.7 ms} is not rewritten as {@code 2400 us .. 2700 us}, as
 * {@link SpecWriter} would). Edits are spliced at the token positions of the parse tree. The
 * edited text is loaded again and must give the target exactly; otherwise the edit is refused
 * with the reason, and nothing is claimed.
 */
public final class SpecEditor {
    private final String text;
    private final SystemSpec original;
    private final SystemSpec target;
    private final List<Splice> splices = new ArrayList<>();

    /** Replace the code points {@code [from, to)} of the source with {@code text}. */
    private record Splice(int from, int to, String text) {
    }

    /** The edited text, or why the spec cannot be edited in place. */
    public sealed interface Result {
        record Edited(String text) implements Result {
        }

        record NotEditable(String reason) implements Result {
        }
    }

    private SpecEditor(String text, SystemSpec original, SystemSpec target) {
        this.text = text;
        this.original = original;
        this.target = target;
    }

    /**
     * Edits {@code source} (the text that loads as {@code original}) to load as {@code target}
     * from a file in {@code outputDir}: imports are rewritten relative to it when it is another
     * folder than the source's.
     */
    public static Result edit(SourceFile source, SystemSpec original, SystemSpec target, Path outputDir) {
        ParsedFile parsed = SpecParser.parse(source);
        if (parsed.hasSyntaxErrors()) {
            return new Result.NotEditable("the spec has syntax errors");
        }
        SpecEditor editor = new SpecEditor(source.text(), original, target);
        Optional<GangParser.SystemDeclContext> system = parsed.tree().topItem().stream()
                .map(GangParser.TopItemContext::systemDecl).filter(s -> s != null).findFirst();
        if (system.isEmpty()) {
            return new Result.NotEditable("the file declares no system");
        }
        Path from = source.baseDir().toAbsolutePath().normalize();
        Path to = outputDir.toAbsolutePath().normalize();
        for (GangParser.TopItemContext item : parsed.tree().topItem()) {
            if (item.importDecl() != null) {
                editor.moveImport(item.importDecl(), from, to);
            }
        }
        editor.system(system.get(), from, to);
        String edited = editor.apply();
        LoadResult reloaded = SpecLoader.loadText(source.displayName(), edited, to);
        if (!(reloaded instanceof LoadResult.Loaded l) || !l.spec().equals(target)) {
            return new Result.NotEditable("the choices cannot be written into the spec's own text");
        }
        return new Result.Edited(edited);
    }

    private void system(GangParser.SystemDeclContext system, Path from, Path to) {
        for (GangParser.SystemItemContext item : system.systemItem()) {
            if (item.importDecl() != null) {
                moveImport(item.importDecl(), from, to);
            } else if (item.platformDecl() != null) {
                platform(item.platformDecl());
            } else if (item.taskDecl() != null) {
                target.tasks().stream().filter(t -> t.name().equals(item.taskDecl().name.getText())).findFirst()
                        .ifPresent(t -> task(item.taskDecl(), t));
            }
        }
    }

    private void moveImport(GangParser.ImportDeclContext imp, Path from, Path to) {
        if (from.equals(to)) {
            return;
        }
        Token s = imp.STRING().getSymbol();
        String raw = s.getText().substring(1, s.getText().length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        String moved = to.relativize(from.resolve(raw).normalize()).toString().replace('\\', '/');
        splices.add(new Splice(s.getStartIndex(), s.getStopIndex() + 1, "\"" + moved.replace("\"", "\\\"") + "\""));
    }

    private void platform(GangParser.PlatformDeclContext decl) {
        List<String> added = new ArrayList<>();
        for (Pipeline p : target.platform().pipelines()) {
            Optional<GangParser.PlatformPipelineContext> written = decl.platformItem().stream()
                    .filter(i -> i instanceof GangParser.PlatformPipelineContext pp
                            && pp.name.getText().equals(p.name()))
                    .map(i -> (GangParser.PlatformPipelineContext) i).findFirst();
            if (written.isEmpty()) {
                added.add("pipeline " + p.name() + " = " + list(p.tpus()));
            } else if (!original.platform().pipeline(p.name()).equals(Optional.of(p))) {
                replace(written.get().tpuList(), list(p.tpus()));
            }
        }
        insert(decl, decl.platformItem(), added);
    }

    private void task(GangParser.TaskDeclContext decl, Task t) {
        Task before = original.tasks().stream().filter(o -> o.name().equals(t.name())).findFirst().orElseThrow();
        List<String> added = new ArrayList<>();
        if (before.priority() != t.priority()) {
            item(decl, GangParser.TaskPriorityContext.class).ifPresentOrElse(
                    p -> replace(p.INT().getSymbol(), String.valueOf(t.priority())),
                    () -> added.add("priority " + t.priority()));
        }
        if (!before.levels().equals(t.levels())) {
            String levels = t.levelFixed() ? String.valueOf(t.level())
                    : "{ " + t.levels().stream().map(String::valueOf).collect(Collectors.joining(", ")) + " }";
            item(decl, GangParser.TaskTpusContext.class).ifPresentOrElse(p -> replace(p.levels(), levels),
                    () -> added.add("tpus " + levels));
        }
        if (!before.binding().equals(t.binding())) {
            if (t.binding() instanceof Binding.OnPipeline p) {
                item(decl, GangParser.TaskPipelineContext.class).ifPresentOrElse(
                        x -> replace(x.any != null ? x.any : x.pipe, p.pipeline()),
                        () -> added.add("pipeline " + p.pipeline()));
            } else if (t.binding() instanceof Binding.Pinned p) {
                item(decl, GangParser.TaskPinnedContext.class).ifPresentOrElse(x -> {
                    if (x.any != null) {
                        replace(x.any, list(p.tpus()));
                    } else {
                        replace(x.tpuList(), list(p.tpus()));
                    }
                }, () -> added.add("pinned " + list(p.tpus())));
            }
        }
        insert(decl, decl.taskItem(), added);
    }

    private static <T extends ParserRuleContext> Optional<T> item(GangParser.TaskDeclContext decl, Class<T> kind) {
        return decl.taskItem().stream().filter(kind::isInstance).map(kind::cast).findFirst();
    }

    private void replace(ParserRuleContext ctx, String with) {
        splices.add(new Splice(ctx.getStart().getStartIndex(), ctx.getStop().getStopIndex() + 1, with));
    }

    private void replace(Token token, String with) {
        splices.add(new Splice(token.getStartIndex(), token.getStopIndex() + 1, with));
    }

    /**
     * Adds items at the end of a block: each on a line of its own, indented like the last item,
     * when the block's items are on lines of their own; after a comma on a one-line block.
     */
    private void insert(ParserRuleContext block, List<? extends ParserRuleContext> items, List<String> added) {
        if (added.isEmpty()) {
            return;
        }
        Token close = block.getStop();
        if (items.isEmpty() || items.get(items.size() - 1).getStop().getLine() == close.getLine()) {
            int at = items.isEmpty() ? close.getStartIndex() : items.get(items.size() - 1).getStop().getStopIndex() + 1;
            String sep = items.isEmpty() ? "" : ", ";
            splices.add(new Splice(at, at, sep + String.join(", ", added) + (items.isEmpty() ? " " : "")));
            return;
        }
        ParserRuleContext last = items.get(items.size() - 1);
        String line = text.lines().skip(last.getStart().getLine() - 1).findFirst().orElse("");
        String indent = line.substring(0, line.length() - line.stripLeading().length());
        int endOfLine = codePointIndexOfLineEnd(last.getStop().getLine());
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        splices.add(new Splice(endOfLine, endOfLine, added.stream().map(a -> newline + indent + a)
                .collect(Collectors.joining())));
    }

    private int codePointIndexOfLineEnd(int line) {
        int[] cps = text.codePoints().toArray();
        int current = 1;
        for (int i = 0; i < cps.length; i++) {
            if (cps[i] == '\n') {
                if (current == line) {
                    return i > 0 && cps[i - 1] == '\r' ? i - 1 : i;
                }
                current++;
            }
        }
        return cps.length;
    }

    /** Applies the splices in source order; they never overlap (each edits a different token). */
    private String apply() {
        int[] cps = text.codePoints().toArray();
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (Splice s : splices.stream().sorted(Comparator.comparingInt(Splice::from)).toList()) {
            out.append(new String(cps, at, s.from() - at)).append(s.text());
            at = s.to();
        }
        return out.append(new String(cps, at, cps.length - at)).toString();
    }

    private static String list(List<Integer> tpus) {
        return tpus.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
    }
}
