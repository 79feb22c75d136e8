package dev.lakesentry.api.store;

import dev.lakesentry.api.plan.ActionRecord;

/**
 * Appends to the action log. Append-only: there is no update and no delete.
 *
 * @since 0.1.0
 */
public interface ActionWriter extends Transactional<ActionWriter> {

    void append(ActionRecord record);
}
