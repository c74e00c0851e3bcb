package io.gangproof.scheduler.check;

import java.util.OptionalLong;

/**
 * What semantics §7 measures for one job of a trace. {@code response} is present when the
 * job finished by the horizon. {@code inversion} and {@code overtakes} are accumulated in
 * {@code [release, min(start, horizon))}, so for a job still waiting at the horizon they are
 * lower bounds.
 */
public record JobMeasures(String job, String task, OptionalLong response, long inversion, long overtakes,
        boolean missedDeadline) {
}
