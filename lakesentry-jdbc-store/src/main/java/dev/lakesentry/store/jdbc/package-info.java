/**
 * The LakeSentry store over JDBC: {@link dev.lakesentry.store.jdbc.JdbcStore} on H2 (embedded), PostgreSQL or
 * MariaDB, with its schema applied by versioned migrations at start-up.
 */
package dev.lakesentry.store.jdbc;
