package dev.lakesentry.store.jdbc;

import dev.lakesentry.api.ConfigurationException;
import dev.lakesentry.store.jdbc.internal.Urls;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How to reach the database of a {@link JdbcStore}: the JDBC URL (which picks the dialect), credentials,
 * pool size, an optional schema (a PostgreSQL or H2 schema, a MariaDB database) that the store creates if
 * missing and works in, and the connection timeout. {@link #toString()} never shows the password.
 *
 * @since 0.1.0
 */
public final class JdbcStoreConfig {
    private final String url;
    private final String user;
    private final String password;
    private final int poolSize;
    private final String schema;
    private final Duration connectionTimeout;

    private JdbcStoreConfig(Builder b) {
        this.url = b.url;
        this.user = b.user;
        this.password = b.password;
        this.poolSize = b.poolSize;
        this.schema = b.schema;
        this.connectionTimeout = b.connectionTimeout;
    }

    /** A builder for the given JDBC URL, e.g. {@code jdbc:postgresql://db:5432/lakesentry}. */
    public static Builder builder(String url) {
        return new Builder(url);
    }

    public String url() {
        return url;
    }

    /** The URL with any password in it masked, for messages and logs. */
    public String maskedUrl() {
        return Urls.mask(url);
    }

    public String user() {
        return user;
    }

    /** The password, or null. Never log it. */
    public String password() {
        return password;
    }

    public int poolSize() {
        return poolSize;
    }

    /** The schema (database, on MariaDB) the store works in, or null for the connection's default. */
    public String schema() {
        return schema;
    }

    public Duration connectionTimeout() {
        return connectionTimeout;
    }

    @Override
    public String toString() {
        return "JdbcStoreConfig[url=" + maskedUrl() + ", user=" + user + ", password=" + (password == null ? "none" : "****")
                + ", poolSize=" + poolSize + ", schema=" + schema + ", connectionTimeout=" + connectionTimeout + "]";
    }

    /** Builds a {@link JdbcStoreConfig}; {@link #build()} reports every invalid setting at once. */
    public static final class Builder {
        private final String url;
        private String user;
        private String password;
        private int poolSize = 10;
        private String schema;
        private Duration connectionTimeout = Duration.ofSeconds(10);

        private Builder(String url) {
            this.url = url;
        }

        public Builder user(String user) {
            this.user = user;
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /** Connections in the pool (default 10); each held stage lock keeps one. */
        public Builder poolSize(int poolSize) {
            this.poolSize = poolSize;
            return this;
        }

        public Builder schema(String schema) {
            this.schema = schema;
            return this;
        }

        public Builder connectionTimeout(Duration connectionTimeout) {
            this.connectionTimeout = connectionTimeout;
            return this;
        }

        public JdbcStoreConfig build() {
            List<String> problems = new ArrayList<>();
            if (url == null || !url.startsWith("jdbc:")) {
                problems.add("url must be a JDBC URL starting with 'jdbc:', was '" + Urls.mask(url) + "'");
            }
            if (poolSize < 2) {
                problems.add("poolSize must be at least 2 (one for work, one for a stage lock), was " + poolSize);
            }
            if (schema != null && !schema.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
                problems.add("schema must be a plain identifier (letters, digits, underscore), was '" + schema + "'");
            }
            if (Objects.requireNonNullElse(connectionTimeout, Duration.ZERO).toMillis() < 250) {
                problems.add("connectionTimeout must be at least 250 ms, was " + connectionTimeout);
            }
            if (!problems.isEmpty()) {
                throw new ConfigurationException("Invalid JDBC store configuration: " + String.join("; ", problems));
            }
            return new JdbcStoreConfig(this);
        }
    }
}
