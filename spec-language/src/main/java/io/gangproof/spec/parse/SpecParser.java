package io.gangproof.spec.parse;

import io.gangproof.spec.grammar.GangLexer;
import io.gangproof.spec.grammar.GangParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/** Parses one .gang file into a tree, collecting every syntax error as a {@link Diagnostic}. */
public final class SpecParser {
    private static final java.util.regex.Pattern LONE_CR = java.util.regex.Pattern.compile("\r(?!\n)");

    private SpecParser() {
    }

    public static ParsedFile parse(SourceFile source) {
        List<Diagnostic> errors = new ArrayList<>();
        // ANTLR counts only '\n' as a line end; a lone '\r' becomes one too (same length, so offsets stay),
        // so that line numbers agree with SourceFile#lines, which splits at '\n', "\r\n" and '\r'.
        String text = LONE_CR.matcher(source.text()).replaceAll("\n");
        GangLexer lexer = new GangLexer(CharStreams.fromString(text, source.displayName()));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        GangParser parser = new GangParser(tokens);
        parser.removeErrorListeners();
        parser.addErrorListener(new Listener(source, errors));
        GangParser.FileContext tree = parser.file();
        return new ParsedFile(source, tree, tokens, errors);
    }

    /** Turns ANTLR's reports into short messages that name what was found and what fits there. */
    private static final class Listener extends BaseErrorListener {
        private final SourceFile source;
        private final List<Diagnostic> errors;
        /** Split once and positions seen, so that many errors in a large file are not quadratic. */
        private List<String> lines;
        private final java.util.Set<Long> positions = new java.util.HashSet<>();

        Listener(SourceFile source, List<Diagnostic> errors) {
            this.source = source;
            this.errors = errors;
        }

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int col, String msg,
                RecognitionException e) {
            Token token = offendingSymbol instanceof Token t ? t : null;
            String message;
            Optional<String> hint = Optional.empty();
            if (token != null && token.getType() == GangLexer.UNKNOWN_CHAR) {
                message = "unexpected character '" + token.getText() + "'";
            } else if (token != null && token.getType() == Token.EOF) {
                message = "unexpected end of file";
                hint = Optional.of("a closing '}' may be missing");
            } else if (token != null) {
                message = "unexpected " + describe(token);
                IntervalSet expected = expected(recognizer, e);
                Optional<String> specific = recognizer instanceof Parser p
                        ? specificHint(p, token, expected) : Optional.empty();
                if (specific.isPresent()) {
                    hint = specific;
                } else if (expected != null && !expected.isNil()) {
                    String words = expectedWords(recognizer, expected);
                    boolean keyword = Character.isLetter(token.getText().charAt(0))
                            && token.getType() != GangLexer.ID;
                    hint = Optional.of("expected " + words + (keyword && expected.contains(GangLexer.ID)
                            ? " ('" + token.getText() + "' is a keyword and cannot be a name)" : ""));
                }
            } else {
                message = msg;
            }
            int length = token == null || token.getType() == Token.EOF ? 1 : token.getText().length();
            if (token != null && token.getType() == Token.EOF && recognizer instanceof Parser p) {
                // Point just past the last real token, where the missing text belongs.
                Token last = lastRealToken(p.getInputStream(), token.getTokenIndex());
                if (last != null) {
                    line = last.getLine();
                    col = last.getCharPositionInLine() + last.getText().length();
                }
            }
            if (positions.add(((long) line << 32) | (col + 1))) {
                if (lines == null) {
                    lines = source.lines();
                }
                String text = line >= 1 && line <= lines.size() ? lines.get(line - 1) : "";
                errors.add(new Diagnostic(Diagnostic.Severity.ERROR, source.displayName(), line, col + 1, length,
                        message, text, hint));
            }
        }

