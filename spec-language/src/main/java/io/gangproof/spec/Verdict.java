package io.gangproof.spec;

/** The four verdicts of semantics §8; every engine answers with one of them. */
public enum Verdict {
    /** Holds for all behaviours, for unbounded time; the analysis witness was checked independently. */
    PROVED("PROVED"),
    /** A concrete behaviour breaks it; a replayable trace comes with it. */
    VIOLATED("VIOLATED"),
    /** Exhaustive search up to a horizon found no violation. */
    HOLDS_UP_TO("HOLDS-UP-TO"),
    /** None of the above; the reason says why. */
    UNKNOWN("UNKNOWN");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
