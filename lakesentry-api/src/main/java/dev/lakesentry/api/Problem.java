package dev.lakesentry.api;

import java.util.Objects;

/**
 * One thing wrong with an input: where it is, which field, the offending value and what is wrong.
 *
 * @param location where the problem is, for example {@code extraction 'e-1' record 17}; never blank
 * @param field    the field or column at fault, or {@code null} when the problem is not about one field
 * @param value    the offending value as text (already shortened or masked by the producer), or {@code null}
 * @param message  what is wrong and, where possible, what to do
 * @since 0.1.0
 */
public record Problem(String location, String field, String value, String message) {

    /** Longest value kept in a problem; longer values are cut so an error never echoes a huge input. */
    public static final int MAX_VALUE_LENGTH = 120;

    public Problem {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
        if (location.isBlank()) {
            throw new IllegalArgumentException("Problem location must not be blank");
        }
        if (value != null && value.length() > MAX_VALUE_LENGTH) {
            value = value.substring(0, MAX_VALUE_LENGTH) + "…(" + value.length() + " chars)";
        }
    }

    /** A one-line description: {@code location, field 'f', value 'v': message}. */
    public String describe() {
        StringBuilder sb = new StringBuilder(location);
        if (field != null) {
            sb.append(", field '").append(field).append('\'');
        }
        if (value != null) {
            sb.append(", value '").append(value).append('\'');
        }
        return sb.append(": ").append(message).toString();
    }
}
