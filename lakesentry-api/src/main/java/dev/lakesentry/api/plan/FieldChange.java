package dev.lakesentry.api.plan;

import dev.lakesentry.api.internal.Checks;

/**
 * One field an action changes, with the value it replaces (the pre-image) and the new value, both as
 * the API's text form ({@code null} for "not set").
 *
 * @param field  the API field, e.g. {@code autotermination_minutes} or {@code state}
 * @param before the current value the plan was made against
 * @param after  the value to set
 * @since 0.1.0
 */
public record FieldChange(String field, String before, String after) {
    public FieldChange {
        Checks.notBlank(field, "FieldChange", "field");
    }

    /** The reverse change, which restores the pre-image. */
    public FieldChange inverse() {
        return new FieldChange(field, after, before);
    }
}
