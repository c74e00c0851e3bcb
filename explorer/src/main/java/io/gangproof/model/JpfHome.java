package io.gangproof.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A jpf-core build for {@code --engine jpf}: the folder that holds jpf-core's
 * {@code jpf.properties} and the jars its build writes to {@code build/}. gangproof does not
 * ship JPF (it is on no package registry); it is found, in this order, at {@code --jpf-home},
 * at {@code JPF_HOME}, or as {@code shared/tools/jpf-core} in the working directory or one of
 * its parents (where the project provides a build beside its checkout).
 */
public record JpfHome(Path dir) {
    /** What a jpf-core build must contain, relative to its folder. */
    static final List<String> REQUIRED = List.of("jpf.properties", "build/jpf.jar", "build/jpf-classes.jar");
    /** Where the project provides a build, relative to a parent of the checkout. */
    static final String PROVIDED = "shared/tools/jpf-core";

    public JpfHome {
        List<String> missing = missing(dir);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(dir + " is not a jpf-core build: it has no " + String.join(", no ",
                    missing) + " (build jpf-core's Java 17 branch, or use the build provided in " + PROVIDED + ")");
        }
    }

    /** The required files {@code dir} lacks. */
    static List<String> missing(Path dir) {
        List<String> out = new ArrayList<>();
        for (String f : REQUIRED) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                out.add(f);
            }
        }
        return out;
    }

    Path jpfJar() {
        return dir.resolve("build/jpf.jar");
    }

    Path classesJar() {
        return dir.resolve("build/jpf-classes.jar");
    }

    /**
     * The folder to use: {@code option}, else {@code JPF_HOME}, else the provided build above
     * {@code workingDir}; empty when none is given or found. A folder given explicitly is
     * returned even when it is not a build, so that the caller's error can name it.
     */
    public static Optional<Path> locate(Optional<Path> option, Map<String, String> environment, Path workingDir) {
        if (option.isPresent()) {
            return option;
        }
        String home = environment.get("JPF_HOME");
        if (home != null && !home.isBlank()) {
            return Optional.of(Path.of(home));
        }
        for (Path d = workingDir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
            Path provided = d.resolve(PROVIDED);
            if (missing(provided).isEmpty()) {
                return Optional.of(provided);
            }
        }
        return Optional.empty();
    }

    /** What the JVM running gangproof finds: {@code JPF_HOME} or the provided build. */
    public static Optional<JpfHome> find() {
        return locate(Optional.empty(), System.getenv(), Path.of("")).filter(d -> missing(d).isEmpty())
                .map(JpfHome::new);
    }
}
