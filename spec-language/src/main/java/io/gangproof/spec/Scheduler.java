package io.gangproof.spec;

/** A placement, a policy and a locking protocol (semantics §6). */
public record Scheduler(Placement placement, Policy policy, Protocol protocol) {
    public static final Scheduler DEFAULT = new Scheduler(Placement.GLOBAL, Policy.FP, Protocol.GANG_STRICT);

    /** The spec form, e.g. {@code global fp with gang-strict}. */
    public String describe() {
        return placement.keyword() + " " + policy.keyword() + " with " + protocol.keyword();
    }
}
