package io.gangproof.symbolic.cert;

/**
 * Whether a stored state violates a claimed property (semantics §7, docs/symbolic.md §7):
 * {@code deadlines} and {@code response} at every instant time may reach from a settled state
 * (a job unfinished after its deadline or after {@code R} ticks), {@code overtakes} by the
 * state's counter, {@code inversion} by the phase clock of a job suffering it. {@code deadlock-free},
 * and that no inversion needs a stopwatch, are checked on the dispatches ({@link Dispatch}).
 */
final class Violations {
    private Violations() {
    }

    /** The property violated, or null. */
    static String of(ZoneGraphFile f, CheckedModel m, OneStep step, ZoneGraphFile.State s) {
        Zone delayed = null;
        for (ZoneGraphFile.Prop p : f.props()) {
            if (!p.proved()) {
                continue;
            }
            for (int q = 0; q < s.jobs().size(); q++) {
                ZoneGraphFile.Job j = s.jobs().get(q);
                if (p.task() >= 0 && j.task() != p.task()) {
                    continue;
                }
                if (p.check() == ZoneGraphFile.Check.OVERTAKES && j.overtakes() > p.bound()) {
                    return p.text() + ": a job of task " + j.task() + " has been overtaken " + j.overtakes() + " times";
                }
                boolean inversion = p.check() == ZoneGraphFile.Check.INVERSION && j.inverting();
                if (!s.settled() || (p.check() != ZoneGraphFile.Check.DEADLINES
                        && p.check() != ZoneGraphFile.Check.RESPONSE && !inversion)) {
                    continue;
                }
                if (delayed == null) {
                    delayed = step.delayed(s);
                }
                long limit = p.check() == ZoneGraphFile.Check.DEADLINES ? m.deadline[j.task()] : p.bound();
                long clock = delayed.empty() ? -1 : delayed.max(inversion ? m.phase(q) : m.age(q));
                if (clock == Zone.NONE || clock > limit) {
                    return p.text() + ": a job of task " + j.task() + " can be " + (inversion ? "inverted" : "unfinished")
                            + " " + (clock == Zone.NONE ? "arbitrarily long" : clock + " ticks")
                            + (inversion ? " since its release" : " after its arrival");
                }
            }
        }
        return null;
    }

    /** A claimed inversion property of one of the {@code tasks} (a bit set), or null. */
    static String stopwatchClaimed(ZoneGraphFile f, long tasks) {
        return f.props().stream().filter(p -> p.proved() && p.check() == ZoneGraphFile.Check.INVERSION
                && (tasks & (1L << p.task())) != 0).map(ZoneGraphFile.Prop::text).findFirst().orElse(null);
    }

    /** The claimed {@code deadlock-free} property, or null. */
    static String deadlockClaimed(ZoneGraphFile f) {
        return f.props().stream().filter(p -> p.proved() && p.check() == ZoneGraphFile.Check.DEADLOCK)
                .map(ZoneGraphFile.Prop::text).findFirst().orElse(null);
    }
}
