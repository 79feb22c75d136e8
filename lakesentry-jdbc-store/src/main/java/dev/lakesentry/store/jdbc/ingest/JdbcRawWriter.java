package dev.lakesentry.store.jdbc.ingest;

import dev.lakesentry.api.StoreException;
import dev.lakesentry.api.push.CanonicalRecords;
import dev.lakesentry.api.push.Extraction;
import dev.lakesentry.api.push.PushEnvelope;
import dev.lakesentry.api.push.ReceiptStatus;
import dev.lakesentry.api.push.Rejection;
import dev.lakesentry.api.push.SourceRecord;
import dev.lakesentry.api.push.SystemTable;
import dev.lakesentry.api.store.DuplicateExtractionException;
import dev.lakesentry.api.store.RawWriter;
import dev.lakesentry.store.jdbc.internal.Binds;
import dev.lakesentry.store.jdbc.internal.Db;
import dev.lakesentry.store.jdbc.internal.Sql;
import dev.lakesentry.store.jdbc.internal.WriterSupport;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.SortedSet;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/**
 * Appends pushes to the raw layer: the registry entry and every record in one transaction, through the
 * dialect's bulk path (COPY on PostgreSQL, a JDBC batch elsewhere). The registry's primary key decides
 * duplicates, so two concurrent pushes of one extraction id cannot both land. Has no update and no delete.
 *
 * @since 0.1.0
 */
public final class JdbcRawWriter extends WriterSupport<RawWriter> implements RawWriter {
    private static final String REGISTRY = "raw_extraction";
    private static final String SAVEPOINT = "lakesentry_register";

    private final Map<SystemTable, Statements> statements;
    private final Binds binds;

    /** A writer over the store's pool; use {@code JdbcStore.rawWriter()}. */
    public JdbcRawWriter(Db db) {
        this(db, null, prepare(db));
    }

    private JdbcRawWriter(Db db, Handle bound, Map<SystemTable, Statements> statements) {
        super(db, bound);
        this.statements = statements;
        this.binds = new Binds(db.dialect());
    }

    private record Statements(String table, String insertHead, String copySql, int[] sqlTypes,
                              List<RawTables.RawColumn> typed) {
    }

    private static Map<SystemTable, Statements> prepare(Db db) {
        Map<SystemTable, Statements> out = new EnumMap<>(SystemTable.class);
        for (SystemTable t : SystemTable.values()) {
            String name = "append_" + RawTables.baseName(t);
            String head = Sql.loadPlain(JdbcRawWriter.class, name);
            String copy = Sql.loadVariant(JdbcRawWriter.class, name, db.dialect());
            List<String> expected = RawTables.allColumns(t);
            check(t, name + ".sql", head, expected);
            if (copy != null) {
                check(t, name + "." + db.dialect().id() + ".sql", copy, expected);
            }
            List<RawTables.RawColumn> typed = RawTables.typedColumns(t);
            int[] types = new int[expected.size()];
            types[0] = java.sql.Types.VARCHAR;
            types[1] = java.sql.Types.VARCHAR;
            types[2] = java.sql.Types.BIGINT;
            types[3] = java.sql.Types.INTEGER;
            for (int i = 0; i < typed.size(); i++) {
                types[4 + i] = typed.get(i).sqlType();
            }
            types[types.length - 1] = java.sql.Types.VARCHAR;
            out.put(t, new Statements(RawTables.tableName(t), head, copy, types, typed));
        }
        return out;
    }

    /** Fails fast when an append statement's column list drifts from {@link RawTables}. */
    private static void check(SystemTable t, String file, String sql, List<String> expected) {
        int open = sql.indexOf('(');
        int close = sql.indexOf(')', open);
        List<String> actual = new ArrayList<>();
        for (String c : sql.substring(open + 1, close).split(",")) {
            actual.add(c.strip());
        }
        if (!actual.equals(expected)) {
            throw new IllegalStateException("SQL resource " + file + " lists columns " + actual + " but the raw table of "
                    + t.fullName() + " has " + expected);
        }
    }

    @Override
    protected RawWriter bindTo(Handle handle) {
        return new JdbcRawWriter(db, handle, statements);
    }

