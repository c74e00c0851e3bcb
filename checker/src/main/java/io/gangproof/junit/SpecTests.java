package io.gangproof.junit;

import io.gangproof.check.CheckOptions;
import io.gangproof.check.Checker;
import io.gangproof.check.PropertyResult;
import io.gangproof.check.SpecReport;
import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.Verdict;
import io.gangproof.spec.parse.Diagnostic;
import io.gangproof.spec.parse.LoadResult;
import io.gangproof.spec.parse.ParsedFile;
import io.gangproof.spec.parse.SourceFile;
import io.gangproof.spec.parse.SpecLoader;
import io.gangproof.spec.parse.SpecParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

/**
 * Regression proofs for a JUnit 5 build: every {@code .gang} spec in a folder and its
 * subfolders becomes a container with one test per property.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> regressionProofs() {
 *     return SpecTests.forFolder(Path.of("src/test/specs"));
 * }
 * }</pre>
 *
 * {@link #in(Path)} chooses the engines and a time limit, e.g. {@code SpecTests.in(folder)
 * .engines("proof", "simulation").timeLimit(Duration.ofSeconds(20)).tests()}. A file that
 * declares no system (a DNN library that specs import) becomes a skipped test that names it.
 *
 * A spec may state what each property must give, in lines {@code // expect: PROPERTY VERDICT}
 * (the property as {@code gangproof check} prints it). A result may be stronger than expected,
 * never contradict it: {@code VIOLATED} and {@code PROVED} must come out exactly,
 * {@code HOLDS-UP-TO} may come out {@code PROVED}, {@code UNKNOWN} anything but
 * {@code VIOLATED}. A property without an expectation must be {@code PROVED} or
 * {@code HOLDS-UP-TO}. An invalid spec fails its container with its diagnostics.
 */
public final class SpecTests {
    private static final Pattern EXPECT = Pattern.compile("^\\s*//\\s*expect:\\s*(.+?)\\s+(PROVED|VIOLATED|HOLDS-UP-TO"
            + "|UNKNOWN)\\s*$");

    private SpecTests() {
    }

    /** One container per spec under {@code folder}, every default engine, counterexamples under target/. */
    public static Stream<DynamicNode> forFolder(Path folder) {
        return in(folder).tests();
    }

    public static Stream<DynamicNode> forFolder(Path folder, Path traceDir) {
        return in(folder).traceDir(traceDir).tests();
    }

    /** The specs under {@code folder}, with the engines and limits still to choose. */
    public static SpecTestsBuilder in(Path folder) {
        return new SpecTestsBuilder(folder);
    }

    static Stream<DynamicNode> tests(Path folder, Path traceDir, EngineChoice engines) {
        List<Path> specs;
        try (Stream<Path> files = Files.walk(folder)) {
            specs = files.filter(f -> f.toString().endsWith(".gang") && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list specs in " + folder, e);
        }
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("no .gang spec in " + folder + " or its subfolders");
        }
        return specs.stream().map(spec -> declaresNoSystem(spec)
                ? skipped(folder, spec)
                : container(folder, spec, traceDir, engines));
    }

    /** A file that parses and declares no system is a library of DNNs for other specs to import. */
    private static boolean declaresNoSystem(Path file) {
        Optional<String> text;
        try {
            text = Optional.of(Files.readString(file));
        } catch (IOException e) {
            text = Optional.empty();
        }
        if (text.isEmpty()) {
            return false;
        }
        ParsedFile parsed = SpecParser.parse(new SourceFile(file.toString(), Optional.of(file),
                file.toAbsolutePath().getParent(), text.get()));
        return !parsed.hasSyntaxErrors() && parsed.tree().topItem().stream().allMatch(i -> i.systemDecl() == null);
    }

    private static DynamicNode skipped(Path folder, Path file) {
        String name = folder.relativize(file).toString();
        return DynamicTest.dynamicTest(name + " (skipped: declares no system, e.g. a DNN library that specs "
                + "import)", file.toUri(), () -> Assumptions.abort(name + " declares no system: nothing to check"));
    }

