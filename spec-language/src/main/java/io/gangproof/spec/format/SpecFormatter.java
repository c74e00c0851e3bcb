package io.gangproof.spec.format;

import io.gangproof.spec.grammar.GangLexer;
import io.gangproof.spec.grammar.GangParser;
import io.gangproof.spec.parse.Diagnostic;
import io.gangproof.spec.parse.ParsedFile;
import io.gangproof.spec.parse.SourceFile;
import io.gangproof.spec.parse.SpecParser;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Prints a spec in its canonical form: one declaration or attribute per line, two-space
 * indentation, canonical spacing, no separator commas between attributes. It works on the
 * parse tree, so literals stay as written (units are not converted) and comments are kept:
 * a comment before a line stays before it, a comment at the end of a line stays there, a
 * comment inside a one-line attribute moves before it. Blank lines between declarations are
 * kept, at most one in a row. Formatting is idempotent and changes no meaning.
 */
public final class SpecFormatter {
    private static final String INDENT = "  ";

    private final List<Token> tokens;
    private final List<Token> comments = new ArrayList<>();
    private final StringBuilder out = new StringBuilder();
    private int nextComment;
    private int depth;
    /** The source line of the last token printed, for blank-line preservation. */
    private int lastLine = -1;

    /** The formatted text, or the syntax errors that prevent formatting. */
    public sealed interface Result {
        record Formatted(String text) implements Result {
        }

        record Invalid(List<Diagnostic> diagnostics) implements Result {
        }
    }

    private SpecFormatter(ParsedFile parsed) {
        parsed.tokens().fill();
        this.tokens = parsed.tokens().getTokens();
        for (Token t : tokens) {
            if (t.getChannel() == Token.HIDDEN_CHANNEL) {
                comments.add(t);
            }
        }
    }

    public static Result format(SourceFile source) {
        ParsedFile parsed = SpecParser.parse(source);
        if (parsed.hasSyntaxErrors()) {
            return new Result.Invalid(parsed.syntaxErrors());
        }
        return new Result.Formatted(new SpecFormatter(parsed).file(parsed.tree()));
    }

    /** Formats text that is known to parse (for generated specs); throws otherwise. */
    public static String formatText(String text) {
        Result r = format(new SourceFile("<generated>", java.util.Optional.empty(), java.nio.file.Path.of("."),
                text));
        if (r instanceof Result.Formatted f) {
            return f.text();
        }
        throw new IllegalArgumentException("cannot format text with syntax errors: "
                + ((Result.Invalid) r).diagnostics().get(0).headline());
    }

    private String file(GangParser.FileContext file) {
        for (GangParser.TopItemContext item : file.topItem()) {
            ParserRuleContext inner = (ParserRuleContext) item.getChild(0);
            if (inner instanceof GangParser.SystemDeclContext s) {
                block(s, s.systemItem().stream().map(x -> (ParserRuleContext) x.getChild(0)).toList());
            } else if (inner instanceof GangParser.DnnDeclContext d) {
                block(d, new ArrayList<>(d.dnnItem()));
            } else {
                line(inner);
            }
        }
        leadingComments(Integer.MAX_VALUE);
        String text = out.toString();
        return text.isEmpty() ? "" : text.stripTrailing() + "\n";
    }

    private void item(ParserRuleContext ctx) {
        if (ctx instanceof GangParser.PlatformDeclContext p) {
            block(p, new ArrayList<>(p.platformItem()));
        } else if (ctx instanceof GangParser.DnnDeclContext d) {
            block(d, new ArrayList<>(d.dnnItem()));
        } else if (ctx instanceof GangParser.TaskDeclContext t) {
            block(t, new ArrayList<>(t.taskItem()));
        } else if (ctx instanceof GangParser.VerifyDeclContext v) {
            block(v, new ArrayList<>(v.verifyItem()));
        } else {
            line(ctx);
        }
    }

    /** A header line ending in '{', the children one per line one level deeper, then '}'. */
    private void block(ParserRuleContext ctx, List<ParserRuleContext> children) {
        Token open = firstOfType(ctx, "{");
        startLine(ctx.getStart());
        out.append(render(ctx.getStart().getTokenIndex(), open.getTokenIndex()));
        trailingComments(open);
        depth++;
        for (ParserRuleContext child : children) {
            if (ctx instanceof GangParser.SystemDeclContext) {
                item(child);
            } else {
                line(child);
            }
        }
        leadingComments(ctx.getStop().getTokenIndex());
        depth--;
        // No blank line before a closing brace, as none after an opening one.
        lastLine = Math.max(lastLine, ctx.getStop().getLine() - 1);
        startLine(ctx.getStop());
        out.append('}');
        trailingComments(ctx.getStop());
    }

