package io.gangproof.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gangproof.model.JpfBuild;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --engine jpf} against {@code --engine explorer} on every bundled spec at its
 * own horizon, each with a budget of 60 s (issue #13: JPF decides within 60 s what the
 * explorer decides; the specs' own {@code limit time}, a few seconds for the explorer, is
 * taken out of copies of them): the same verdict on every property the explorer decides
 * (PROVED, HOLDS-UP-TO or VIOLATED), and every JPF violation a trace that replays as one.
 * In the suite: every spec but the Coral case studies (about 20 s), whose horizons neither
 * engine reaches in 60 s (each costs both engines their whole budget, so minutes together);
 * with {@code -Dgangproof.jpfFull=true} those too, and {@code -Dgangproof.jpfFull.only=REGEX}
 * picks the specs by file name. Prints each spec's verdicts and times.
 */
class JpfFullHorizonCliTest {
    @TempDir
    Path out;

    @Test
    void jpfGivesTheExplorersVerdictOnEveryBundledSpecAtItsHorizon() throws Exception {
        String home = JpfBuild.require().dir().toString();
        Path copies = out.resolve("specs");
        try (Stream<Path> files = Files.walk(JpfCliTest.SPECS)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path copy = copies.resolve(JpfCliTest.SPECS.relativize(f).toString());
                Files.createDirectories(copy.getParent());
                Files.writeString(copy, Files.readString(f).replaceAll("(?m)^\\s*limit time .*$", ""));
            }
        }
        List<Path> specs;
        try (Stream<Path> files = Files.list(copies)) {
            // -Dgangproof.jpfFull.only=REGEX: the specs whose file names match it
            String every = Boolean.getBoolean("gangproof.jpfFull") ? ".*" : "(?!coral-).*";
            String only = System.getProperty("gangproof.jpfFull.only", every);
            specs = files.filter(f -> f.toString().endsWith(".gang"))
                    .filter(f -> f.getFileName().toString().matches(only)).sorted().toList();
        }
        List<String> disagreements = new ArrayList<>();
        int compared = 0;
        for (Path spec : specs) {
            long t0 = System.nanoTime();
            JsonNode explorer = properties(CliRun.of("check", "--engine", "explorer", "--time-limit", "60s",
                    "--format", "json", "--out", out.resolve("explorer").toString(), spec.toString()));
            long t1 = System.nanoTime();
            JsonNode jpf = properties(CliRun.of("check", "--engine", "jpf", "--jpf-home", home, "--time-limit", "60s",
                    "--format", "json", "--out", out.resolve("jpf").toString(), spec.toString()));
            long t2 = System.nanoTime();
            StringBuilder line = new StringBuilder(String.format("%-34s explorer %6.1f s, jpf %6.1f s:",
                    spec.getFileName(), (t1 - t0) / 1e9, (t2 - t1) / 1e9));
            for (int p = 0; p < explorer.size(); p++) {
                String property = explorer.get(p).path("property").asText();
                String e = explorer.get(p).path("verdict").asText();
                String j = jpf.get(p).path("verdict").asText();
                // where the explorer proves a property by repetition (semantics §13 item 7), JPF's complete
                // search to the horizon finds the same repetition
                line.append(" [").append(property).append(": ").append(e)
                        .append(e.equals(j) ? "" : " / jpf " + j).append(']');
                if (e.equals("UNKNOWN")) {
                    continue;
                }
                compared++;
                if (!e.equals(j)) {
                    disagreements.add(spec.getFileName() + " " + property + ": explorer " + e + ", jpf " + j + " ("
                            + jpf.get(p).path("reason").asText() + ")");
                } else if (j.equals("VIOLATED")) {
                    CliRun replay = CliRun.of("replay", spec.toString(), jpf.get(p).path("trace").asText());
                    assertThat(replay.exitCode()).as(spec + " " + property + ": " + replay.err())
                            .isEqualTo(ExitCodes.VIOLATED);
                }
            }
            System.out.println(line);
        }
        System.out.println(compared + " properties decided by the explorer compared");
        assertThat(disagreements).isEmpty();
        assertThat(compared).isPositive();
    }

    private static JsonNode properties(CliRun r) throws Exception {
        assertThat(r.out()).as(r.err()).startsWith("{");
        return new ObjectMapper().readTree(r.out()).path("specs").get(0).path("properties");
    }
}
