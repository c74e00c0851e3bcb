package io.gangproof.spec.parse;

import io.gangproof.spec.grammar.GangParser;
import java.util.List;
import org.antlr.v4.runtime.CommonTokenStream;

/** A parse tree with its token stream (comments included, for the formatter) and its syntax errors. */
public record ParsedFile(SourceFile source, GangParser.FileContext tree, CommonTokenStream tokens,
        List<Diagnostic> syntaxErrors) {
    public ParsedFile {
        syntaxErrors = List.copyOf(syntaxErrors);
    }

    public boolean hasSyntaxErrors() {
        return !syntaxErrors.isEmpty();
    }
}
