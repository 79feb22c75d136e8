/**
 * The store over JDBC: Jdbi DAOs, the HikariCP pool, migrations, dialects and each stage's set-based SQL. Content arrives with the JDBC store issue.
 */
package dev.lakesentry.store.jdbc;
