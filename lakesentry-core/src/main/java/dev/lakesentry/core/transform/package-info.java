/**
 * The transformation stage: builds the ledger from the raw layer, the only layer it writes, in
 * dependency order, per touched partition, in one transaction under the account's stage lock.
 */
package dev.lakesentry.core.transform;