    /** One attribute or declaration on one line. */
    private void line(ParserRuleContext ctx) {
        startLine(ctx.getStart());
        // Comments inside a one-line item cannot stay where they were; they move before it.
        List<Token> inner = new ArrayList<>();
        while (nextComment < comments.size() && comments.get(nextComment).getTokenIndex() < ctx.getStop()
                .getTokenIndex()) {
            inner.add(comments.get(nextComment++));
        }
        if (!inner.isEmpty()) {
            String rendered = render(ctx.getStart().getTokenIndex(), ctx.getStop().getTokenIndex());
            // Put the moved comments on their own lines before the item.
            out.setLength(out.length() - currentIndent().length());
            for (Token c : inner) {
                out.append(currentIndent()).append(c.getText().strip()).append('\n');
            }
            out.append(currentIndent()).append(rendered);
        } else {
            out.append(render(ctx.getStart().getTokenIndex(), ctx.getStop().getTokenIndex()));
        }
        trailingComments(ctx.getStop());
    }

    /** Starts a new output line for a construct whose first token is {@code first}, after its comments. */
    private void startLine(Token first) {
        leadingComments(first.getTokenIndex());
        blankLineIfAuthorHadOne(first.getLine());
        out.append(currentIndent());
        lastLine = first.getLine();
    }

    private void leadingComments(int beforeTokenIndex) {
        while (nextComment < comments.size() && comments.get(nextComment).getTokenIndex() < beforeTokenIndex) {
            Token c = comments.get(nextComment++);
            blankLineIfAuthorHadOne(c.getLine());
            out.append(currentIndent()).append(c.getText().strip()).append('\n');
            lastLine = endLine(c);
        }
    }

    /** Comments that start on the same source line as {@code last} stay at the end of the output line. */
    private void trailingComments(Token last) {
        lastLine = last.getLine();
        while (nextComment < comments.size()) {
            Token c = comments.get(nextComment);
            if (c.getLine() != last.getLine() || c.getTokenIndex() < last.getTokenIndex()
                    || !nothingButCommasBetween(last.getTokenIndex(), c.getTokenIndex())) {
                break;
            }
            out.append(' ').append(c.getText().strip());
            lastLine = endLine(c);
            nextComment++;
        }
        out.append('\n');
    }

    private boolean nothingButCommasBetween(int from, int to) {
        for (int i = from + 1; i < to; i++) {
            Token t = tokens.get(i);
            if (t.getChannel() == Token.DEFAULT_CHANNEL && !t.getText().equals(",")) {
                return false;
            }
        }
        return true;
    }

    private void blankLineIfAuthorHadOne(int line) {
        if (lastLine >= 0 && line > lastLine + 1 && out.length() > 0 && !endsWithOpenBrace()) {
            out.append('\n');
        }
    }

    private boolean endsWithOpenBrace() {
        int end = out.length() - 1;
        while (end >= 0 && out.charAt(end) == '\n') {
            end--;
        }
        return end >= 0 && out.charAt(end) == '{';
    }

    private static int endLine(Token t) {
        return t.getLine() + (int) t.getText().chars().filter(ch -> ch == '\n').count();
    }

    private String currentIndent() {
        return INDENT.repeat(depth);
    }

    private Token firstOfType(ParserRuleContext ctx, String text) {
        for (int i = ctx.getStart().getTokenIndex(); i <= ctx.getStop().getTokenIndex(); i++) {
            if (tokens.get(i).getText().equals(text) && tokens.get(i).getChannel() == Token.DEFAULT_CHANNEL) {
                return tokens.get(i);
            }
        }
        throw new IllegalStateException("no '" + text + "' in " + ctx.getText());
    }

    /** The default-channel tokens {@code from..to} with canonical spacing. */
    private String render(int from, int to) {
        StringBuilder s = new StringBuilder();
        Token prev = null;
        for (int i = from; i <= to; i++) {
            Token t = tokens.get(i);
            if (t.getChannel() != Token.DEFAULT_CHANNEL || t.getType() == Token.EOF) {
                continue;
            }
            if (t.getText().equals(",") && nextDefault(i, to).map(n -> n.getText().equals("}")).orElse(true)) {
                continue; // a trailing comma before '}' is dropped
            }
            if (prev != null && spaceBetween(prev, t)) {
                s.append(' ');
            }
            s.append(t.getType() == GangLexer.STRING ? t.getText() : t.getText());
            prev = t;
        }
        return s.toString();
    }

    private java.util.Optional<Token> nextDefault(int i, int to) {
        for (int j = i + 1; j <= to; j++) {
            if (tokens.get(j).getChannel() == Token.DEFAULT_CHANNEL) {
                return java.util.Optional.of(tokens.get(j));
            }
        }
        return java.util.Optional.empty();
    }

    private static boolean spaceBetween(Token a, Token b) {
        String x = a.getText();
        String y = b.getText();
        if (y.equals(",") || y.equals(":") || y.equals(")") || y.equals("]")) {
            return false;
        }
        if (x.equals("(") || x.equals("[")) {
            return false;
        }
        return !y.equals("(");
    }
}
