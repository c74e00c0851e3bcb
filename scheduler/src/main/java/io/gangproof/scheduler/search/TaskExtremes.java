package io.gangproof.scheduler.search;

import java.util.OptionalLong;

/**
 * The worst a simulation search saw for one task over all runs. {@code maxResponse} is over
 * jobs that finished by the horizon (empty if none did); {@code unfinished} counts jobs released
 * by the horizon that had not finished at it, whose response is unknown. Inversion and overtakes
 * are per job (semantics §7), maximised over jobs and runs. The run numbers say where each
 * maximum was first seen (run 0 is the synchronous scenario).
 */
public record TaskExtremes(String task, long jobs, OptionalLong maxResponse, int maxResponseRun, long maxInversion,
        int maxInversionRun, long maxOvertakes, int maxOvertakesRun, long deadlineMisses, long unfinished) {
}
