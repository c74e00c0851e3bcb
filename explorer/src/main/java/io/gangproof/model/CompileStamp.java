package io.gangproof.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a compilation of emitted sources was made from: a SHA-256 over every source file (its
 * path and bytes) and over each jar compiled against (its path, size and time of change). A
 * model compiled before from the same sources against the same jpf-core build need not be
 * compiled again (javac is most of the time of a small {@code check --engine jpf}).
 */
final class CompileStamp {
    private CompileStamp() {
    }

    /** The stamp of the sources under {@code sourceDirs}, compiled against {@code jars}. */
    static String of(List<Path> sourceDirs, List<Path> jars) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("internal error: no SHA-256", e);
        }
        for (Path dir : sourceDirs) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(dir)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path f : files) {
                update(sha, dir.relativize(f).toString().replace('\\', '/'));
                byte[] bytes = Files.readAllBytes(f);
                update(sha, Integer.toString(bytes.length));
                sha.update(bytes);
            }
        }
        for (Path jar : jars) {
            update(sha, jar.toAbsolutePath().normalize() + " " + Files.size(jar) + " "
                    + Files.getLastModifiedTime(jar).toMillis());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void update(MessageDigest sha, String s) {
        sha.update(s.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }

    /** Whether {@code file} holds {@code stamp}. */
    static boolean matches(Path file, String stamp) throws IOException {
        return Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).strip().equals(stamp);
    }
}
