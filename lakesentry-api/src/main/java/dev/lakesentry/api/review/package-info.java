/**
 * Review events: the append-only decisions people (or host policies) make about insights and plans.
 * Statuses are derived from these, so rebuilding an analysis layer loses no decision.
 *
 * @since 0.1.0
 */
package dev.lakesentry.api.review;
