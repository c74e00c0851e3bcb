package io.gangproof.symbolic.cert;

/**
 * Whether a stored state violates a claimed property (semantics §7, docs/symbolic.md §7):
 * {@code deadlines} and {@code response} at every instant time may reach from a settled state
 * (a job unfinished after its deadline or after {@code R} ticks), {@code overtakes} by the
 * state's counter. {@code deadlock-free} is checked on the dispatches ({@link Dispatch}).
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
                if (!s.settled() || (p.check() != ZoneGraphFile.Check.DEADLINES
                        && p.check() != ZoneGraphFile.Check.RESPONSE)) {
                    continue;
                }
                if (delayed == null) {
                    delayed = step.delayed(s);
                }
                long limit = p.check() == ZoneGraphFile.Check.DEADLINES ? m.deadline[j.task()] : p.bound();
                long age = delayed.empty() ? -1 : delayed.max(m.age(q));
                if (age == Zone.NONE || age > limit) {
                    return p.text() + ": a job of task " + j.task() + " can be unfinished " + (age == Zone.NONE
                            ? "arbitrarily long" : age + " ticks") + " after its arrival";
                }
            }
        }
        return null;
    }

    /** The claimed {@code deadlock-free} property, or null. */
    static String deadlockClaimed(ZoneGraphFile f) {
        return f.props().stream().filter(p -> p.proved() && p.check() == ZoneGraphFile.Check.DEADLOCK)
                .map(ZoneGraphFile.Prop::text).findFirst().orElse(null);
    }
}