        /**
         * Hints for mistakes whose generic "expected ..." list misleads: an offset split from its
         * `periodic` by a comma, and a keyword written where a similar one fits (`deadline` for
         * `deadlines`), which the generic hint would call "a keyword that cannot be a name".
         */
        private static Optional<String> specificHint(Parser parser, Token token, IntervalSet expected) {
            Token before = lastRealToken(parser.getInputStream(), token.getTokenIndex());
            if ("offset".equals(token.getText()) && before != null && ",".equals(before.getText())) {
                return Optional.of("an offset belongs to its `periodic`: write `" + periodicWithOffset(parser, token)
                        + "`, with no comma before `offset`");
            }
            if (expected == null || expected.isNil() || token.getType() == GangLexer.ID
                    || !Character.isLetter(token.getText().charAt(0))) {
                return Optional.empty();
            }
            List<String> keywords = new ArrayList<>();
            for (int type : expected.toList()) {
                String literal = parser.getVocabulary().getLiteralName(type);
                if (literal != null && literal.length() > 2 && Character.isLetter(literal.charAt(1))) {
                    keywords.add(literal.substring(1, literal.length() - 1));
                }
            }
            return Units.closest(token.getText(), keywords).filter(k -> !k.equals(token.getText()))
                    .map(k -> "did you mean '" + k + "'?");
        }

        /** The user's own `periodic T, offset O` without the comma, or a generic example. */
        private static String periodicWithOffset(Parser parser, Token offset) {
            org.antlr.v4.runtime.TokenStream tokens = parser.getInputStream();
            if (tokens instanceof org.antlr.v4.runtime.BufferedTokenStream buffered) {
                buffered.fill(); // the offset's value lies beyond what the parser has looked at so far
            }
            List<String> words = new ArrayList<>();
            for (int i = offset.getTokenIndex() - 1; i >= 0 && words.size() < 4; i--) {
                if (tokens.get(i).getChannel() == Token.DEFAULT_CHANNEL) {
                    words.add(0, tokens.get(i).getText());
                }
            }
            List<String> after = new ArrayList<>();
            for (int i = offset.getTokenIndex() + 1; i < tokens.size() && after.size() < 2; i++) {
                Token t = tokens.get(i);
                if (t.getType() == Token.EOF) {
                    break;
                }
                if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                    after.add(t.getText());
                }
            }
            if (words.size() == 4 && words.get(0).equals("periodic") && after.size() == 2) {
                return "periodic " + words.get(1) + " " + words.get(2) + " offset " + after.get(0) + " " + after.get(1);
            }
            return "periodic 100 ms offset 5 ms";
        }

        private static Token lastRealToken(org.antlr.v4.runtime.TokenStream tokens, int eofIndex) {
            for (int i = eofIndex - 1; i >= 0; i--) {
                Token t = tokens.get(i);
                if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                    return t;
                }
            }
            return null;
        }

        private static IntervalSet expected(Recognizer<?, ?> recognizer, RecognitionException e) {
            if (e instanceof InputMismatchException || e instanceof NoViableAltException) {
                return e.getExpectedTokens();
            }
            if (recognizer instanceof Parser p) {
                return p.getExpectedTokens();
            }
            return null;
        }

        private static String describe(Token token) {
            return switch (token.getType()) {
                case GangLexer.INT, GangLexer.DECIMAL -> "number '" + token.getText() + "'";
                case GangLexer.ID -> "word '" + token.getText() + "'";
                case GangLexer.STRING -> "string " + token.getText();
                default -> "'" + token.getText() + "'";
            };
        }

        private static String expectedWords(Recognizer<?, ?> recognizer, IntervalSet expected) {
            List<String> words = new ArrayList<>();
            for (int type : expected.toList()) {
                words.add(switch (type) {
                    case GangLexer.INT -> "a whole number";
                    case GangLexer.DECIMAL -> "a number";
                    case GangLexer.ID -> "a name";
                    case GangLexer.STRING -> "a quoted file name";
                    case Token.EOF -> "end of file";
                    default -> recognizer.getVocabulary().getDisplayName(type);
                });
            }
            if (words.size() > 8) {
                return "one of " + String.join(", ", words.subList(0, 8)) + ", ...";
            }
            return words.size() == 1 ? words.get(0) : "one of " + String.join(", ", words);
        }
    }
}
