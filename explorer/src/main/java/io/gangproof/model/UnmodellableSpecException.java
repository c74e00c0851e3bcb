package io.gangproof.model;

/** The spec cannot be turned into a finite model (choices left to synthesis, numbers too large); ends in UNKNOWN. */
public final class UnmodellableSpecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnmodellableSpecException(String message) {
        super(message);
    }
}
