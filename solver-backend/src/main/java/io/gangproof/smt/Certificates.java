package io.gangproof.smt;

import io.gangproof.spec.Property;
import io.gangproof.spec.SystemSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Saves witness checks as self-contained SMT-LIB 2 files: exactly the text Z3 checked, with a
 * comment naming the property. Re-check with {@code z3 FILE} or {@code cvc5 FILE}: the expected
 * answer is {@code sat} (docs/smt.md).
 */
public final class Certificates {
    private Certificates() {
    }

    /** Writes {@code dir/<spec>.<property>.<task>.smt2} (names sanitised) and returns its path. */
    public static Path write(Path dir, SystemSpec spec, Property property, String task, String smtText) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(fileName(spec.name()) + "." + fileName(describe(property)) + "."
                    + fileName(task) + ".smt2");
            String text = "; property: " + describe(property).replace('\n', ' ') + "\n" + smtText;
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write certificate to " + dir, e);
        }
    }

    /** A short text for the property, e.g. {@code deadlines}, {@code response(x)}, {@code inversion(x)}. */
    static String describe(Property p) {
        if (p instanceof Property.Deadlines) {
            return ((Property.Deadlines) p).task().map(t -> "deadlines(" + t + ")").orElse("deadlines");
        }
        if (p instanceof Property.Response) {
            return "response(" + ((Property.Response) p).taskName() + ")";
        }
        if (p instanceof Property.Inversion) {
            return "inversion(" + ((Property.Inversion) p).taskName() + ")";
        }
        if (p instanceof Property.Overtakes) {
            return "overtakes(" + ((Property.Overtakes) p).taskName() + ")";
        }
        return p.getClass().getSimpleName();
    }

    private static String fileName(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                    || c == '-' ? c : '_');
        }
        return b.length() == 0 ? "_" : b.toString();
    }
}
