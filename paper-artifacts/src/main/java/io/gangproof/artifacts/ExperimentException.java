package io.gangproof.artifacts;

/** An experiment file that cannot be used; {@link #field()} names the offending field (exit code 65). */
public final class ExperimentException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public ExperimentException(String field, String message) {
        super("field '" + field + "': " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
