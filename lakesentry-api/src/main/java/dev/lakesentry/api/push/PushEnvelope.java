package dev.lakesentry.api.push;

import dev.lakesentry.api.internal.Checks;
import java.util.List;
import java.util.Optional;

/**
 * One push from a collector: a batch of one system table's records with the facts ingestion checks
 * them against (ARCHITECTURE.md §7). The record checks each field on its own; whether the count and
 * checksum match the records is for ingestion to check, so a bad push can be refused with a list of
 * problems rather than an exception at construction.
 *
 * @param extractionId  unique id of this extraction; a retry re-sends the same id
 * @param connectorId   the collector connector that produced it
 * @param accountId     the Databricks account
 * @param table         the source table
 * @param mode          incremental or snapshot
 * @param watermark     the range covered; required for incremental pushes, {@code null} for snapshots
 * @param schemaVersion the push format version, {@link #CURRENT_SCHEMA_VERSION}
 * @param recordCount   how many records the producer sent
 * @param checksum      {@link CanonicalRecords#checksum(List)} of the records as the producer sent them
 * @param records       the records
 * @since 0.1.0
 */
public record PushEnvelope(
        String extractionId,
        String connectorId,
        String accountId,
        SystemTable table,
        ExtractionMode mode,
        WatermarkRange watermark,
        int schemaVersion,
        long recordCount,
        String checksum,
        List<SourceRecord> records) {

    /** The push format version this library writes and reads. */
    public static final int CURRENT_SCHEMA_VERSION = 1;

    public PushEnvelope {
        Checks.notBlank(extractionId, "PushEnvelope", "extractionId");
        Checks.notBlank(connectorId, "PushEnvelope", "connectorId");
        Checks.notBlank(accountId, "PushEnvelope", "accountId");
        Checks.notNull(table, "PushEnvelope", "table");
        Checks.notNull(mode, "PushEnvelope", "mode");
        Checks.notNull(checksum, "PushEnvelope", "checksum");
        records = Checks.list(records, "PushEnvelope", "records");
    }

    /**
     * A complete envelope: count and checksum computed from the records, the table's own mode and
     * the current schema version.
     */
    public static PushEnvelope create(String extractionId, String connectorId, String accountId,
                                      SystemTable table, WatermarkRange watermark, List<SourceRecord> records) {
        List<SourceRecord> copy = List.copyOf(records);
        return new PushEnvelope(extractionId, connectorId, accountId, table, table.mode(), watermark,
                CURRENT_SCHEMA_VERSION, copy.size(), CanonicalRecords.checksum(copy), copy);
    }

    /**
     * The envelope as JSON, the wire format of {@code POST /api/v1/ingest}: an object with
     * {@code extraction_id, connector_id, account_id, table} (the full table name), {@code mode},
     * {@code watermark} ({@code {"from": …, "to": …}} as ISO-8601 instants, or null),
     * {@code schema_version, record_count, checksum} and {@code records}, written in the canonical form
     * of {@link CanonicalRecords}, so the same envelope always gives the same bytes.
     */
    public String toJson() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("extraction_id", extractionId);
        m.put("connector_id", connectorId);
        m.put("account_id", accountId);
        m.put("table", table.fullName());
        m.put("mode", mode.name());
        if (watermark == null) {
            m.put("watermark", null);
        } else {
            java.util.Map<String, Object> w = new java.util.LinkedHashMap<>();
            w.put("from", watermark.from() == null ? null : watermark.from().toString());
            w.put("to", watermark.to().toString());
            m.put("watermark", w);
        }
        m.put("schema_version", schemaVersion);
        m.put("record_count", recordCount);
        m.put("checksum", checksum);
        m.put("records", records.stream().map(SourceRecord::values).toList());
        return CanonicalRecords.canonicalJson(m);
    }

    /** The watermark range, empty for snapshots. */
    public Optional<WatermarkRange> watermarkRange() {
        return Optional.ofNullable(watermark);
    }

    @Override
    public String toString() {
        return "PushEnvelope[extractionId=" + extractionId + ", connectorId=" + connectorId + ", accountId="
                + accountId + ", table=" + table.fullName() + ", mode=" + mode + ", records=" + records.size() + "]";
    }
}
