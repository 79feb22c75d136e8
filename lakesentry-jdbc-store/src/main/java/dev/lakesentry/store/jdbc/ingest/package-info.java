/**
 * The ingestion stage's store side: the raw layer's bulk append, the extraction registry, refused pushes and
 * their readers; its SQL, in {@code .sql} files beside this package, writes only {@code raw_} tables.
 */
package dev.lakesentry.store.jdbc.ingest;
