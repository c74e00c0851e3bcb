package io.gangproof.cli;

import io.gangproof.check.SpecReport;
import io.gangproof.spec.Verdict;
import java.util.List;

/** The exit codes of semantics §12, which scripts and CI rely on. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int VIOLATED = 1;
    public static final int UNKNOWN = 2;
    /** {@code check --compare}: a verdict weaker or a bound larger than in the snapshot. */
    public static final int REGRESSION = 3;
    public static final int USAGE = 64;
    public static final int INVALID_SPEC = 65;
    public static final int INTERNAL = 70;
    /** The JVM ran out of memory (sysexits' EX_OSERR): not a verdict, not a bug of the spec. */
    public static final int OUT_OF_MEMORY = 71;
    /** An output file or folder cannot be written (sysexits' EX_CANTCREAT). */
    public static final int CANNOT_WRITE = 73;

    private ExitCodes() {
    }

    /** 1 if any property is violated, else 2 if any is unknown, else 0. */
    public static int of(List<SpecReport> reports) {
        boolean violated = reports.stream().anyMatch(r -> r.count(Verdict.VIOLATED) > 0);
        boolean unknown = reports.stream().anyMatch(r -> r.count(Verdict.UNKNOWN) > 0);
        return violated ? VIOLATED : unknown ? UNKNOWN : OK;
    }
}
