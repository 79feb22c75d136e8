package dev.lakesentry.reliability;

import dev.lakesentry.store.jdbc.JdbcStore;
import dev.lakesentry.store.jdbc.JdbcStoreConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Where a runner keeps its data: the embedded H2 store in a directory, or a fresh PostgreSQL schema. */
final class Stores {
    static final String PG_URL = System.getProperty("lakesentry.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String PG_USER = System.getProperty("lakesentry.pg.user", "postgres");
    static final String PG_PASSWORD = System.getProperty("lakesentry.pg.password", "");

    private Stores() {
    }

    /** The embedded store in {@code dir}. */
    static Target embedded(Path dir) {
        return new Target("embedded", dir, null);
    }

    /** A fresh PostgreSQL schema (created now); the runner's own files go to {@code dataDir}. */
    static Target postgres(Path dataDir) {
        String schema = "ls_rel_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE SCHEMA " + schema);
        return new Target("postgres", dataDir, schema);
    }

    static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD.isEmpty() ? null : PG_PASSWORD);
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run '" + sql + "' on " + PG_URL + ": " + e.getMessage(), e);
        }
    }

    /**
     * One store as the runner sees it (global options) and as the test opens it (a {@link JdbcStore}).
     *
     * @param kind    {@code embedded} or {@code postgres}
     * @param dataDir the runner's data directory
     * @param schema  the PostgreSQL schema, or null for the embedded store
     */
    record Target(String kind, Path dataDir, String schema) {
        /** The application name the runner's connections show in {@code pg_stat_activity}. */
        String applicationName() {
            return "lakesentry-" + schema;
        }

        /** The runner's global options for this store. */
        List<String> globals() {
            List<String> g = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
            if (schema != null) {
                String sep = PG_URL.contains("?") ? "&" : "?";
                g.addAll(List.of("--jdbc-url", PG_URL + sep + "currentSchema=" + schema + "&ApplicationName=" + applicationName(),
                        "--jdbc-user", PG_USER));
                if (!PG_PASSWORD.isEmpty()) {
                    g.addAll(List.of("--jdbc-password-env", RunnerProcess.PASSWORD_ENV));
                }
            }
            return g;
        }

        /** Global options plus a command. */
        List<String> args(String... command) {
            List<String> a = new ArrayList<>(globals());
            a.add("--verbose");
            a.addAll(List.of(command));
            return a;
        }

        /** Global options plus a command, without {@code --verbose}: errors are one line on stderr. */
        List<String> quiet(String... command) {
            List<String> a = new ArrayList<>(globals());
            a.addAll(List.of(command));
            return a;
        }

        /** Opens the store in this JVM (only when no runner process has the embedded store open). */
        JdbcStore open() {
            if (schema == null) {
                return JdbcStore.embedded(dataDir);
            }
            return JdbcStore.connect(JdbcStoreConfig.builder(PG_URL).user(PG_USER)
                    .password(PG_PASSWORD.isEmpty() ? null : PG_PASSWORD).schema(schema).poolSize(2).build());
        }

        void drop() {
            if (schema != null) {
                execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }
}
