package io.gangproof.spec.parse;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reads, parses, resolves and validates a spec and everything it imports. */
public final class SpecLoader {
    private SpecLoader() {
    }

    public static LoadResult load(Path file) {
        Optional<SourceFile> source = read(file, file.toString());
        if (source.isEmpty()) {
            return new LoadResult.Invalid(List.of(unreadable(file, file.toString())));
        }
        return new Resolver(source.get()).resolve();
    }

    /** Loads spec text that is not in a file; imports resolve against {@code baseDir}. */
    public static LoadResult loadText(String displayName, String text, Path baseDir) {
        return new Resolver(new SourceFile(displayName, Optional.empty(), baseDir, text)).resolve();
    }

    static Optional<SourceFile> read(Path file, String displayName) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Path dir = file.toAbsolutePath().normalize().getParent();
            return Optional.of(new SourceFile(displayName, Optional.of(file.toAbsolutePath().normalize()), dir, text));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static Diagnostic unreadable(Path file, String displayName) {
        String why;
        if (!Files.exists(file)) {
            why = "no such file";
        } else if (Files.isDirectory(file)) {
            why = "is a directory, not a spec file";
        } else {
            why = "cannot be read as UTF-8 text";
            try {
                Files.readString(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                why = "no such file";
            } catch (MalformedInputException e) {
                why = "is not UTF-8 text";
            } catch (IOException e) {
                why = "cannot be read: " + e.getMessage();
            }
        }
        return new Diagnostic(Diagnostic.Severity.ERROR, displayName, 1, 1, 1, why, "", Optional.empty());
    }
}
