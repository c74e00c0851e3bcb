package io.gangproof.smt;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A small SMT-LIB 2 writer for quantifier-free linear integer arithmetic. Symbols are made here
 * from a fixed prefix and a sanitised fragment, so no spec name ever reaches the text unquoted;
 * comments are written on their own lines with line breaks removed. Every {@code assert} carries
 * its meaning, in the order of the text, so a solver's unsat core can be read back as sentences.
 */
public final class SmtScript {
    private final StringBuilder text = new StringBuilder();
    private final List<String> meanings = new ArrayList<>();
    private final Set<String> symbols = new HashSet<>();

    public SmtScript() {
        text.append("(set-logic QF_LIA)\n");
    }

    /** A comment line (line breaks in {@code s} become spaces). */
    public SmtScript comment(String s) {
        text.append("; ").append(oneLine(s)).append('\n');
        return this;
    }

    /** Declares a fresh integer constant named after {@code hint}; returns its symbol. */
    public String declareInt(String hint) {
        String base = sanitise(hint);
        String s = base;
        int n = 1;
        while (!symbols.add(s)) {
            s = base + "_" + (++n);
        }
        text.append("(declare-const ").append(s).append(" Int)\n");
        return s;
    }

    /** Asserts {@code term}, with a comment stating {@code meaning}. */
    public SmtScript assertTerm(String meaning, String term) {
        comment("[" + meanings.size() + "] " + meaning);
        text.append("(assert ").append(term).append(")\n");
        meanings.add(oneLine(meaning));
        return this;
    }

    /** The finished script: the assertions, then {@code (check-sat)}. */
    public String finish() {
        return text + "(check-sat)\n(exit)\n";
    }

    /** The meaning of each assertion, in order. */
    public List<String> meanings() {
        return List.copyOf(meanings);
    }

    // ---- terms ----

    /** An integer literal (negative ones as {@code (- n)}). */
    public static String num(long v) {
        return v < 0 ? "(- " + Long.toString(v).substring(1) + ")" : Long.toString(v);
    }

    public static String num(java.math.BigInteger v) {
        return v.signum() < 0 ? "(- " + v.negate() + ")" : v.toString();
    }

    public static String op(String op, String... args) {
        StringBuilder b = new StringBuilder("(").append(op);
        for (String a : args) {
            b.append(' ').append(a);
        }
        return b.append(')').toString();
    }

    public static String sum(List<String> terms) {
        if (terms.isEmpty()) {
            return "0";
        }
        if (terms.size() == 1) {
            return terms.get(0);
        }
        return op("+", terms.toArray(new String[0]));
    }

    /** {@code c * x} with a literal coefficient (linear). */
    public static String times(long c, String x) {
        return op("*", num(c), x);
    }

    public static String or(List<String> terms) {
        if (terms.isEmpty()) {
            return "false";
        }
        if (terms.size() == 1) {
            return terms.get(0);
        }
        return op("or", terms.toArray(new String[0]));
    }

    /**
     * Declares {@code n} and asserts {@code n = ceil(x / t)} for a literal {@code t > 0}:
     * {@code n * t >= x} and {@code (n - 1) * t < x}, which determine {@code n} uniquely.
     */
    public String ceilDiv(String hint, String x, long t, String meaning) {
        requirePositive(t);
        String n = declareInt(hint);
        assertTerm(meaning + ": " + n + " = ceil(x / " + t + "), upper bracket", op(">=", times(t, n), x));
        assertTerm(meaning + ": " + n + " = ceil(x / " + t + "), lower bracket",
                op("<", times(t, op("-", n, "1")), x));
        return n;
    }

    /**
     * Declares {@code n} and asserts {@code n = floor(x / t)} for a literal {@code t > 0}:
     * {@code n * t <= x} and {@code (n + 1) * t > x}.
     */
    public String floorDiv(String hint, String x, long t, String meaning) {
        requirePositive(t);
        String n = declareInt(hint);
        assertTerm(meaning + ": " + n + " = floor(x / " + t + "), lower bracket", op("<=", times(t, n), x));
        assertTerm(meaning + ": " + n + " = floor(x / " + t + "), upper bracket",
                op(">", times(t, op("+", n, "1")), x));
        return n;
    }

    private static void requirePositive(long t) {
        if (t <= 0) {
            throw new IllegalArgumentException("divisor must be positive: " + t);
        }
    }

    /** A simple symbol: {@code [A-Za-z0-9_]} only, never starting with a digit, never a reserved word. */
    static String sanitise(String hint) {
        StringBuilder b = new StringBuilder("v_");
        for (char c : hint.toCharArray()) {
            b.append((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ? c : '_');
        }
        return b.toString();
    }

    private static String oneLine(String s) {
        return s.replace('\r', ' ').replace('\n', ' ');
    }
}
