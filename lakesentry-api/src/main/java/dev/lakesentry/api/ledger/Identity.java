package dev.lakesentry.api.ledger;

import dev.lakesentry.api.internal.Checks;
import java.util.Optional;

/**
 * A user or service principal seen as an owner, run-as or query issuer, with its team from the
 * membership input.
 *
 * @param accountId the account
 * @param principal the principal as Databricks names it (an e-mail, an application id)
 * @param kind      user, service principal or unknown
 * @param team      the team, or {@code null} when no membership matched
 * @since 0.1.0
 */
public record Identity(String accountId, String principal, PrincipalKind kind, String team) {
    public Identity {
        Checks.notBlank(accountId, "Identity", "accountId");
        Checks.notBlank(principal, "Identity", "principal");
        Checks.notNull(kind, "Identity", "kind");
    }

    /** The team, if a membership matched. */
    public Optional<String> teamName() {
        return Optional.ofNullable(team);
    }
}
