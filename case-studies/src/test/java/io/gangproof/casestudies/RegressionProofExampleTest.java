package io.gangproof.casestudies;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example project of docs/regression-proofs.md ({@code regression-example/}) is the one the
 * doc prints, and it works: its test source is compiled against this build's jars and run in
 * the project's folder. With {@code -Dgangproof.exampleMavenBuild=true}, Maven itself builds the
 * project from its pom, against this checkout installed into a temporary local repository
 * (never the shared ~/.m2); that takes minutes, so it is off by default.
 */
class RegressionProofExampleTest {
    static final Path EXAMPLE = Path.of("regression-example");
    static final Path DOC = Path.of("..", "docs", "regression-proofs.md");
    static final Path TEST_SOURCE = EXAMPLE.resolve("src/test/java/com/example/TimingProofsTest.java");

    @TempDir
    Path tmp;

    @Test
    void theDocPrintsTheExampleProjectsPomAndTest() throws IOException {
        List<String> blocks = fencedBlocks(Files.readString(DOC));
        assertThat(blocks).contains(Files.readString(EXAMPLE.resolve("pom.xml")), Files.readString(TEST_SOURCE));
    }

    @Test
    void theExampleTestPassesAgainstThisBuild() throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int compiled = javac.run(null, null, null, "-d", classes.toString(), "-classpath", classpath,
                TEST_SOURCE.toString());
        assertThat(compiled).as("the example compiles against checker's API").isZero();

        Path javaBinary = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(javaBinary.toString(), "-cp", classes + java.io.File.pathSeparator + classpath,
                DynamicTestRunner.class.getName(), "com.example.TimingProofsTest")
                .directory(EXAMPLE.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("PASSED  camera.gang / deadlines", "PASSED  camera.gang / response(front) <= 10 ms",
                "SKIPPED dnn/nets.gang (skipped: declares no system", "passed 2, skipped 1, failed 0");
    }

    @Test
    @EnabledIfSystemProperty(named = "gangproof.exampleMavenBuild", matches = "true")
    void mavenBuildsTheExampleAgainstThisCheckout() throws Exception {
        Path repo = tmp.resolve("repository");
        Path shared = Path.of(System.getProperty("user.home"), ".m2", "repository");
        copy(shared, repo, shared.resolve("io").resolve("gangproof"));
        Path root = Path.of("..").toAbsolutePath().normalize();
        maven(root, repo, "install", "-DskipTests");
        Path project = tmp.resolve("project");
        copy(EXAMPLE, project, EXAMPLE.resolve("target"));
        String output = maven(project, repo, "test");
        assertThat(output).contains("Tests run: 3, Failures: 0, Errors: 0, Skipped: 1", "BUILD SUCCESS");
    }

    private static String maven(Path dir, Path repo, String... goals) throws Exception {
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-o", "-Dmaven.repo.local=" + repo));
        command.addAll(List.of(goals));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return output;
    }

    private static void copy(Path from, Path to, Path except) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all.filter(p -> !p.startsWith(except))::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** The contents of every fenced code block of a Markdown text. */
    static List<String> fencedBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        StringBuilder current = null;
        for (String line : markdown.split("\n", -1)) {
            if (current == null && line.startsWith("```")) {
                current = new StringBuilder();
            } else if (current != null && line.equals("```")) {
                blocks.add(current.toString());
                current = null;
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        return blocks;
    }
}
