package io.gangproof.model;

import io.gangproof.model.runtime.TransitionModel;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles generated sources with the JDK's compiler ({@code javax.tools}) without touching
 * the disk, and loads the classes in a fresh class loader whose parent sees the model runtime
 * interfaces.
 */
final class InMemoryCompiler {
    private InMemoryCompiler() {
    }

    /** The sources could not be compiled or loaded; says why. */
    static final class CompilationException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CompilationException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Compiles {@code sources} (fully qualified class name to source text) plus
     * {@code extraClassPath} entries, and returns a loader for the result.
     */
    static ClassLoader compile(Map<String, String> sources, List<Path> extraClassPath) {
        return loader(compileToBytes(sources, runtimeLocation(), extraClassPath));
    }

    /**
     * The class files of {@code sources}, by class name, compiled against the model runtime
     * interfaces found at {@code runtime} (a folder or a jar) and {@code extraClassPath}.
     */
    static Map<String, byte[]> compileToBytes(Map<String, String> sources, Path runtime, List<Path> extraClassPath) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new CompilationException("no Java compiler: gangproof's explorer needs a JDK, not a JRE", null);
        }
        List<JavaFileObject> units = new ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            units.add(new Source(e.getKey(), e.getValue()));
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
        Map<String, ByteArrayOutputStream> classes = new HashMap<>();
        JavaFileManager manager = new ForwardingJavaFileManager<JavaFileManager>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                    FileObject sibling) {
                return new SimpleJavaFileObject(uri("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                        classes.put(className, bytes);
                        return bytes;
                    }
                };
            }
        };
        StringBuilder classPath = new StringBuilder(runtime.toString());
        for (Path p : extraClassPath) {
            classPath.append(java.io.File.pathSeparator).append(p);
        }
        List<String> options = List.of("--release", "17", "-g:none", "-proc:none", "-classpath", classPath.toString());
        StringWriter out = new StringWriter();
        Boolean ok = javac.getTask(out, manager, diagnostics, options, null, units).call();
        if (!Boolean.TRUE.equals(ok)) {
            StringBuilder why = new StringBuilder("internal error: the generated model does not compile");
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    why.append('\n').append(d.getSource() == null ? "" : d.getSource().getName()).append(':')
                            .append(d.getLineNumber()).append(": ").append(d.getMessage(Locale.ROOT));
                }
            }
            throw new CompilationException(why.toString(), null);
        }
        Map<String, byte[]> bytes = new HashMap<>();
        classes.forEach((name, stream) -> bytes.put(name, stream.toByteArray()));
        return bytes;
    }

    /** A fresh loader for compiled classes, whose parent sees the model runtime interfaces. */
    static ClassLoader loader(Map<String, byte[]> bytes) {
        return new ClassLoader(TransitionModel.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] b = bytes.get(name);
                if (b == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, b, 0, b.length);
            }
        };
    }

    /** Where the runtime interfaces live: a classes directory in a build, the jar when installed. */
    static Path runtimeLocation() {
        CodeSource source = TransitionModel.class.getProtectionDomain().getCodeSource();
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new CompilationException("cannot locate the model runtime classes", e);
        }
    }

    private static URI uri(String s) {
        return URI.create(s);
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String text;

        Source(String className, String text) {
            super(uri("mem:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
