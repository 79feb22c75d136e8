/**
 * Review events' store side: people's append-only decisions on insights and plans; its SQL, in {@code .sql}
 * files beside this package, writes only {@code review_} tables and never updates or deletes.
 */
package dev.lakesentry.store.jdbc.review;
