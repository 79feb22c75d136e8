package dev.lakesentry.api.store;

import dev.lakesentry.api.plan.ActionPlan;
import java.util.List;

/**
 * Writes action plans; a plan with an id already stored replaces it.
 *
 * @since 0.1.0
 */
public interface PlanWriter extends Transactional<PlanWriter> {

    void upsert(List<ActionPlan> plans);

    /** Removes every plan of the account, for a full rebuild. Reviews and the action log are kept. */
    void truncate(String accountId);
}
