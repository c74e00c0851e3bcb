package io.gangproof.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code gangproof} command: proofs or counterexamples for DNN workloads on several Edge TPUs. */
@Command(name = "gangproof", mixinStandardHelpOptions = true, versionProvider = GangproofCli.Version.class,
        description = {"Proves timing guarantees of DNN workloads gang-scheduled on several Edge TPUs, "
            + "or finds a concrete schedule that breaks them."},
        subcommands = {CheckCommand.class, AnalyzeCommand.class, SimulateCommand.class, ReplayCommand.class,
            ModelCommand.class, SmtCommand.class, FmtCommand.class, CertifyCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every property PROVED or HOLDS-UP-TO",
            "1:some property VIOLATED",
            "2:some property UNKNOWN, none violated",
            "64:bad command line",
            "65:invalid spec (diagnostics printed)",
            "70:internal error",
            "71:out of memory (raise -Xmx or lower the spec's limits)",
            "73:an output file cannot be written"},
        footer = {"", "Docs: README.md, docs/spec-language.md, docs/semantics.md"})
public final class GangproofCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print the stack trace of internal errors.")
    boolean debug;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is missing");
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line and returns its exit code; used by {@link #main} and by tests. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        GangproofCli root = new GangproofCli();
        CommandLine cmd = new CommandLine(root);
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        // the engine list lives in StandardEngines, so the help is built from it rather than written twice
        cmd.getSubcommands().get("check").getCommandSpec().usageMessage().footer(Engines.help());
        cmd.setExitCodeExceptionMapper(e -> ExitCodes.INTERNAL);
        cmd.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("gangproof: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, c.getErr());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            c.getErr().flush();
            return ExitCodes.USAGE;
        });
        cmd.setExecutionExceptionHandler((ex, c, parsed) -> LastResort.report(ex, c.getErr(), root.debug));
        int code;
        try {
            code = cmd.execute(args);
        } catch (Throwable t) {
            // picocli hands only Exceptions to the handler above: Errors (out of memory, stack overflow) land here.
            code = LastResort.report(t, err, root.debug);
        }
        out.flush();
        err.flush();
        return code;
    }

    /** The version from the jar manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"gangproof " + version()};
        }
    }

    static String version() {
        String v = GangproofCli.class.getPackage().getImplementationVersion();
        return v != null ? v : "development";
    }
}
