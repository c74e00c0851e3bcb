package io.gangproof.cli;

import io.gangproof.check.OutputFiles;
import io.gangproof.spec.format.SpecFormatter;
import io.gangproof.spec.parse.DiagnosticReport;
import io.gangproof.spec.parse.InputFiles;
import io.gangproof.spec.parse.Printable;
import io.gangproof.spec.parse.SourceFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gangproof fmt}: the canonical form of specs. */
@Command(name = "fmt", mixinStandardHelpOptions = true,
        description = {"Print the canonical form of each spec.",
            "Comments are kept and literals stay as written.",
            "Only the syntax must be valid; formatting never changes a spec's meaning."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done (with --check: every file is formatted)",
            "1:with --check: some file is not formatted",
            "64:bad command line",
            "65:a file has syntax errors or cannot be read (it is left unchanged)"})
final class FmtCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Parameters(arity = "1..*", paramLabel = "SPEC", description = "Spec files (.gang).")
    List<Path> files;

    static final class Mode {
        @Option(names = "--check", description = "Print nothing but the files that are not formatted; exit 1 "
                + "if there are any.")
        boolean check;

        @Option(names = "--write", description = "Rewrite files that are not formatted, in place.")
        boolean write;
    }

    @ArgGroup(exclusive = true)
    Mode mode = new Mode();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        boolean invalid = false;
        boolean unformatted = false;
        for (Path file : files) {
            String text;
            try {
                text = InputFiles.read(file);
            } catch (InputFiles.Unreadable e) {
                err.println(Printable.escape(file.toString()) + ": error: " + e.getMessage());
                invalid = true;
                continue;
            }
            Path dir = Optional.ofNullable(file.toAbsolutePath().getParent()).orElse(Path.of("."));
            SpecFormatter.Result r = SpecFormatter.format(new SourceFile(file.toString(), Optional.of(file), dir,
                    text));
            if (r instanceof SpecFormatter.Result.Invalid bad) {
                err.print(DiagnosticReport.render(bad.diagnostics()));
                invalid = true;
                continue;
            }
            String formatted = ((SpecFormatter.Result.Formatted) r).text();
            boolean same = formatted.equals(text);
            if (mode.check) {
                if (!same) {
                    out.println("not formatted: " + file);
                    unformatted = true;
                }
            } else if (mode.write) {
                if (!same) {
                    OutputFiles.write(file, formatted);
                    out.println("formatted " + file);
                }
            } else {
                out.print(formatted);
            }
        }
        out.flush();
        err.flush();
        if (invalid) {
            return ExitCodes.INVALID_SPEC;
        }
        return unformatted ? 1 : ExitCodes.OK;
    }
}
