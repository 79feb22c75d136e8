/**
 * Action plans and the action log: what could be done about an insight (the action, target, exact
 * change, pre-image, saving, risk tier, reversibility), its derived status, and the append-only audit
 * entries of every execution attempt.
 *
 * @since 0.1.0
 */
package dev.lakesentry.api.plan;
