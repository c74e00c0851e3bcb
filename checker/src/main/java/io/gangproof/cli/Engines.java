package io.gangproof.cli;

import io.gangproof.check.AnalysisEngine;
import io.gangproof.check.Engine;
import io.gangproof.check.JpfEngine;
import io.gangproof.check.SimulationEngine;
import io.gangproof.model.ExplorerEngine;
import io.gangproof.model.ExplorerOptions;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The engines {@code check} may ask. */
final class Engines {
    enum Choice { auto, analysis, simulation, explorer, jpf }

    private Engines() {
    }

    /** The engines of {@code choice}; {@code jpfHome} is needed (and only used) for {@code jpf}. */
    static List<Engine> of(Choice choice, int simulationRuns, ExplorationProgressLine progress,
            Optional<Path> jpfHome) {
        List<Engine> engines = new ArrayList<>();
        if (choice == Choice.jpf) {
            engines.add(new JpfEngine(jpfHome.orElseThrow()));
            return engines;
        }
        if (choice == Choice.auto || choice == Choice.analysis) {
            engines.add(new AnalysisEngine());
        }
        if (choice == Choice.auto || choice == Choice.simulation) {
            engines.add(new SimulationEngine(simulationRuns));
        }
        if (choice == Choice.auto || choice == Choice.explorer) {
            engines.add(new ExplorerEngine(ExplorerOptions.DEFAULTS.withProgress(progress)));
        }
        return engines;
    }
}
