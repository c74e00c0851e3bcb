package io.gangproof.smt.induction;

import java.util.List;

/**
 * An SMT-LIB 2 script in QF_LIA with Int and Bool constants, built in order. Symbols are made
 * by this package from fixed prefixes and indices (never from spec names), so no quoting is
 * needed; comments lose their line breaks. Every assertion carries its meaning as a comment,
 * so that a saved obligation reads as the argument it checks.
 */
final class SmtText {
    private final StringBuilder text = new StringBuilder("(set-logic QF_LIA)\n");
    /** Declared symbols with their sorts, and asserted terms, in order: what a Horn clause quantifies and conjoins. */
    private final java.util.LinkedHashMap<String, String> declared = new java.util.LinkedHashMap<>();
    private final List<String> asserted = new java.util.ArrayList<>();

    SmtText comment(String s) {
        text.append("; ").append(s.replace('\r', ' ').replace('\n', ' ')).append('\n');
        return this;
    }

    String declareInt(String symbol) {
        text.append("(declare-const ").append(symbol).append(" Int)\n");
        declared.put(symbol, "Int");
        return symbol;
    }

    String declareBool(String symbol) {
        text.append("(declare-const ").append(symbol).append(" Bool)\n");
        declared.put(symbol, "Bool");
        return symbol;
    }

    /** {@code (define-fun name () Bool body)}: a named formula, e.g. the invariant at one state. */
    String define(String name, String body) {
        text.append("(define-fun ").append(name).append(" () Bool ").append(body).append(")\n");
        return name;
    }

    SmtText assertTerm(String meaning, String term) {
        comment(meaning);
        text.append("(assert ").append(term).append(")\n");
        asserted.add(term);
        return this;
    }

    /** Every symbol declared so far, with its sort. */
    java.util.Map<String, String> declared() {
        return java.util.Collections.unmodifiableMap(declared);
    }

    /** Every term asserted so far. */
    List<String> asserted() {
        return List.copyOf(asserted);
    }

    /** The script with {@code (check-sat)}; the expected answer of every obligation is unsat. */
    String finish() {
        return text + "(check-sat)\n(exit)\n";
    }

    // ---- terms ----

    static String num(long v) {
        return v < 0 ? "(- " + Long.toString(v).substring(1) + ")" : Long.toString(v);
    }

    static String op(String op, String... args) {
        StringBuilder b = new StringBuilder("(").append(op);
        for (String a : args) {
            b.append(' ').append(a);
        }
        return b.append(')').toString();
    }

    static String and(List<String> terms) {
        return terms.isEmpty() ? "true" : terms.size() == 1 ? terms.get(0) : op("and", terms.toArray(new String[0]));
    }

    static String or(List<String> terms) {
        return terms.isEmpty() ? "false" : terms.size() == 1 ? terms.get(0) : op("or", terms.toArray(new String[0]));
    }

    static String sum(List<String> terms) {
        return terms.isEmpty() ? "0" : terms.size() == 1 ? terms.get(0) : op("+", terms.toArray(new String[0]));
    }

    static String not(String t) {
        return op("not", t);
    }

    static String eq(String a, String b) {
        return op("=", a, b);
    }

    static String implies(String a, String b) {
        return op("=>", a, b);
    }

    static String ite(String c, String a, String b) {
        return op("ite", c, a, b);
    }
}
