package dev.lakesentry.api.store;

import dev.lakesentry.api.plan.ActionPlan;
import java.util.List;
import java.util.Optional;

/**
 * Reads action plans, scoped to one account.
 *
 * @since 0.1.0
 */
public interface PlanReader {

    Optional<ActionPlan> plan(String accountId, String planId);

    /** The account's plans, by id. */
    List<ActionPlan> plans(String accountId);
}
