package io.gangproof.spec.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/** The one sink for every diagnostic of a resolution: each part of the resolver reports here. */
final class Diagnostics {
    private final List<Diagnostic> all = new ArrayList<>();
    /** The lines of each file, split once: splitting per diagnostic made many errors in a large file quadratic. */
    private final Map<SourceFile, List<String>> lines = new java.util.IdentityHashMap<>();

    void addAll(List<Diagnostic> more) {
        all.addAll(more);
    }

    boolean hasErrors() {
        return all.stream().anyMatch(Diagnostic::isError);
    }

    List<Diagnostic> all() {
        return all;
    }

    void error(SourceFile f, Token at, String message, String hint) {
        add(Diagnostic.Severity.ERROR, f, at, at, message, hint);
    }

    void error(SourceFile f, Token from, Token to, String message, String hint) {
        add(Diagnostic.Severity.ERROR, f, from, to, message, hint);
    }

    void error(SourceFile f, ParserRuleContext at, String message, String hint) {
        add(Diagnostic.Severity.ERROR, f, at.getStart(), at.getStop(), message, hint);
    }

    void error(SourceFile f, int line, int col, int len, String message, String hint) {
        all.add(new Diagnostic(Diagnostic.Severity.ERROR, f.displayName(), line, col, len, message,
                sourceLine(f, line), Optional.ofNullable(hint)));
    }

    void warning(SourceFile f, Token at, String message, String hint) {
        add(Diagnostic.Severity.WARNING, f, at, at, message, hint);
    }

    private void add(Diagnostic.Severity severity, SourceFile f, Token from, Token to, String message, String hint) {
        int length = from.getLine() == to.getLine() ? to.getStopIndex() - from.getStartIndex() + 1
                : from.getText().length();
        all.add(new Diagnostic(severity, f.displayName(), from.getLine(), from.getCharPositionInLine() + 1,
                length, message, sourceLine(f, from.getLine()), Optional.ofNullable(hint)));
    }

    /** {@link SourceFile#line}, without splitting the text again for every diagnostic. */
    private String sourceLine(SourceFile f, int line) {
        List<String> fileLines = lines.computeIfAbsent(f, SourceFile::lines);
        return line >= 1 && line <= fileLines.size() ? fileLines.get(line - 1) : "";
    }
}
