/**
 * What core asks of a store: one reader and one writer per layer, so each stage can be handed exactly
 * its own writer; the builders through which a stage's set-based SQL runs in the store for a
 * partition; the per-account stage locks; and {@link dev.lakesentry.api.store.Store}, which hands them out.
 *
 * @since 0.1.0
 */
package dev.lakesentry.api.store;
