package io.gangproof.spec.parse;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reads, parses, resolves and validates a spec and everything it imports. */
public final class SpecLoader {
    private SpecLoader() {
    }

    public static LoadResult load(Path file) {
        String text;
        try {
            text = InputFiles.read(file);
        } catch (InputFiles.Unreadable e) {
            return new LoadResult.Invalid(List.of(unreadable(file.toString(), e)));
        }
        return new Resolver(source(file, file.toString(), text)).resolve();
    }

    /** Loads spec text that is not in a file; imports resolve against {@code baseDir}. */
    public static LoadResult loadText(String displayName, String text, Path baseDir) {
        return new Resolver(new SourceFile(displayName, Optional.empty(), baseDir, text)).resolve();
    }

    static SourceFile source(Path file, String displayName, String text) {
        Path absolute = file.toAbsolutePath().normalize();
        return new SourceFile(displayName, Optional.of(absolute), absolute.getParent(), text);
    }

    static Diagnostic unreadable(String displayName, InputFiles.Unreadable why) {
        return new Diagnostic(Diagnostic.Severity.ERROR, displayName, 1, 1, 1, why.getMessage(), "",
                Optional.empty());
    }
}
