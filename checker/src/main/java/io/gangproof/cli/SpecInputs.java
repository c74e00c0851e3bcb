package io.gangproof.cli;

import io.gangproof.spec.SystemSpec;
import io.gangproof.spec.parse.Diagnostic;
import io.gangproof.spec.parse.DiagnosticReport;
import io.gangproof.spec.parse.LoadResult;
import io.gangproof.spec.parse.SpecLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/** Loads a spec for a command, printing its diagnostics to the error stream. */
final class SpecInputs {
    private SpecInputs() {
    }

    /** The spec, or empty after printing why it is invalid. Warnings are printed too. */
    static Optional<SystemSpec> load(Path file, PrintWriter err) {
        LoadResult r = SpecLoader.load(file);
        err.print(DiagnosticReport.render(r.diagnostics()));
        long errors = r.diagnostics().stream().filter(Diagnostic::isError).count();
        if (errors > 0) {
            err.println(errors + " error" + (errors == 1 ? "" : "s") + " in " + file);
        }
        err.flush();
        return r instanceof LoadResult.Loaded l ? Optional.of(l.spec()) : Optional.empty();
    }
}
