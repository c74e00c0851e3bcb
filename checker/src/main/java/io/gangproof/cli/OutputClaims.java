package io.gangproof.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * The files a run reads and writes, checked before anything runs (semantics §12): an output
 * that names an input or another output of the same run is refused as a bad command line
 * (exit 64), and an output folder given as a file is too. Paths are compared after resolving
 * symbolic links, so {@code ./a.gang} and a link to it are the same file.
 */
final class OutputClaims {
    private final CommandLine cmd;
    private final Map<Path, String> claimed = new LinkedHashMap<>();

    OutputClaims(CommandLine cmd) {
        this.cmd = cmd;
    }

    OutputClaims input(Path file, String what) {
        if (file != null) {
            claimed.putIfAbsent(key(file), what + " " + file);
        }
        return this;
    }

    OutputClaims output(Path file, String option) {
        if (file == null) {
            return this;
        }
        String other = claimed.putIfAbsent(key(file), option + " " + file);
        if (other != null) {
            throw new CommandLine.ParameterException(cmd, option + " " + file + " is also the " + other
                    + ": writing it would destroy it; give another file");
        }
        if (Files.isDirectory(file)) {
            throw new CommandLine.ParameterException(cmd, option + " " + file + " is a folder; give a file name");
        }
        return this;
    }

    /** A folder the run writes into: it must not be an existing file. */
    OutputClaims folder(Path dir, String option) {
        if (dir != null && Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new CommandLine.ParameterException(cmd, option + " " + dir + " is a file, not a folder");
        }
        return this;
    }

    private static Path key(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            return absolute.toRealPath();
        } catch (IOException notThereYet) {
            Path parent = absolute.getParent();
            try {
                return parent == null ? absolute : parent.toRealPath().resolve(absolute.getFileName());
            } catch (IOException noParentEither) {
                return absolute;
            }
        }
    }
}
