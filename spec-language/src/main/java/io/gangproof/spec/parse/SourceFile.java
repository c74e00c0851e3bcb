package io.gangproof.spec.parse;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The text of one spec file, with the name diagnostics use and the folder imports resolve against. */
public record SourceFile(String displayName, Optional<Path> path, Path baseDir, String text) {
    public List<String> lines() {
        return text.lines().toList();
    }

    /** The text of line {@code line} (1-based), or empty past the end. */
    public String line(int line) {
        List<String> lines = lines();
        return line >= 1 && line <= lines.size() ? lines.get(line - 1) : "";
    }
}
