package io.gangproof.cli;

import io.gangproof.check.AnalysisEngine;
import io.gangproof.check.Engine;
import io.gangproof.check.SimulationEngine;
import io.gangproof.model.ExplorerEngine;
import io.gangproof.model.ExplorerOptions;
import java.util.ArrayList;
import java.util.List;

/** The engines {@code check} may ask. */
final class Engines {
    enum Choice { auto, analysis, simulation, explorer }

    private Engines() {
    }

    static List<Engine> of(Choice choice, int simulationRuns, ExplorationProgressLine progress) {
        List<Engine> engines = new ArrayList<>();
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
