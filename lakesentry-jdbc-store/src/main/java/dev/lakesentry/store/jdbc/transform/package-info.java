/**
 * The transformation stage's store side: the ledger's writers and readers; its SQL, in {@code .sql} files
 * beside this package, writes only {@code ledger_} tables.
 */
package dev.lakesentry.store.jdbc.transform;
