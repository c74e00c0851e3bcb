package io.gangproof.cli;

import io.gangproof.check.AnalysisEngine;
import io.gangproof.check.Engine;
import io.gangproof.check.JpfEngine;
import io.gangproof.check.SmtEngine;
import io.gangproof.check.StandardEngines;
import io.gangproof.model.ExplorerOptions;
import io.gangproof.model.JpfHome;
import io.gangproof.smt.search.ViolationSearch;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The engines {@code check --engine} selects. */
final class Engines {
    enum Choice {
        auto(""), induction("induction"), proof("analysis+z3"), analysis("analysis"), simulation("simulation"), explorer("explorer"), smt("smt"), jpf("jpf");

        private final String engineName;

        Choice(String engineName) {
            this.engineName = engineName;
        }
    }

    private Engines() {
    }

    /**
     * Every standard engine ({@code auto}) or one of them; {@code jpfHome} is used only for
     * {@code jpf}, {@code solver} only for {@code smt}. The SMT search is not in {@code auto}: it
     * answers what the explorer answers, and is asked for by name.
     */
    static List<Engine> of(Choice choice, int simulationRuns, ExplorationProgressLine progress,
            Optional<JpfHome> jpfHome, ViolationSearch.Limits solver) {
        if (choice == Choice.jpf) {
            return List.of(new JpfEngine(jpfHome.orElseThrow()));
        }
        if (choice == Choice.smt) {
            return List.of(new SmtEngine(solver));
        }
        List<Engine> all = StandardEngines.of(simulationRuns, ExplorerOptions.DEFAULTS.withProgress(progress));
        // proof keeps the analysis beside it: it only ever says UNKNOWN, with the reason a proof failed.
        return choice == Choice.auto ? all : all.stream().filter(e -> e.name().equals(choice.engineName)
                || choice == Choice.proof && e.name().equals(AnalysisEngine.NAME)).toList();
    }
}
