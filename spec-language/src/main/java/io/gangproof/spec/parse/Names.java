package io.gangproof.spec.parse;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.Token;

/** Checks names, duplicates and keywords, and reports unknown names with the closest known one. */
final class Names {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Diagnostics diag;

    Names(Diagnostics diag) {
        this.diag = diag;
    }

    boolean checkName(SourceFile f, Token name, String what) {
        if (NAME.matcher(name.getText()).matches()) {
            return true;
        }
        diag.error(f, name, "'" + name.getText() + "' is not a valid " + what + " name",
                "names are letters, digits and '_', starting with a letter or '_'; try '"
                        + name.getText().replace('-', '_') + "'");
        return false;
    }

    boolean unique(SourceFile f, Map<String, Token> seen, Token name, String what) {
        Token first = seen.putIfAbsent(name.getText(), name);
        if (first != null) {
            diag.error(f, name, "duplicate " + what + " '" + name.getText() + "' (first declared on line "
                    + first.getLine() + ")", null);
            return false;
        }
        return true;
    }

    /** True (after reporting) when the attribute was already given in this block. */
    boolean duplicate(SourceFile f, Map<String, Token> seen, String attribute, Token at) {
        Token first = seen.putIfAbsent(attribute, at);
        if (first != null) {
            diag.error(f, at, "the " + attribute + " is given twice (first on line " + first.getLine() + ")", null);
            return true;
        }
        return false;
    }

    void unknown(SourceFile f, Token name, String what, List<String> known) {
        Optional<String> near = Units.closest(name.getText(), known);
        String hint = near.map(n -> "did you mean '" + n + "'?").orElse(known.isEmpty() ? "none is declared"
                : "declared: " + String.join(", ", known));
        diag.error(f, name, "unknown " + what + " '" + name.getText() + "'", hint);
    }

    <E> Optional<E> keyword(SourceFile f, Token word, E[] values, java.util.function.Function<E, String> kw,
            String what) {
        for (E e : values) {
            if (kw.apply(e).equals(word.getText())) {
                return Optional.of(e);
            }
        }
        List<String> words = Arrays.stream(values).map(kw).toList();
        Optional<String> near = Units.closest(word.getText(), words);
        diag.error(f, word, "unknown " + what + " '" + word.getText() + "'",
                near.map(n -> "did you mean '" + n + "'? ").orElse("") + "expected one of " + String.join(", ",
                        words));
        return Optional.empty();
    }
}
