package io.gangproof.spec;

/** Where jobs may run (semantics §6). */
public enum Placement {
    GLOBAL("global"), PARTITIONED("partitioned"), PINNED("pinned");

    private final String keyword;

    Placement(String keyword) {
        this.keyword = keyword;
    }

    /** The word used in specs. */
    public String keyword() {
        return keyword;
    }
}
