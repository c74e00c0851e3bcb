package io.gangproof.artifacts;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gangproof-artifacts}: runs experiment sweeps, merges shards and plots acceptance ratios. */
@Command(name = "gangproof-artifacts", mixinStandardHelpOptions = true, versionProvider = ArtifactsCli.Version.class,
        description = {"Runs the paper's experiments: acceptance ratio versus TPU-time utilisation."},
        subcommands = {ArtifactsCli.Run.class, ArtifactsCli.Study.class, ArtifactsCli.Merge.class, ArtifactsCli.Plot.class,
            ArtifactsCli.ListMethods.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "64:bad command line", "65:bad experiment file or bad CSV input (the field or line is named)",
            "70:internal error"},
        footer = {"", "Docs: paper-artifacts/README.md"})
public final class ArtifactsCli implements Runnable {
    public static final int OK = 0;
    public static final int USAGE = 64;
    public static final int DATA = 65;
    public static final int INTERNAL = 70;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean debug;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is missing");
    }

    public static void main(String[] args) {
        // The progress bar only on a terminal: a log (or CI) gets the results without it.
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                io.gangproof.cli.StandardError.isTerminal() ? System.err : null));
    }

    /** Runs the command line and returns its exit code; {@code progress} receives the progress bar (or null for none). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err, PrintStream progress) {
        ArtifactsCli root = new ArtifactsCli();
        CommandLine cmd = new CommandLine(root);
        cmd.setOut(out);
        cmd.setErr(err);
        for (CommandLine sub : cmd.getSubcommands().values()) {
            if (sub.getCommand() instanceof Run r) {
                r.progressStream = progress;
            }
        }
        cmd.setExitCodeExceptionMapper(e -> INTERNAL);
        cmd.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("gangproof-artifacts: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, c.getErr());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            c.getErr().flush();
            return USAGE;
        });
        cmd.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof ExperimentException) {
                c.getErr().println("gangproof-artifacts: bad experiment file: " + ex.getMessage());
                c.getErr().flush();
                return DATA;
            }
            if (ex instanceof InputException) {
                c.getErr().println("gangproof-artifacts: " + ex.getMessage());
                c.getErr().flush();
                return DATA;
            }
            if (ex instanceof UsageException) {
                c.getErr().println("gangproof-artifacts: " + ex.getMessage());
                c.getErr().flush();
                return USAGE;
            }
            c.getErr().println("gangproof-artifacts: internal error: " + ex);
            if (root.debug) {
                ex.printStackTrace(c.getErr());
            } else {
                c.getErr().println("Run again with --debug for the stack trace.");
            }
            c.getErr().flush();
            return INTERNAL;
        });
        int code = cmd.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Bad input data (a CSV or shard set), exit 65. */
    static final class InputException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InputException(String message) {
            super(message);
        }
    }

    /** A bad option value found after parsing, exit 64. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"gangproof-artifacts " + Csv.version()};
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"Runs an experiment and writes DIR/NAME.csv with DIR/NAME.png and DIR/NAME.svg.",
                "With --shard, only DIR/NAME.shard-I-of-N.csv (merge the shards, then plot)."})
    static final class Run implements Callable<Integer> {
        PrintStream progressStream;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "EXPERIMENT.json", description = "The experiment definition.")
        Path experimentFile;

        @Option(names = "--out", paramLabel = "DIR", defaultValue = ".", description = "Output directory (default: .).")
        Path out;

        @Option(names = "--shard", paramLabel = "I/N", description = "Run only shard I of N (1-based).")
        String shard;

        @Option(names = "--smoke", description = "Use the experiment's smoke size (as the tests do).")
        boolean smoke;

        @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
                description = "Worker threads (default 1); results do not depend on it.")
        int threads;

        @Option(names = "--no-progress", description = "No progress bar.")
        boolean noProgress;

        @Option(names = "--sets", description = "Also write DIR/NAME[.shard-I-of-N].sets.csv: every generated set "
                + "(tasks as k:C/T), its exact utilisation and each method's outcome.")
        boolean sets;

        @Override
        public Integer call() throws IOException {
            if (threads < 1 || threads > 256) {
                throw new UsageException("--threads must be in 1..256, got " + threads);
            }
            Shard s;
            try {
                s = shard == null ? Shard.ALL : Shard.parse(shard);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--shard: " + e.getMessage());
            }
            if (!Files.isRegularFile(experimentFile)) {
                throw new UsageException("no experiment file " + experimentFile);
            }
            Experiment e = Experiment.load(experimentFile);
            if (smoke) {
                e = e.smokeSize();
            }
            PrintWriter w = spec.commandLine().getOut();
            for (String p : e.plannedMethods()) {
                if (!Methods.known(p)) {
                    spec.commandLine().getErr().println("note: planned method " + p
                            + " is not registered yet; its series is missing");
                }
            }
            Files.createDirectories(out);
            Runner runner = new Runner(e);
            long started = System.nanoTime();
            List<Runner.SetRecord> records;
            String label = e.name() + (s.whole() ? "" : " " + s);
            if (noProgress || progressStream == null) {
                records = runner.run(s, threads, () -> { });
            } else {
                try (ProgressBar bar = new ProgressBarBuilder().setTaskName(label).setInitialMax(runner.items(s))
                        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).showSpeed()
                        .setConsumer(new ConsoleProgressBarConsumer(progressStream)).build()) {
                    records = runner.run(s, threads, bar::step);
                }
            }
            List<String> conflicts = Soundness.conflicts(e, records);
            if (!conflicts.isEmpty()) {
                throw new IllegalStateException("soundness conflict (an analysis accepts a set with a deadline miss):\n  "
                        + String.join("\n  ", conflicts));
            }
            long[][][] counts = Runner.tally(e, records);
            String text = Csv.render(Csv.header(e), s.whole() ? Optional.empty() : Optional.of(s), records.size(),
                    Csv.rows(e, counts));
            Path csv = out.resolve(s.whole() ? e.name() + ".csv"
                    : e.name() + ".shard-" + s.index() + "-of-" + s.count() + ".csv");
            Files.writeString(csv, text, StandardCharsets.UTF_8);
            w.println("wrote " + csv);
            if (sets) {
                Path setsFile = out.resolve(csv.getFileName().toString().replaceAll("\\.csv$", ".sets.csv"));
                Files.writeString(setsFile, Csv.sets(e, records), StandardCharsets.UTF_8);
                w.println("wrote " + setsFile);
            }
            if (s.whole()) {
                for (Path p : Plotter.plot(csv, out, e.name())) {
                    w.println("wrote " + p);
                }
            }
            w.printf("%s: %d sets in %.1f s%n", label, records.size(), (System.nanoTime() - started) / 1e9);
            return OK;
        }
    }

    @Command(name = "study", mixinStandardHelpOptions = true,
            description = {"Runs the tightness study (every registered test and priority assignment against the "
                + "exhaustive explorer) on a study file's sets.",
                "Writes DIR/NAME-acceptance.csv and DIR/NAME-pessimism.csv, each with its PNG and SVG."})
    static final class Study implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "STUDY.json", description = "The study definition (the experiment-file format).")
        Path file;

        @Option(names = "--out", paramLabel = "DIR", defaultValue = ".", description = "Output directory (default: .).")
        Path out;

        @Option(names = "--smoke", description = "Use the file's smoke size (as the tests do).")
        boolean smoke;

        @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
                description = "Worker threads (default 1); results do not depend on it.")
        int threads;

        @Option(names = "--plot-only", description = "Only redraw the figures from DIR's two CSVs.")
        boolean plotOnly;

        @Override
        public Integer call() throws IOException {
            if (threads < 1 || threads > 256) {
                throw new UsageException("--threads must be in 1..256, got " + threads);
            }
            if (!Files.isRegularFile(file)) {
                throw new UsageException("no study file " + file);
            }
            Experiment e = Experiment.load(file);
            if (smoke) {
                e = e.smokeSize();
            }
            Files.createDirectories(out);
            long started = System.nanoTime();
            PrintWriter w = spec.commandLine().getOut();
            Path acceptance = out.resolve(e.name() + "-acceptance.csv");
            Path pessimism = out.resolve(e.name() + "-pessimism.csv");
            int sets = 0;
            if (!plotOnly) {
                TightnessStudy study = new TightnessStudy(e);
                List<TightnessStudy.SetRecord> records = study.run(threads, () -> { });
                sets = records.size();
                Files.writeString(acceptance, TightnessCsv.acceptance(e, study.variants(), records),
                        StandardCharsets.UTF_8);
                Files.writeString(pessimism, TightnessCsv.pessimism(e, study.variants(), records),
                        StandardCharsets.UTF_8);
                w.println("wrote " + acceptance);
                w.println("wrote " + pessimism);
            } else if (!Files.isRegularFile(acceptance) || !Files.isRegularFile(pessimism)) {
                throw new UsageException("--plot-only needs " + acceptance + " and " + pessimism);
            }
            for (Path p : TightnessPlotter.acceptance(acceptance, out, e.name() + "-acceptance")) {
                w.println("wrote " + p);
            }
            for (Path p : TightnessPlotter.pessimism(pessimism, out, e.name() + "-pessimism")) {
                w.println("wrote " + p);
            }
            w.printf("%s: %d sets in %.1f s%n", e.name(), sets, (System.nanoTime() - started) / 1e9);
            return OK;
        }
    }

    @Command(name = "merge", mixinStandardHelpOptions = true,
            description = {"Merges the shard files of one experiment into the CSV a single run writes.",
                "Checks that they are of the same experiment and definition, complete and disjoint."})
    static final class Merge implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "SHARD.csv", arity = "1..*", description = "The shard files, in any order.")
        List<Path> shards;

        @Option(names = "--out", paramLabel = "FILE.csv", required = true, description = "The merged CSV.")
        Path out;

        @Override
        public Integer call() throws IOException {
            String merged;
            try {
                merged = Csv.merge(shards);
            } catch (IllegalArgumentException | UncheckedIOException e) {
                throw new InputException(e.getMessage());
            }
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(out, merged, StandardCharsets.UTF_8);
            spec.commandLine().getOut().println("wrote " + out + " from " + shards.size() + " shards");
            return OK;
        }
    }

    @Command(name = "plot", mixinStandardHelpOptions = true,
            description = {"Plots a CSV written by run or merge as DIR/NAME.png (1600 px wide) and DIR/NAME.svg, "
                + "with 95%% Wilson intervals."})
    static final class Plot implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "CSV", description = "A CSV written by run or merge.")
        Path csv;

        @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: the CSV's).")
        Path out;

        @Override
        public Integer call() throws IOException {
            Path dir = out != null ? out : Optional.ofNullable(csv.toAbsolutePath().getParent()).orElse(Path.of("."));
            Files.createDirectories(dir);
            String name = csv.getFileName().toString();
            String stem = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
            List<Path> written;
            try {
                written = Plotter.plot(csv, dir, stem);
            } catch (IllegalArgumentException | UncheckedIOException e) {
                throw new InputException(e.getMessage());
            }
            for (Path p : written) {
                spec.commandLine().getOut().println("wrote " + p);
            }
            return OK;
        }
    }

    @Command(name = "methods", mixinStandardHelpOptions = true, description = "Lists the registered method ids.")
    static final class ListMethods implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            for (String id : Methods.ids()) {
                spec.commandLine().getOut().println(id);
            }
            return OK;
        }
    }
}
