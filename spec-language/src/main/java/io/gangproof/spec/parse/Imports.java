package io.gangproof.spec.parse;

import io.gangproof.spec.grammar.GangParser;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Follows imports: reads and parses each imported file once, reports cycles, and collects its DNNs. */
final class Imports {
    private final Diagnostics diag;
    /** Parsed files by absolute path (or display name for text), in the order they were first reached. */
    private final Map<String, ParsedFile> files = new LinkedHashMap<>();
    /** DNN declarations in import order, then the main file's own. */
    private final List<Located<GangParser.DnnDeclContext>> dnnDecls = new ArrayList<>();

    Imports(Diagnostics diag) {
        this.diag = diag;
    }

    void addMain(SourceFile main, ParsedFile parsed) {
        files.put(key(main), parsed);
    }

    List<Located<GangParser.DnnDeclContext>> dnnDecls() {
        return dnnDecls;
    }

    static String key(SourceFile f) {
        return f.path().map(Path::toString).orElse("<" + f.displayName() + ">");
    }

    void followImport(SourceFile from, GangParser.ImportDeclContext imp, Deque<String> stack) {
        String raw = unquote(imp.STRING().getText());
        Optional<String> invalid = ImportPaths.problem(raw);
        Path target;
        String shown;
        try {
            if (invalid.isPresent()) {
                throw new InvalidPathException(raw, invalid.get());
            }
            target = from.baseDir().resolve(raw).toAbsolutePath().normalize();
            shown = displayPath(from, raw);
        } catch (InvalidPathException e) {
            diag.error(from, imp.STRING().getSymbol(), "cannot import \"" + raw + "\": not a valid file path ("
                    + e.getReason() + ")", ImportPaths.hint());
            return;
        }
        String k = target.toString();
        if (stack.contains(k)) {
            List<String> chain = new ArrayList<>(stack);
            java.util.Collections.reverse(chain);
            String cycle = chain.subList(chain.indexOf(k), chain.size()).stream()
                    .map(p -> Path.of(p).getFileName() == null ? p : Path.of(p).getFileName().toString())
                    .collect(Collectors.joining(" -> "));
            diag.error(from, imp.STRING().getSymbol(), "import cycle: " + cycle + " -> " + target.getFileName(),
                    "an imported file must not import, directly or not, the file that imports it");
            return;
        }
        if (files.containsKey(k)) {
            return;
        }
        Optional<SourceFile> source;
        try {
            source = Optional.of(SpecLoader.source(target, shown, InputFiles.read(target)));
        } catch (InputFiles.Unreadable e) {
            diag.error(from, imp.STRING().getSymbol(), "cannot import \"" + raw + "\": " + e.getMessage(),
                    "imports are resolved against the folder of the importing file: " + target);
            return;
        }
        ParsedFile parsed = SpecParser.parse(source.get());
        files.put(k, parsed);
        diag.addAll(parsed.syntaxErrors());
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
                diag.error(source.get(), item.systemDecl().name, "an imported file may declare only DNNs, not a system",
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
}
