package io.gangproof.spec.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads the text inputs of a run (specs, imports, snapshots, traces) as semantics §12 requires:
 * only from regular files, never more than {@link #MAX_BYTES}, and as UTF-8. Anything else is an
 * {@link Unreadable} whose message says why in words. The checks come before the file is opened,
 * so a FIFO or a device never blocks the run and {@code /dev/zero} never fills the heap.
 */
public final class InputFiles {
    /** 16 MiB: far above any real spec or trace, far below what would exhaust the heap. */
    public static final long MAX_BYTES = 16L << 20;

    private InputFiles() {
    }

    /** Why an input cannot be read; the message is a phrase such as "is a directory, not a file". */
    public static final class Unreadable extends Exception {
        public Unreadable(String message) {
            super(message);
        }
    }

    public static String read(Path file) throws Unreadable {
        return read(file, MAX_BYTES);
    }

    static String read(Path file, long limit) throws Unreadable {
        BasicFileAttributes attributes = attributes(file);
        if (attributes.isDirectory()) {
            throw new Unreadable("is a directory, not a file");
        }
        if (!attributes.isRegularFile()) {
            throw new Unreadable("is not a regular file (a FIFO, socket or device); give a file");
        }
        if (attributes.size() > limit) {
            throw new Unreadable("is too large (" + attributes.size() + " bytes; at most " + limit + ")");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            // The size can change after the check: read one byte more than the limit to notice.
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE, limit + 1));
        } catch (IOException e) {
            throw new Unreadable(reason(e));
        }
        if (bytes.length > limit) {
            throw new Unreadable("is too large (more than " + limit + " bytes)");
        }
        return utf8(bytes);
    }

    private static BasicFileAttributes attributes(Path file) throws Unreadable {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            if (e instanceof NoSuchFileException && Files.isSymbolicLink(file)) {
                throw new Unreadable("is a symbolic link to a file that does not exist");
            }
            throw new Unreadable(reason(e));
        }
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemLoopException
                || (e.getMessage() != null && e.getMessage().contains("Too many levels of symbolic links"))) {
            return "is a symbolic link loop";
        }
        String detail = e.getMessage() != null ? e.getMessage() : "an input/output error";
        return "cannot be read (" + detail + ")";
    }

    private static String utf8(byte[] bytes) throws Unreadable {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (MalformedInputException e) {
            throw new Unreadable("is not UTF-8 text (invalid byte at offset " + offsetOfBadByte(bytes) + ")");
        } catch (CharacterCodingException e) {
            throw new Unreadable("is not UTF-8 text");
        }
    }

    private static int offsetOfBadByte(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        decoder.decode(in, java.nio.CharBuffer.allocate(bytes.length), true);
        return in.position();
    }
}
