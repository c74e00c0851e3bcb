package io.gangproof.cli;

import io.gangproof.check.OutputFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folder {@code model --emit} writes: a new or empty folder, or one an earlier {@code model
 * --emit} wrote (it lists its files in {@value #MARKER}). The earlier model's files are removed
 * first, so no stale source or configuration of another spec is left beside the new ones; a
 * folder with other files is refused rather than mixed into.
 */
final class ModelFolder {
    static final String MARKER = ".gangproof-model";

    private ModelFolder() {
    }

    /** Empties the folder of an earlier model; returns how many files were removed. */
    static int clear(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        Path marker = dir.resolve(MARKER);
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isEmpty()) {
                return 0;
            }
        } catch (IOException e) {
            throw new OutputFiles.CannotWrite("cannot read the folder " + dir + ": " + e.getMessage(), e);
        }
        if (!Files.isRegularFile(marker)) {
            throw new OutputFiles.CannotWrite("cannot write the model to " + dir + ": the folder is not empty and "
                    + "was not written by `gangproof model`; give a new or empty folder", null);
        }
        try {
            List<String> files = Files.readAllLines(marker);
            int removed = 0;
            for (String f : files) {
                Path p = dir.resolve(f).normalize();
                if (p.startsWith(dir.normalize()) && Files.deleteIfExists(p)) {
                    removed++;
                }
            }
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path d : all.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList()) {
                    if (!d.equals(dir) && isEmpty(d)) {
                        Files.delete(d);
                    }
                }
            }
            Files.delete(marker);
            return removed;
        } catch (IOException e) {
            throw new OutputFiles.CannotWrite("cannot remove the earlier model in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Records the model's files, so that the next emit into this folder can remove exactly them. */
    static void mark(Path dir, List<Path> files) {
        List<String> relative = new ArrayList<>();
        for (Path f : files) {
            relative.add(dir.toAbsolutePath().normalize().relativize(f.toAbsolutePath().normalize()).toString());
        }
        OutputFiles.write(dir.resolve(MARKER), String.join("\n", relative) + "\n");
    }

    private static boolean isEmpty(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.findAny().isEmpty();
        }
    }
}
