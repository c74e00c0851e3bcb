package io.gangproof.spec;

/** The pending order of waiting jobs (semantics §6); ties: arrival time, then task name. */
public enum Policy {
    FP("fp"), EDF("edf"), FIFO("fifo");

    private final String keyword;

    Policy(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }
}
