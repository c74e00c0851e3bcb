package io.gangproof.junit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;

/**
 * Options of a {@link SpecTests} run: {@code SpecTests.in(folder).engines("proof",
 * "simulation").timeLimit(Duration.ofSeconds(20)).tests()}. Immutable: each option returns a
 * new builder.
 */
public final class SpecTestsBuilder {
    private final Path folder;
    private final Path traceDir;
    private final EngineChoice engines;

    SpecTestsBuilder(Path folder) {
        this(folder, Path.of("target", "gangproof-out"), EngineChoice.DEFAULTS);
    }

    private SpecTestsBuilder(Path folder, Path traceDir, EngineChoice engines) {
        this.folder = folder;
        this.traceDir = traceDir;
        this.engines = engines;
    }

    /**
     * Ask only these engines, named as for {@code gangproof check --engine}: {@code proof}
     * (analysis with Z3 witness checks), {@code analysis}, {@code simulation}, {@code explorer},
     * {@code smt}. Without this option every default engine is asked.
     */
    public SpecTestsBuilder engines(String... names) {
        return new SpecTestsBuilder(folder, traceDir, new EngineChoice(List.of(names), engines.timeLimit()));
    }

    /**
     * Bound the searching engines (the explorer; each Z3 query of {@code smt}) to this wall-clock
     * time per spec; a search that hits it answers {@code UNKNOWN}. A spec's {@code limit time}
     * takes precedence.
     */
    public SpecTestsBuilder timeLimit(Duration limit) {
        return new SpecTestsBuilder(folder, traceDir, new EngineChoice(engines.names(), Optional.of(limit)));
    }

    /** Where counterexample traces are written (default: target/gangproof-out). */
    public SpecTestsBuilder traceDir(Path dir) {
        return new SpecTestsBuilder(folder, dir, engines);
    }

    /** One container per spec under the folder, sorted by path; libraries without a system are skipped tests. */
    public Stream<DynamicNode> tests() {
        return SpecTests.tests(folder, traceDir, engines);
    }
}
