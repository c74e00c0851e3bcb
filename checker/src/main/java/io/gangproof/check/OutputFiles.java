package io.gangproof.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes every output file of a run (semantics §12): to a temporary file next to it, then
 * renamed over it in one step, so a reader never sees half a file and a crash never destroys
 * the previous one. Missing folders are created. A file that cannot be written is a
 * {@link CannotWrite} naming the file and the reason in words (exit 73), never an internal error.
 */
public final class OutputFiles {
    private OutputFiles() {
    }

    /** An output that cannot be written; its message names the file and why. */
    public static final class CannotWrite extends RuntimeException {
        public CannotWrite(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Writes {@code text} to {@code file} atomically; true when it replaced an existing file. */
    public static boolean write(Path file, String text) {
        Path target = file.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw new CannotWrite("cannot write " + file + ": it is a folder", null);
        }
        Path tmp = null;
        try {
            createFolder(target.getParent());
            boolean existed = Files.exists(target);
            tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return existed;
        } catch (IOException e) {
            throw new CannotWrite("cannot write " + file + ": " + reason(e), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // Only a leftover temporary file; the error that matters is already thrown.
                }
            }
        }
    }

    /** Creates {@code dir} and its parents, or says why it cannot be a folder. */
    public static void createFolder(Path dir) {
        if (dir == null) {
            return;
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new CannotWrite("cannot create the folder " + dir + ": " + reason(e), e);
        }
    }

    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException
                || (e.getMessage() != null && e.getMessage().contains("Not a directory"))) {
            return "a file is in the way where a folder is needed";
        }
        if (e.getMessage() != null && e.getMessage().contains("Read-only file system")) {
            return "the file system is read-only";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
