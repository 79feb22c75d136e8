/**
 * The analysis stage's store side: metrics, insights and plans, their writers and readers; its SQL, in
 * {@code .sql} files beside this package, writes only {@code metric_}, {@code insight_} and {@code plan_} tables.
 */
package dev.lakesentry.store.jdbc.analysis;
