package io.gangproof.check;

import io.gangproof.model.ExplorerEngine;
import io.gangproof.model.ExplorerOptions;
import java.util.List;

/** The engines {@code gangproof check} asks by default, in order, and the regression-proof tests too. */
public final class StandardEngines {
    private StandardEngines() {
    }

    public static List<Engine> of(int simulationRuns, ExplorerOptions explorer) {
        return List.of(new InductionEngine(), new ProofEngine(), new AnalysisEngine(), new SimulationEngine(simulationRuns),
                new SymbolicEngine(), new ExplorerEngine(explorer));
    }

    public static List<Engine> defaults() {
        return of(SimulationEngine.DEFAULT_RUNS, ExplorerOptions.DEFAULTS);
    }
}
