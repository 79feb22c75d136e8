/**
 * Not API: the store's shared machinery (dialects, SQL loading, JSON text, bindings, error translation, stage
 * locks); it may change in any release.
 */
package dev.lakesentry.store.jdbc.internal;
