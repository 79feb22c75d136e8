package dev.lakesentry.store.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The database servers the {@code -Pdatabases} profile tests against, from system properties that default to
 * this machine's servers. Each store gets a fresh schema (PostgreSQL) or database (MariaDB) that is dropped
 * after the test, so runs never interfere.
 */
public final class DatabaseServers {
    public static final String PG_URL = System.getProperty("lakesentry.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String PG_USER = System.getProperty("lakesentry.pg.user", "postgres");
    public static final String PG_PASSWORD = System.getProperty("lakesentry.pg.password", "");
    public static final String MARIADB_URL = System.getProperty("lakesentry.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/test");
    public static final String MARIADB_USER = System.getProperty("lakesentry.mariadb.user", "root");
    public static final String MARIADB_PASSWORD = System.getProperty("lakesentry.mariadb.password", "");

    private DatabaseServers() {
    }

    public static String freshName() {
        return "ls_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    public static JdbcStore postgres(String schema) {
        return JdbcStore.connect(JdbcStoreConfig.builder(PG_URL).user(PG_USER).password(emptyToNull(PG_PASSWORD))
                .schema(schema).poolSize(6).build());
    }

    public static void dropPostgresSchema(String schema) {
        execute(PG_URL, PG_USER, PG_PASSWORD, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    public static JdbcStore mariaDb(String database) {
        execute(MARIADB_URL, MARIADB_USER, MARIADB_PASSWORD,
                "CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        return JdbcStore.connect(JdbcStoreConfig.builder(MARIADB_URL).user(MARIADB_USER)
                .password(emptyToNull(MARIADB_PASSWORD)).schema(database).poolSize(6).build());
    }

    public static void dropMariaDbDatabase(String database) {
        execute(MARIADB_URL, MARIADB_USER, MARIADB_PASSWORD, "DROP DATABASE IF EXISTS " + database);
    }

    public static void execute(String url, String user, String password, String sql) {
        try (Connection c = DriverManager.getConnection(url, user, emptyToNull(password)); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run '" + sql + "' on " + url + ": " + e.getMessage(), e);
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
