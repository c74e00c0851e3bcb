package io.gangproof.spec.testing;

import io.gangproof.spec.grammar.GangLexer;
import java.util.ArrayDeque;
import java.util.Deque;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * Adds noise that changes no meaning to spec text: comments ({@code // ..} and
 * {@code /* .. *}{@code /}, including multi-line ones), blank lines, spaces and tabs between
 * tokens, separator commas after attributes and trailing commas in latency tables. It never
 * removes or changes a token, so the mutated text loads to the same spec.
 *
 * <p>Commas are added line by line and so need one attribute per line, as in formatted text;
 * the other noise works on any text that lexes.
 */
public final class SpecTextMutator {
    private static final String[] WORDS = {"note", "remember this", "task x { }", "}", "{", "\"quoted\"", "1 ms", "//",
        "/ *", "**", "a, b", "μs", "tpus 4", "", "-- ..", "\\"};

    private final Choices c;

    private SpecTextMutator(Choices c) {
        this.c = c;
    }

    public static String mutate(String text, Choices choices) {
        SpecTextMutator m = new SpecTextMutator(choices);
        return m.noise(m.commas(text));
    }

    /** A separator comma after some attributes of platform, dnn, task and verify blocks. */
    private String commas(String text) {
        StringBuilder out = new StringBuilder();
        Deque<Boolean> attributeBlock = new ArrayDeque<>();
        for (String line : text.split("\n", -1)) {
            String t = line.strip();
            boolean inAttributes = !attributeBlock.isEmpty() && attributeBlock.peek();
            if (t.endsWith("{") && !t.contains("}")) {
                attributeBlock.push(t.startsWith("platform") || t.startsWith("dnn") || t.startsWith("task")
                        || t.startsWith("verify"));
                out.append(line);
            } else if (t.equals("}")) {
                attributeBlock.poll();
                out.append(line);
            } else if (inAttributes && !t.isEmpty() && !t.startsWith("//")) {
                String l = line;
                if (t.endsWith(" }") && t.contains(": ") && c.chance(30)) {
                    l = l.substring(0, l.lastIndexOf(" }")) + "," + (c.chance(50) ? " }" : "}");
                }
                out.append(l).append(c.chance(40) ? (c.chance(50) ? "," : " ,") : "");
            } else {
                out.append(line);
            }
            out.append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    /** Comments and whitespace before some tokens. */
    private String noise(String text) {
        GangLexer lexer = new GangLexer(CharStreams.fromString(text));
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (Token t = lexer.nextToken(); ; t = lexer.nextToken()) {
            int start = t.getType() == Token.EOF ? text.length() : t.getStartIndex();
            out.append(text, copied, start);
            out.append(gap());
            if (t.getType() == Token.EOF) {
                break;
            }
            out.append(t.getText());
            copied = t.getStopIndex() + 1;
        }
        return out.toString();
    }

    private String gap() {
        if (!c.chance(25)) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        int parts = c.between(1, 3);
        for (int i = 0; i < parts; i++) {
            switch (c.below(6)) {
                case 0:
                    s.append(" ".repeat(c.between(1, 4)));
                    break;
                case 1:
                    s.append('\t');
                    break;
                case 2:
                    s.append("\n".repeat(c.between(1, 3)));
                    break;
                case 3:
                    s.append(" /* ").append(words()).append(" */ ");
                    break;
                case 4:
                    s.append("/*").append(words()).append("\n  ").append(words()).append("*/");
                    break;
                default:
                    s.append(" // ").append(words()).append('\n');
                    break;
            }
        }
        return s.toString();
    }

    private String words() {
        StringBuilder s = new StringBuilder();
        int n = c.between(0, 3);
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "" : " ").append(WORDS[c.below(WORDS.length)]);
        }
        return s.toString();
    }
}
