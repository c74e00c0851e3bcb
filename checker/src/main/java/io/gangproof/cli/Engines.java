package io.gangproof.cli;

import io.gangproof.check.AnalysisEngine;
import io.gangproof.check.Engine;
import io.gangproof.check.StandardEngines;
import io.gangproof.model.JpfHome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/** The engines {@code check --engine} names, and their explanation in {@code check --help}. */
final class Engines {
    private Engines() {
    }

    /**
     * The engines named on the command line, cheapest first; a usage error for an unknown name
     * or for {@code jpf} without a jpf-core build.
     */
    static List<Engine> of(List<String> names, StandardEngines.Settings settings, Path jpfHome,
            CommandLine commandLine) {
        List<StandardEngines.Kind> kinds;
        try {
            kinds = StandardEngines.kinds(names);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, "--engine: " + e.getMessage());
        }
        StandardEngines.Settings s = settings;
        if (kinds.stream().anyMatch(k -> k.name().equals("jpf"))) {
            Optional<Path> jpf = JpfHome.locate(Optional.ofNullable(jpfHome), System.getenv(), Path.of(""));
            if (jpf.isEmpty()) {
                throw new CommandLine.ParameterException(commandLine, "--engine jpf needs a jpf-core build: "
                        + "set JPF_HOME or --jpf-home to its folder (none is in shared/tools/jpf-core beside the "
                        + "working directory either; Java PathFinder is on no package registry, and the default "
                        + "explorer checks the same models)");
            }
            try {
                new JpfHome(jpf.get());
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(commandLine, "--engine jpf: " + e.getMessage());
            }
            s = new StandardEngines.Settings(settings.simulationRuns(), settings.explorer(), settings.solver(), jpf);
        }
        List<Engine> out = new ArrayList<>();
        for (StandardEngines.Kind k : kinds) {
            out.add(k.create().apply(s));
            // proof keeps the analysis beside it: it only ever says UNKNOWN, with the reason a proof failed.
            if (k.name().equals("proof") && kinds.stream().noneMatch(x -> x.name().equals("analysis"))) {
                out.add(new AnalysisEngine());
            }
        }
        return out;
    }

    /** One line per engine, cheapest first, for the end of {@code check --help}. */
    static String[] help() {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.addAll(wrapped("", "Engines (--engine NAME,NAME...), asked cheapest first, in this order; a property "
                + "decided by one is not asked of the next, unless --cross-check:"));
        lines.addAll(wrapped("  " + StandardEngines.AUTO, "every engine marked *"));
        for (StandardEngines.Kind k : StandardEngines.KINDS) {
            lines.addAll(wrapped("  " + k.name() + (k.byDefault() ? " *" : ""), k.help()));
        }
        return lines.toArray(String[]::new);
    }

    private static final int WIDTH = 80;
    private static final int INDENT = 15;

    /** {@code text} after {@code label}, wrapped at word boundaries under a hanging indent (picocli cuts words). */
    private static List<String> wrapped(String label, String text) {
        int indent = label.isEmpty() ? 0 : INDENT;
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder(label);
        while (line.length() < indent) {
            line.append(' ');
        }
        boolean first = true;
        for (String word : text.split(" ")) {
            if (!first && line.length() + 1 + word.length() > WIDTH) {
                out.add(line.toString());
                line = new StringBuilder(" ".repeat(indent));
                first = true;
            }
            line.append(first ? "" : " ").append(word);
            first = false;
        }
        out.add(line.toString());
        return out;
    }
}
