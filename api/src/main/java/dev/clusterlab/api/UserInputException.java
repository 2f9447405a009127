package dev.clusterlab.api;

/**
 * A mistake in what the user supplied (data, parameters, files), as opposed to a bug. The host prints
 * its message without a stack trace and exits with code 2. Messages say where, what was expected and
 * what was found.
 *
 * @since 0.1
 */
public class UserInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message where, what was expected and what was found
     * @since 0.1
     */
    public UserInputException(String message) {
        super(message);
    }

    /**
     * @param message where, what was expected and what was found
     * @param cause the underlying error, kept for debugging
     * @since 0.1
     */
    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
