package dev.lakesentry.api.review;

import dev.lakesentry.api.internal.Checks;

/**
 * Who made a decision: a named person, or a host policy recorded as {@code policy:<id>}.
 *
 * @param name the person's name, or {@code policy:<id>}
 * @since 0.1.0
 */
public record Reviewer(String name) {
    public Reviewer {
        Checks.notBlank(name, "Reviewer", "name");
        if (name.startsWith("policy:") && name.length() == "policy:".length()) {
            throw new IllegalArgumentException("Reviewer.name 'policy:' needs a policy id after the colon");
        }
    }

    /** A host policy as reviewer. */
    public static Reviewer policy(String policyId) {
        return new Reviewer("policy:" + Checks.notBlank(policyId, "Reviewer", "policyId"));
    }

    /** Whether the reviewer is a host policy rather than a person. */
    public boolean isPolicy() {
        return name.startsWith("policy:");
    }
}
