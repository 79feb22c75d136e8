package dev.lakesentry.collector.checkpoint;

import dev.lakesentry.api.StoreException;
import dev.lakesentry.api.push.SystemTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A {@link CheckpointStore} in two tables of any JDBC database, with plain JDBC: {@code PREFIXcheckpoint}
 * (one row per connector and table) and {@code PREFIXbatch} (one row per pending batch, the envelope text
 * in a large text column). Times are kept as epoch milliseconds, so every dialect stores them alike.
 * {@link #acknowledge} advances the checkpoint and deletes the batch in one transaction.
 *
 * <p>{@link #create(DataSource)} creates the tables when missing ({@code CREATE TABLE IF NOT EXISTS}, with
 * the large text type of H2, PostgreSQL or MariaDB/MySQL).
 *
 * @since 0.1.0
 */
public final class JdbcCheckpointStore implements CheckpointStore {
    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,30}");

    private final DataSource dataSource;
    private final String checkpointTable;
    private final String batchTable;

    private JdbcCheckpointStore(DataSource dataSource, String prefix) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("Table prefix '" + prefix + "' must be lower-case letters, digits and _");
        }
        this.checkpointTable = prefix + "checkpoint";
        this.batchTable = prefix + "batch";
    }

    /** A store on the tables {@code lakesentry_collector_checkpoint} and {@code lakesentry_collector_batch}, created when missing. */
    public static JdbcCheckpointStore create(DataSource dataSource) {
        return create(dataSource, "lakesentry_collector_");
    }

    /** A store on the tables {@code PREFIXcheckpoint} and {@code PREFIXbatch}, created when missing. */
    public static JdbcCheckpointStore create(DataSource dataSource, String tablePrefix) {
        JdbcCheckpointStore store = new JdbcCheckpointStore(dataSource, tablePrefix);
        store.createTables();
        return store;
    }

    private void createTables() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            String text = product.contains("postgres") ? "TEXT"
                    : product.contains("maria") || product.contains("mysql") ? "LONGTEXT" : "CLOB";
            s.execute("CREATE TABLE IF NOT EXISTS " + checkpointTable + " (connector_id VARCHAR(200) NOT NULL, "
                    + "table_name VARCHAR(100) NOT NULL, watermark_ms BIGINT, extraction_id VARCHAR(200) NOT NULL, "
                    + "updated_ms BIGINT NOT NULL, PRIMARY KEY (connector_id, table_name))");
            s.execute("CREATE TABLE IF NOT EXISTS " + batchTable + " (connector_id VARCHAR(200) NOT NULL, "
                    + "extraction_id VARCHAR(200) NOT NULL, table_name VARCHAR(100) NOT NULL, part INTEGER NOT NULL, "
                    + "checksum VARCHAR(64) NOT NULL, advances_to_ms BIGINT, saved_ms BIGINT NOT NULL, "
                    + "envelope_sha256 VARCHAR(64) NOT NULL, envelope " + text + " NOT NULL, "
                    + "PRIMARY KEY (connector_id, extraction_id))");
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot create the collector's checkpoint tables " + checkpointTable + " and "
                    + batchTable + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Checkpoint> checkpoint(String connectorId, SystemTable table) {
        try (Connection c = dataSource.getConnection()) {
            return read(c, connectorId, table);
        } catch (SQLException e) {
            throw new StoreException("Cannot read the checkpoint of " + connectorId + " / " + table.fullName() + ": "
                    + e.getMessage(), checkpointTable, connectorId, e);
        }
    }

    private Optional<Checkpoint> read(Connection c, String connectorId, SystemTable table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT watermark_ms, extraction_id, updated_ms FROM "
                + checkpointTable + " WHERE connector_id = ? AND table_name = ?")) {
            ps.setString(1, connectorId);
            ps.setString(2, table.fullName());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long w = rs.getLong(1);
                Instant watermark = rs.wasNull() ? null : Instant.ofEpochMilli(w);
                return Optional.of(new Checkpoint(connectorId, table, watermark, rs.getString(2),
                        Instant.ofEpochMilli(rs.getLong(3))));
            }
        }
    }

    @Override
    public void save(SavedBatch batch) {
        inTransaction("save batch " + batch.extractionId(), c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM " + batchTable
                    + " WHERE connector_id = ? AND extraction_id = ?")) {
                del.setString(1, batch.connectorId());
                del.setString(2, batch.extractionId());
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + batchTable + " (connector_id, extraction_id, "
                    + "table_name, part, checksum, advances_to_ms, saved_ms, envelope_sha256, envelope) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, batch.connectorId());
                ps.setString(2, batch.extractionId());
                ps.setString(3, batch.table().fullName());
                ps.setInt(4, batch.part());
                ps.setString(5, batch.checksum());
                setMillis(ps, 6, batch.advancesTo());
                ps.setLong(7, batch.savedAt().toEpochMilli());
                ps.setString(8, batch.bytesSha256());
                ps.setString(9, batch.json());
                ps.executeUpdate();
            }
        });
    }

    @Override
    public List<SavedBatch> pending(String connectorId) {
        List<SavedBatch> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT extraction_id, table_name, part, checksum, advances_to_ms, "
                     + "saved_ms, envelope_sha256, envelope FROM " + batchTable + " WHERE connector_id = ?")) {
            ps.setString(1, connectorId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    SystemTable table = SystemTable.byFullName(rs.getString(2)).orElseThrow(() ->
                            new StoreException("Saved batch " + id + " names an unknown table", batchTable, id, null));
                    long adv = rs.getLong(5);
                    Instant advancesTo = rs.wasNull() ? null : Instant.ofEpochMilli(adv);
                    SavedBatch batch = new SavedBatch(connectorId, table, id, rs.getInt(3), rs.getString(4),
                            rs.getString(8), advancesTo, Instant.ofEpochMilli(rs.getLong(6)));
                    if (!batch.bytesSha256().equals(rs.getString(7))) {
                        throw new StoreException("Saved batch " + id + " is damaged: its envelope no longer matches its "
                                + "SHA-256; delete its row to let the collector continue", batchTable, id, null);
                    }
                    out.add(batch);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read the saved batches of " + connectorId + ": " + e.getMessage(),
                    batchTable, connectorId, e);
        }
        out.sort(SavedBatch.ORDER);
        return out;
    }

    @Override
    public void acknowledge(SavedBatch batch, Instant at) {
        inTransaction("acknowledge batch " + batch.extractionId(), c -> {
            Checkpoint next = Checkpoint.advance(read(c, batch.connectorId(), batch.table()).orElse(null), batch, at);
            int updated;
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + checkpointTable + " SET watermark_ms = ?, "
                    + "extraction_id = ?, updated_ms = ? WHERE connector_id = ? AND table_name = ?")) {
                setMillis(ps, 1, next.watermark());
                ps.setString(2, next.extractionId());
                ps.setLong(3, next.updatedAt().toEpochMilli());
                ps.setString(4, next.connectorId());
                ps.setString(5, next.table().fullName());
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + checkpointTable
                        + " (connector_id, table_name, watermark_ms, extraction_id, updated_ms) VALUES (?, ?, ?, ?, ?)")) {
                    ps.setString(1, next.connectorId());
                    ps.setString(2, next.table().fullName());
                    setMillis(ps, 3, next.watermark());
                    ps.setString(4, next.extractionId());
                    ps.setLong(5, next.updatedAt().toEpochMilli());
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement del = c.prepareStatement("DELETE FROM " + batchTable
                    + " WHERE connector_id = ? AND extraction_id = ?")) {
                del.setString(1, batch.connectorId());
                del.setString(2, batch.extractionId());
                del.executeUpdate();
            }
        });
    }

    @FunctionalInterface
    private interface Work {
        void run(Connection c) throws SQLException;
    }

    private void inTransaction(String what, Work work) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot " + what + ": " + e.getMessage(), e);
        }
    }

    private static void setMillis(PreparedStatement ps, int index, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, t.toEpochMilli());
        }
    }

    @Override
    public String toString() {
        return "JdbcCheckpointStore[" + checkpointTable + ", " + batchTable + "]";
    }
}
