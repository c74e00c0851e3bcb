package io.gangproof.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The specs named on a command line, with each folder replaced by every {@code .gang} file
 * under it (recursively, in path order). A file under a folder that declares no
 * {@code system} only holds DNNs for other specs to {@code import}, such as
 * {@code case-studies/specs/dnn/}: it is skipped, and said to be. A file named on the command
 * line is always checked.
 */
final class SpecFolders {
    /** A {@code system NAME} declaration at the start of a line (comments start with {@code //}). */
    private static final Pattern SYSTEM = Pattern.compile("(?m)^\\s*system\\s+[A-Za-z_]");

    private SpecFolders() {
    }

    /** {@code emptyFolders}: folders with no spec to check, a usage error. */
    record Expanded(List<Path> specs, List<Path> skipped, List<Path> emptyFolders) {
    }

    static Expanded expand(List<Path> inputs) {
        List<Path> specs = new ArrayList<>();
        List<Path> skipped = new ArrayList<>();
        List<Path> empty = new ArrayList<>();
        for (Path input : inputs) {
            if (!Files.isDirectory(input)) {
                specs.add(input);
                continue;
            }
            int before = specs.size();
            for (Path f : gangFiles(input)) {
                (declaresSystem(f) ? specs : skipped).add(f);
            }
            if (specs.size() == before) {
                empty.add(input);
            }
        }
        return new Expanded(specs, skipped, empty);
    }

    private static List<Path> gangFiles(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".gang") && Files.isRegularFile(f)).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the specs in " + folder, e);
        }
    }

    private static boolean declaresSystem(Path file) {
        try {
            return SYSTEM.matcher(Files.readString(file)).find();
        } catch (IOException e) {
            return true; // checked like any spec, so that the load reports why it cannot be read
        }
    }
}
