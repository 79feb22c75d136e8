package dev.lakesentry.api.ledger;

import dev.lakesentry.api.internal.Checks;
import java.time.LocalDate;

/**
 * How many requests a serving endpoint answered on a day, and how many tokens.
 *
 * @since 0.1.0
 */
public record ServingDailyRequests(String accountId, String workspaceId, String endpointId, LocalDate day,
                                   long requests, long inputTokens, long outputTokens) {
    public ServingDailyRequests {
        Checks.notBlank(accountId, "ServingDailyRequests", "accountId");
        Checks.notBlank(workspaceId, "ServingDailyRequests", "workspaceId");
        Checks.notBlank(endpointId, "ServingDailyRequests", "endpointId");
        Checks.notNull(day, "ServingDailyRequests", "day");
        Checks.notNegative(requests, "ServingDailyRequests", "requests");
        Checks.notNegative(inputTokens, "ServingDailyRequests", "inputTokens");
        Checks.notNegative(outputTokens, "ServingDailyRequests", "outputTokens");
    }
}
