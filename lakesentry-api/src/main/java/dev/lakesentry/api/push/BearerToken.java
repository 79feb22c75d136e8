package dev.lakesentry.api.push;

import dev.lakesentry.api.internal.Checks;

/**
 * A collector's secret token. {@link #toString()} never shows it, so a token logged by accident shows
 * only its mask; call {@link #reveal()} where the secret is really needed.
 *
 * @param value the secret
 * @since 0.1.0
 */
public record BearerToken(String value) {
    public BearerToken {
        Checks.notBlank(value, "BearerToken", "value");
    }

    /** The secret itself. Never log or echo it. */
    public String reveal() {
        return value;
    }

    /** A token parsed from an {@code Authorization} header value, {@code Bearer <token>}. */
    public static java.util.Optional<BearerToken> fromAuthorizationHeader(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.substring(7).isBlank()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new BearerToken(header.substring(7).trim()));
    }

    @Override
    public String toString() {
        return "BearerToken[****]";
    }
}