    private static DynamicNode container(Path folder, Path file, Path traceDir, EngineChoice engines) {
        LoadResult loaded = SpecLoader.load(file);
        if (!(loaded instanceof LoadResult.Loaded ok)) {
            String diagnostics = loaded.diagnostics().stream().map(Diagnostic::render).collect(Collectors.joining());
            return DynamicTest.dynamicTest(file.getFileName() + " is a valid spec", file.toUri(), () -> {
                throw new AssertionFailedError("invalid spec:\n" + diagnostics);
            });
        }
        SystemSpec spec = ok.spec();
        Map<String, Verdict> expected = expectations(file);
        SpecReportOnce report = new SpecReportOnce(file, spec, traceDir, engines);
        List<DynamicNode> tests = new ArrayList<>();
        for (String unknown : expected.keySet()) {
            boolean named = spec.properties().stream().anyMatch(p -> report.describe(p).equals(unknown));
            if (!named) {
                tests.add(DynamicTest.dynamicTest("expect: " + unknown, file.toUri(), () -> {
                    throw new AssertionFailedError("the expectation '" + unknown + "' names no property of "
                            + file.getFileName());
                }));
            }
        }
        for (int i = 0; i < spec.properties().size(); i++) {
            int index = i;
            String description = report.describe(spec.properties().get(i));
            Optional<Verdict> want = Optional.ofNullable(expected.get(description));
            tests.add(DynamicTest.dynamicTest(description, file.toUri(), () -> {
                PropertyResult r = report.get().results().get(index);
                if (!acceptable(want, r.verdict())) {
                    throw new AssertionFailedError(file.getFileName() + ": " + description + " is "
                            + r.verdict().label() + " (" + r.engine() + ": " + r.reason().orElse("") + "), expected "
                            + want.map(Verdict::label).orElse("PROVED or HOLDS-UP-TO")
                            + r.trace().map(t -> "; counterexample " + t).orElse(""));
                }
            }));
        }
        return DynamicContainer.dynamicContainer(folder.relativize(file).toString(), file.toUri(), tests.stream());
    }

    /** Whether {@code actual} is at least as strong as {@code expected} without contradicting it. */
    static boolean acceptable(Optional<Verdict> expected, Verdict actual) {
        if (expected.isEmpty()) {
            return actual == Verdict.PROVED || actual == Verdict.HOLDS_UP_TO;
        }
        switch (expected.get()) {
            case VIOLATED:
                return actual == Verdict.VIOLATED;
            case PROVED:
                return actual == Verdict.PROVED;
            case HOLDS_UP_TO:
                return actual == Verdict.PROVED || actual == Verdict.HOLDS_UP_TO;
            default:
                return actual != Verdict.VIOLATED;
        }
    }

    /** The {@code // expect: PROPERTY VERDICT} lines of a spec. */
    static Map<String, Verdict> expectations(Path file) {
        Map<String, Verdict> out = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                Matcher m = EXPECT.matcher(line);
                if (m.matches()) {
                    for (Verdict v : Verdict.values()) {
                        if (v.label().equals(m.group(2))) {
                            out.put(m.group(1), v);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Checks a spec the first time one of its tests asks, then answers the others from that run. */
    private static final class SpecReportOnce {
        private final Path file;
        private final SystemSpec spec;
        private final Path traceDir;
        private final EngineChoice engines;
        private SpecReport report;

        SpecReportOnce(Path file, SystemSpec spec, Path traceDir, EngineChoice engines) {
            this.file = file;
            this.spec = spec;
            this.traceDir = traceDir;
            this.engines = engines;
        }

        String describe(io.gangproof.spec.Property p) {
            return io.gangproof.spec.format.SpecWriter.describe(spec, p);
        }

        synchronized SpecReport get() {
            if (report == null) {
                Checker checker = new Checker(engines.forSpec(spec));
                report = checker.check(file.toString(), spec, new CheckOptions(Optional.empty(), 1L,
                        Optional.of(traceDir)));
            }
            return report;
        }
    }
}
