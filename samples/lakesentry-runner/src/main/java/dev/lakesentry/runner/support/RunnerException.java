package dev.lakesentry.runner.support;

/**
 * A problem the runner reports as one line on stderr: what went wrong, with which value, and what to
 * do about it. The runner exits with a non-zero code.
 */
public final class RunnerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param what  what went wrong, naming the option or input
     * @param value the offending value (shown quoted), or {@code null}
     * @param todo  what to do about it
     */
    public RunnerException(String what, Object value, String todo) {
        super(what + (value == null ? "" : " '" + value + "'") + ": " + todo);
    }

    /** With a cause kept for {@code --verbose}. */
    public RunnerException(String what, Object value, String todo, Throwable cause) {
        super(what + (value == null ? "" : " '" + value + "'") + ": " + todo, cause);
    }
}
