package dev.lakesentry.store.jdbc.ingest;

import dev.lakesentry.api.push.Extraction;
import dev.lakesentry.api.push.ExtractionMode;
import dev.lakesentry.api.push.ReceiptStatus;
import dev.lakesentry.api.push.Rejection;
import dev.lakesentry.api.push.SourceRecord;
import dev.lakesentry.api.push.SystemTable;
import dev.lakesentry.api.push.WatermarkRange;
import dev.lakesentry.api.store.RawReader;
import dev.lakesentry.api.store.RawRow;
import dev.lakesentry.store.jdbc.internal.Binds;
import dev.lakesentry.store.jdbc.internal.Db;
import dev.lakesentry.store.jdbc.internal.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;

/**
 * Reads the raw layer and the extraction registry. Raw rows come back with their record rebuilt from the
 * stored JSON text (integral numbers as {@code Long}, other numbers as {@code BigDecimal}), so its canonical
 * form, and so its checksum, is the one that was pushed.
 *
 * @since 0.1.0
 */
public final class JdbcRawReader implements RawReader {
    private static final int FETCH_SIZE = 1000;

    private final Db db;
    private final Binds binds;

    /** A reader over the store's pool; use {@code JdbcStore.rawReader()}. */
    public JdbcRawReader(Db db) {
        this.db = db;
        this.binds = new Binds(db.dialect());
    }

    @Override
    public Optional<Extraction> extraction(String extractionId) {
        return db.withHandle("raw_extraction", extractionId, h -> extraction(h, db, extractionId));
    }

    static Optional<Extraction> extraction(Handle h, Db db, String extractionId) {
        Binds b = new Binds(db.dialect());
        return h.createQuery(db.sql(JdbcRawReader.class, "select_extraction"))
                .bind("extraction_id", extractionId)
                .map((rs, ctx) -> extraction(rs, b))
                .findOne();
    }

    private static Extraction extraction(ResultSet rs, Binds b) throws SQLException {
        Instant to = b.ts(rs, "watermark_to");
        WatermarkRange wm = to == null ? null : new WatermarkRange(b.ts(rs, "watermark_from"), to);
        SystemTable table = SystemTable.byFullName(rs.getString("table_name")).orElseThrow(() -> new IllegalStateException(
                "raw_extraction holds an unknown table name"));
        return new Extraction(rs.getString("extraction_id"), rs.getString("connector_id"), rs.getString("account_id"),
                table, ExtractionMode.valueOf(rs.getString("extraction_mode")), wm, rs.getInt("schema_version"),
                rs.getLong("record_count"), rs.getLong("rows_appended"), rs.getString("checksum"),
                ReceiptStatus.valueOf(rs.getString("receipt_status")), b.ts(rs, "received_at"),
                rs.getLong("extraction_seq"));
    }

    @Override
    public List<Extraction> extractions(String accountId) {
        return db.withHandle("raw_extraction", accountId, h -> h.createQuery(db.sql(JdbcRawReader.class, "select_extractions"))
                .bind("account_id", accountId)
                .map((rs, ctx) -> extraction(rs, binds))
                .list());
    }

    @Override
    public Optional<Extraction> latestSnapshot(String accountId, SystemTable table) {
        return db.withHandle("raw_extraction", accountId, h -> h.createQuery(db.sql(JdbcRawReader.class, "select_latest_snapshot"))
                .bind("account_id", accountId)
                .bind("table_name", table.fullName())
                .setMaxRows(1)
                .map((rs, ctx) -> extraction(rs, binds))
                .findFirst());
    }

    @Override
    public long rowCount(String accountId, SystemTable table) {
        String name = RawTables.tableName(table);
        return db.withHandle(name, accountId, h -> h.createQuery(db.sql(JdbcRawReader.class, "count_raw_rows")
                        .replace("<raw_table>", name))
                .bind("account_id", accountId)
                .mapTo(Long.class)
                .one());
    }

    @Override
    public void forEachRow(String accountId, SystemTable table, Consumer<RawRow> action) {
        String name = RawTables.tableName(table);
        // A transaction lets PostgreSQL stream with a cursor instead of loading the whole result.
        db.inTransaction(name, accountId, h -> {
            h.createQuery(db.sql(JdbcRawReader.class, "select_raw_rows").replace("<raw_table>", name))
                    .bind("account_id", accountId)
                    .setFetchSize(FETCH_SIZE)
                    .map((rs, ctx) -> new RawRow(rs.getString("extraction_id"), rs.getLong("extraction_seq"),
                            new SourceRecord(Json.parseObject(rs.getString("record_json")))))
                    .useStream(s -> s.forEach(action));
            return null;
        });
    }

    @Override
    public List<Rejection> rejections(String accountId) {
        return db.withHandle("raw_rejection", accountId, h -> h.createQuery(db.sql(JdbcRawReader.class, "select_rejections"))
                .bind("account_id", accountId)
                .map((rs, ctx) -> new Rejection(rs.getString("connector_id"), rs.getString("account_id"),
                        rs.getString("table_name") == null ? null : SystemTable.byFullName(rs.getString("table_name")).orElse(null),
                        rs.getString("extraction_id"), rs.getString("reason"), binds.ts(rs, "rejected_at")))
                .list());
    }

    @Override
    public List<String> accounts() {
        return db.withHandle("raw_extraction", null, h -> h.createQuery(db.sql(JdbcRawReader.class, "select_accounts"))
                .mapTo(String.class)
                .list());
    }

    @Override
    public Optional<Instant> latestIngestionTime(String accountId) {
        return db.withHandle("raw_billing_usage", accountId, h -> h.createQuery(db.sql(JdbcRawReader.class,
                        "select_latest_ingestion_date"))
                .bind("account_id", accountId)
                .map((rs, ctx) -> Optional.ofNullable(binds.date(rs, "latest")))
                .one()
                .map((LocalDate d) -> d.atStartOfDay(ZoneOffset.UTC).toInstant()));
    }

    @Override
    public SortedSet<LocalDate> touchedDaysSince(String accountId, long afterSequence) {
        return db.withHandle("raw_extraction_day", accountId, h -> h.createQuery(db.sql(JdbcRawReader.class, "select_touched_days"))
                .bind("account_id", accountId)
                .bind("after_seq", afterSequence)
                .map((rs, ctx) -> binds.date(rs, "usage_day"))
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
    }

    @Override
    public long latestSequence(String accountId) {
        return db.withHandle("raw_extraction", accountId, h -> h.createQuery(db.sql(JdbcRawReader.class, "select_latest_sequence"))
                .bind("account_id", accountId)
                .mapTo(Long.class).one());
    }
}