    @Override
    public Extraction append(PushEnvelope envelope, ReceiptStatus status, Instant receivedAt,
                             SortedSet<LocalDate> touchedDays) {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(touchedDays, "touchedDays");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Statements st = statements.get(envelope.table());
        boolean appendRows = status == ReceiptStatus.APPENDED;
        String key = envelope.extractionId();
        // Small pushes are converted before the database is touched; large ones block by block on another core
        // while earlier blocks stream in. Either way a value that does not fit its column refuses the whole push:
        // the conversion error is thrown inside the transaction, which rolls back.
        RowBlocks blocks = appendRows ? RowBlocks.start(envelope, st, this::row) : RowBlocks.NONE;
        try {
            return write(st.table(), key, h -> {
                long seq = h.createQuery(db.sql(JdbcRawWriter.class, "next_extraction_seq")).mapTo(Long.class).one();
                Extraction entry = new Extraction(envelope.extractionId(), envelope.connectorId(),
                        envelope.accountId(), envelope.table(), envelope.mode(), envelope.watermark(),
                        envelope.schemaVersion(), envelope.recordCount(), blocks.rows(), envelope.checksum(), status,
                        Binds.micros(receivedAt), seq);
                register(h, entry);
                if (blocks.rows() > 0) {
                    db.dialect().bulkAppend(h.getConnection(), st.insertHead(), st.copySql(), st.sqlTypes(),
                            blocks.inOrder(seq));
                }
                insertDays(h, envelope.accountId(), seq, touchedDays);
                return entry;
            });
        } finally {
            blocks.cancel();
        }
    }

    private void insertDays(Handle h, String accountId, long seq, SortedSet<LocalDate> touchedDays) {
        if (!touchedDays.isEmpty()) {
            var batch = h.prepareBatch(db.sql(JdbcRawWriter.class, "insert_extraction_day"));
            for (LocalDate day : touchedDays) {
                batch.bind("account_id", accountId).bind("extraction_seq", seq)
                        .bind("usage_day", binds.date(day)).add();
            }
            batch.execute();
        }
    }

    private void register(Handle h, Extraction e) throws SQLException {
        h.savepoint(SAVEPOINT);
        try {
            h.createUpdate(db.sql(JdbcRawWriter.class, "insert_extraction"))
                    .bind("extraction_id", e.extractionId())
                    .bind("extraction_seq", e.sequence())
                    .bind("connector_id", e.connectorId())
                    .bind("account_id", e.accountId())
                    .bind("table_name", e.table().fullName())
                    .bind("extraction_mode", e.mode().name())
                    .bind("watermark_from", binds.ts(e.watermark() == null ? null : e.watermark().from()))
                    .bind("watermark_to", binds.ts(e.watermark() == null ? null : e.watermark().to()))
                    .bind("schema_version", e.schemaVersion())
                    .bind("record_count", e.recordCount())
                    .bind("rows_appended", e.rowsAppended())
                    .bind("checksum", e.checksum())
                    .bind("receipt_status", e.status().name())
                    .bind("received_at", binds.ts(e.receivedAt()))
                    .execute();
        } catch (org.jdbi.v3.core.JdbiException ex) {
            SQLException cause = ex.getCause() instanceof SQLException s ? s : null;
            if (cause == null || !db.dialect().isUniqueViolation(cause)) {
                throw ex;
            }
            h.rollbackToSavepoint(SAVEPOINT);
            Extraction existing = JdbcRawReader.extraction(h, db, e.extractionId()).orElseThrow(() -> new StoreException(
                    "Extraction id '" + e.extractionId() + "' collided with an entry that is not visible yet (registered"
                            + " twice in one transaction?)", REGISTRY, e.extractionId(), ex));
            throw new DuplicateExtractionException(existing);
        }
        h.releaseSavepoint(SAVEPOINT);
    }

    private Object[] row(PushEnvelope envelope, Statements st, int i, Map<String, Object> values) {
        int width = st.sqlTypes().length;
        Object[] row = new Object[width];
        row[0] = envelope.accountId();
        row[1] = envelope.extractionId();
        row[3] = i;
        List<RawTables.RawColumn> typed = st.typed();
        Map<String, Object> parsed = new java.util.HashMap<>(4);
        for (int c = 0; c < typed.size(); c++) {
            RawTables.RawColumn col = typed.get(c);
            try {
                row[4 + c] = RawValues.extract(values, col, parsed);
            } catch (RuntimeException e) {
                throw new StoreException("Record " + i + " of extraction '" + envelope.extractionId() + "' has a value"
                        + " in column " + col.name() + " that is not a " + col.type() + ": "
                        + abbreviate(values.get(col.path().get(0))) + "; nothing was written", st.table(),
                        envelope.extractionId() + "#" + i, e);
            }
        }
        row[width - 1] = CanonicalRecords.canonicalJson(values);
        return row;
    }

    private static String abbreviate(Object v) {
        String s = String.valueOf(v);
        return s.length() <= 80 ? "'" + s + "'" : "'" + s.substring(0, 80) + "…'";
    }

    @Override
    public void recordRejection(Rejection rejection) {
        Objects.requireNonNull(rejection, "rejection");
        write("raw_rejection", rejection.extractionId(), h -> h.createUpdate(db.sql(JdbcRawWriter.class, "insert_rejection"))
                .bind("connector_id", rejection.connectorId())
                .bind("account_id", rejection.accountId())
                .bind("table_name", rejection.table() == null ? null : rejection.table().fullName())
                .bind("extraction_id", rejection.extractionId())
                .bind("reason", rejection.reason())
                .bind("rejected_at", binds.ts(rejection.rejectedAt()))
                .execute());
    }
}
