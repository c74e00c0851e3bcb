package io.gangproof.model;

import io.gangproof.model.runtime.Choices;
import io.gangproof.model.runtime.StepObserver;
import io.gangproof.model.runtime.TransitionModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compiled generated models, kept on disk by a SHA-256 of everything the class files depend on
 * (the model's source, which the spec's model-relevant part determines; the runtime interfaces
 * it implements; the JDK), so that {@code javac}, which costs seconds in a fresh JVM, runs once
 * per model rather than once per {@code check}. The class files loaded are exactly those javac
 * wrote, so the explorer's semantics is the same with or without the cache. The folder is the
 * system property {@code gangproof.cache}, else {@code $GANGPROOF_CACHE}, else
 * {@code $XDG_CACHE_HOME/gangproof}, else {@code ~/.cache/gangproof}; {@code off} disables it.
 * An unreadable or damaged entry is compiled again.
 */
final class CompiledModels {
    private static final List<Class<?>> RUNTIME = List.of(TransitionModel.class, Choices.class, StepObserver.class);
    private static final String FORMAT = "gangproof compiled model v1";

    private CompiledModels() {
    }

    /** Compiled model classes by source text within this JVM: the same model is often searched several times. */
    private static final Map<String, Class<?>> LOADED = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Class<?>> eldest) {
            return size() > 16;
        }
    };

    /** The class {@code qualifiedName} compiled from {@code source}: from memory, the disk cache, or javac. */
    static Class<?> load(String qualifiedName, String source) throws ClassNotFoundException {
        synchronized (LOADED) {
            Class<?> known = LOADED.get(source);
            if (known != null) {
                return known;
            }
        }
        Class<?> type = compiled(qualifiedName, source);
        synchronized (LOADED) {
            LOADED.put(source, type);
        }
        return type;
    }

    /** The class from the disk cache, or compiled by javac and then cached. */
    static Class<?> compiled(String qualifiedName, String source) throws ClassNotFoundException {
        Optional<Path> dir = folder();
        String key = key(qualifiedName, source);
        Map<String, byte[]> classes = dir.flatMap(d -> read(d.resolve(key + ".classes"))).orElse(null);
        if (classes == null || !classes.containsKey(qualifiedName)) {
            Path runtime = dir.flatMap(CompiledModels::runtimeFolder).orElseGet(InMemoryCompiler::runtimeLocation);
            classes = InMemoryCompiler.compileToBytes(Map.of(qualifiedName, source), runtime, List.of());
            Map<String, byte[]> compiled = classes;
            dir.ifPresent(d -> write(d.resolve(key + ".classes"), compiled));
        }
        Class<?> type;
        try {
            type = InMemoryCompiler.loader(classes).loadClass(qualifiedName);
        } catch (ClassFormatError e) {
            // a damaged entry: compile again, and replace it
            classes = InMemoryCompiler.compileToBytes(Map.of(qualifiedName, source), InMemoryCompiler.runtimeLocation(),
                    List.of());
            Map<String, byte[]> compiled = classes;
            dir.ifPresent(d -> write(d.resolve(key + ".classes"), compiled));
            type = InMemoryCompiler.loader(classes).loadClass(qualifiedName);
        }
        return type;
    }

    static Optional<Path> folder() {
        String configured = System.getProperty("gangproof.cache", System.getenv("GANGPROOF_CACHE"));
        if (configured != null && !configured.isBlank()) {
            return configured.equals("off") ? Optional.empty() : Optional.of(Path.of(configured).resolve("models"));
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return Optional.of(base.resolve("gangproof").resolve("models"));
    }

    private static String key(String qualifiedName, String source) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((FORMAT + "\n" + Runtime.version() + "\n" + qualifiedName + "\n").getBytes(
                    StandardCharsets.UTF_8));
            sha.update(runtimeFingerprint());
            sha.update(source.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static byte[] fingerprint;

    /** A hash of the runtime interfaces' class files: a model compiled against others is not reused. */
    private static synchronized byte[] runtimeFingerprint() {
        if (fingerprint == null) {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                for (Class<?> c : RUNTIME) {
                    sha.update(classFile(c));
                }
                fingerprint = sha.digest();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        }
        return fingerprint;
    }

    private static byte[] classFile(Class<?> c) {
        try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
            if (in == null) {
                throw new IllegalStateException("internal error: no class file for " + c.getName());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("internal error: cannot read the class file of " + c.getName(), e);
        }
    }

    /**
     * The runtime interfaces as class files in a folder of the cache: javac then reads three
     * small files instead of opening gangproof's whole jar, about a second less per compilation.
     */
    private static Optional<Path> runtimeFolder(Path models) {
        if (Files.isDirectory(InMemoryCompiler.runtimeLocation())) {
            return Optional.empty();
        }
        Path root = models.resolveSibling("runtime-" + HexFormat.of().formatHex(runtimeFingerprint()));
        try {
            for (Class<?> c : RUNTIME) {
                Path file = root.resolve(c.getName().replace('.', '/') + ".class");
                if (!Files.isRegularFile(file)) {
                    Files.createDirectories(file.getParent());
                    replace(file, classFile(c));
                }
            }
            return Optional.of(root);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Map<String, byte[]>> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            if (!in.readUTF().equals(FORMAT)) {
                return Optional.empty();
            }
            int count = in.readInt();
            Map<String, byte[]> classes = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                classes.put(name, bytes);
            }
            return Optional.of(classes);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Best effort: a cache that cannot be written only means compiling again next time. */
    private static void write(Path file, Map<String, byte[]> classes) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeUTF(FORMAT);
                out.writeInt(classes.size());
                for (Map.Entry<String, byte[]> e : classes.entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeInt(e.getValue().length);
                    out.write(e.getValue());
                }
            }
            Files.createDirectories(file.getParent());
            replace(file, bytes.toByteArray());
        } catch (IOException e) {
            // not cached; the model was compiled and is used all the same
        }
    }

    /** Writes a temporary file next to {@code file} and moves it in place, so that readers never see half of it. */
    private static void replace(Path file, byte[] content) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.write(tmp, content);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
