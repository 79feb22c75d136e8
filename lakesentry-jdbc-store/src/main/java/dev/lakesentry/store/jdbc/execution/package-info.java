/**
 * The execution stage's store side: the append-only action log; its SQL, in {@code .sql} files beside this
 * package, writes only {@code action_} tables and never updates or deletes.
 */
package dev.lakesentry.store.jdbc.execution;
