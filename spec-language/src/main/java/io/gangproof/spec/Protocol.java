package io.gangproof.spec;

/** How a job acquires its TPUs (semantics §6). */
public enum Protocol {
    GANG_GREEDY("gang-greedy"),
    GANG_STRICT("gang-strict"),
    PER_TPU_LISTED("per-tpu-listed"),
    PER_TPU_ASCENDING("per-tpu-ascending");

    private final String keyword;

    Protocol(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }

    /** One lock per TPU, taken one at a time. */
    public boolean perTpu() {
        return this == PER_TPU_LISTED || this == PER_TPU_ASCENDING;
    }
}
