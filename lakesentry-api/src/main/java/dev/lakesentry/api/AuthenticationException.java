package dev.lakesentry.api;

/**
 * A collector token was unknown, revoked, or issued for another account. The message never contains
 * the token itself.
 *
 * @since 0.1.0
 */
public class AuthenticationException extends LakeSentryException {
    private static final long serialVersionUID = 1L;

    public AuthenticationException(String message) {
        super(message);
    }
}
