package io.gangproof.spec.parse;

import io.gangproof.spec.SystemSpec;
import java.util.List;

/** The outcome of loading a spec: a valid {@link SystemSpec} (perhaps with warnings), or the errors. */
public sealed interface LoadResult {
    List<Diagnostic> diagnostics();

    record Loaded(SystemSpec spec, List<Diagnostic> diagnostics) implements LoadResult {
        public Loaded {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    record Invalid(List<Diagnostic> diagnostics) implements LoadResult {
        public Invalid {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /** The spec, or an exception listing the rendered diagnostics (for tests and programmatic use). */
    default SystemSpec orThrow() {
        if (this instanceof Loaded l) {
            return l.spec();
        }
        StringBuilder all = new StringBuilder("invalid spec:\n");
        all.append(DiagnosticReport.render(diagnostics()));
        throw new IllegalArgumentException(all.toString());
    }
}
