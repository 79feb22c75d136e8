/**
 * Collector tokens: their salted hashes, written by the host (issuing and revoking), read by ingestion.
 */
package dev.lakesentry.store.jdbc.auth;
