package io.gangproof.check;

import io.gangproof.model.ExplorerEngine;
import io.gangproof.model.ExplorerOptions;
import io.gangproof.smt.search.ViolationSearch;
import io.gangproof.model.JpfHome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every engine {@code gangproof check} can ask, cheapest first: the order in which the
 * {@link Checker} asks them (semantics §8). A new engine is one more {@link Kind} in
 * {@link #KINDS}, at the place of its cost.
 */
public final class StandardEngines {
    private StandardEngines() {
    }

    /** What engines need from the command line; {@code jpfHome} only for {@code jpf}. */
    public record Settings(int simulationRuns, ExplorerOptions explorer, ViolationSearch.Limits solver,
            Optional<Path> jpfHome) {
        public static final Settings DEFAULTS = new Settings(SimulationEngine.DEFAULT_RUNS, ExplorerOptions.DEFAULTS,
                ViolationSearch.Limits.DEFAULTS, Optional.empty());
    }

    /**
     * An engine as {@code --engine} names it: {@code byDefault} when {@code auto} includes it,
     * {@code help} one sentence for {@code check --help}.
     */
    public record Kind(String name, boolean byDefault, String help, Function<Settings, Engine> create) {
    }

    /** Cheapest first. */
    public static final List<Kind> KINDS = List.of(
            new Kind("proof", true, "the response-time analysis of the spec's scheduler with every witness it rests "
                    + "on re-checked by Z3: PROVED, with SMT-LIB certificates (reported as " + ProofEngine.NAME + ")",
                    s -> new ProofEngine()),
            new Kind("induction", true, "k-induction with Z3 over the protocol's one-step relation (deadlock-free, "
                    + "overtakes <= 0): PROVED for all time at any resolution, with SMT-LIB certificates, else nothing "
                    + "decided", s -> new InductionEngine()),
            new Kind("analysis", true, "the same analysis without Z3: its bound and why it is not a proof (never "
                    + "PROVED on its own)", s -> new AnalysisEngine()),
            new Kind("simulation", true, "the reference scheduler on the synchronous scenario and --runs random ones: "
                    + "VIOLATED with a replayable trace, else nothing", s -> new SimulationEngine(s.simulationRuns())),
            new Kind("symbolic", true, "the symbolic-time engine (zones over integer clocks, docs/symbolic.md): "
                    + "VIOLATED with a replayable trace, PROVED when its state space closes, else UNKNOWN",
                    s -> new SymbolicEngine()),
            new Kind("explorer", true, "every behaviour of the generated model up to the horizon, breadth first: "
                    + "VIOLATED (a shortest counterexample) or HOLDS-UP-TO", s -> new ExplorerEngine(s.explorer())),
            new Kind("smt", false, "Z3's search of every behaviour up to the horizon: VIOLATED or HOLDS-UP-TO, like "
                    + "the explorer (--solver-timeout, --solver-memory, --solver-size)", s -> new SmtEngine(s.solver())),
            new Kind("jpf", false, "Java PathFinder on the generated model: VIOLATED (replayed) or HOLDS-UP-TO, "
                    + "like the explorer (--jpf-home, JPF_HOME or shared/tools/jpf-core)", s -> new JpfEngine(new JpfHome(s.jpfHome().orElseThrow(() ->
                            new IllegalArgumentException("the jpf engine needs a jpf-core build"))))));

    /** The name that stands for every default engine. */
    public static final String AUTO = "auto";

    public static Optional<Kind> kind(String name) {
        return KINDS.stream().filter(k -> k.name().equals(name.toLowerCase(Locale.ROOT))).findFirst();
    }

    /**
     * The engines named ({@code auto} for every default one), in cost order whatever the order
     * of the names; throws {@link IllegalArgumentException} for an unknown name.
     */
    public static List<Engine> named(List<String> names, Settings settings) {
        List<Kind> chosen = kinds(names);
        List<Engine> out = new ArrayList<>();
        for (Kind k : chosen) {
            out.add(k.create().apply(settings));
        }
        return out;
    }

    /** The kinds named, in cost order. */
    public static List<Kind> kinds(List<String> names) {
        for (String n : names) {
            if (!n.equalsIgnoreCase(AUTO) && kind(n).isEmpty()) {
                throw new IllegalArgumentException("unknown engine '" + n + "': choose from " + AUTO + ", "
                        + String.join(", ", KINDS.stream().map(Kind::name).toList()));
            }
        }
        boolean auto = names.stream().anyMatch(n -> n.equalsIgnoreCase(AUTO));
        return KINDS.stream().filter(k -> (auto && k.byDefault())
                || names.stream().anyMatch(n -> n.equalsIgnoreCase(k.name()))).toList();
    }

    public static List<Engine> of(int simulationRuns, ExplorerOptions explorer) {
        return named(List.of(AUTO), new Settings(simulationRuns, explorer, ViolationSearch.Limits.DEFAULTS,
                Optional.empty()));
    }

    public static List<Engine> defaults() {
        return named(List.of(AUTO), Settings.DEFAULTS);
    }
}
