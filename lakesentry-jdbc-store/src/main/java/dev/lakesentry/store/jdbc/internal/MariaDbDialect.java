package dev.lakesentry.store.jdbc.internal;

import com.zaxxer.hikari.HikariConfig;
import dev.lakesentry.api.stage.StageName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Not API. MariaDB (and MySQL URLs through the MariaDB driver): instants are {@code DATETIME(6)} holding UTC
 * wall time, bound as {@code LocalDateTime} so neither the JVM's nor the session's zone shifts them; raw
 * appends are a JDBC batch (the driver's bulk protocol); stage locks are {@code GET_LOCK}, which the server releases when the
 * session ends.
 */
public final class MariaDbDialect extends Dialect {

    @Override
    public String id() {
        return "mariadb";
    }

    @Override
    public boolean accepts(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:mariadb:") || jdbcUrl.startsWith("jdbc:mysql:");
    }

    @Override
    public Map<String, String> placeholders() {
        return Map.of("timestamp", "DATETIME(6)",
                "decimal", "DECIMAL(38,18)",
                "text", "MEDIUMTEXT",
                "json", "LONGTEXT",
                "identity", "BIGINT NOT NULL AUTO_INCREMENT");
    }

    @Override
    public void useSchema(HikariConfig config, String schema) {
        config.setCatalog(schema);
    }

    @Override
    public void configure(HikariConfig config) {
        String url = config.getJdbcUrl();
        if (url.startsWith("jdbc:mysql:") && !url.contains("permitMysqlScheme")) {
            config.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "permitMysqlScheme");
        }
    }

    @Override
    public void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.TIMESTAMP);
        } else {
            ps.setObject(index, LocalDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }

    @Override
    public Instant getInstant(ResultSet rs, String column) throws SQLException {
        LocalDateTime t = rs.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    @Override
    public boolean isUniqueViolation(SQLException e) {
        return e.getErrorCode() == 1062 || "23505".equals(e.getSQLState());
    }

    @Override
    public String namespace(Connection connection) throws SQLException {
        String catalog = connection.getCatalog();
        return catalog == null ? "" : catalog;
    }

    @Override
    public boolean tryLock(Connection connection, String namespace, String accountId, StageName stage)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT GET_LOCK(?, 0)")) {
            ps.setString(1, lockName(namespace, accountId, stage));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        }
    }

    @Override
    public void unlock(Connection connection, String namespace, String accountId, StageName stage) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            ps.setString(1, lockName(namespace, accountId, stage));
            ps.execute();
        }
    }

    /** The server-wide lock name used for an account and stage. */
    public static String serverLockName(String namespace, String accountId, StageName stage) {
        return lockName(namespace, accountId, stage);
    }
}
