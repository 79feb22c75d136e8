package dev.lakesentry.collector.checkpoint;

import dev.lakesentry.api.push.CanonicalRecords;
import dev.lakesentry.api.push.PushEnvelope;
import dev.lakesentry.api.push.SystemTable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A batch saved before it is pushed: its exact JSON text ({@link PushEnvelope#toJson()}) and checksum.
 * Until ingestion acknowledges it, it is pending, and every later attempt re-sends exactly this text with
 * the same extraction id, so a retry is answered "already ingested" instead of conflicting.
 *
 * @param connectorId  the connector
 * @param table        the table
 * @param extractionId the extraction id inside the envelope
 * @param part         the batch's position among the batches of one extraction run (0-based)
 * @param checksum     the records' canonical checksum, as in the envelope
 * @param json         the exact envelope text
 * @param advancesTo   the watermark the checkpoint moves to once acknowledged, {@code null} for snapshots
 * @param savedAt      when it was saved
 * @since 0.1.0
 */
public record SavedBatch(String connectorId, SystemTable table, String extractionId, int part, String checksum,
                         String json, Instant advancesTo, Instant savedAt) {

    /** Oldest first, then by table and part: the order pending batches are re-sent in. */
    public static final Comparator<SavedBatch> ORDER = Comparator.comparing(SavedBatch::savedAt)
            .thenComparing(b -> b.table().ordinal()).thenComparingInt(SavedBatch::part)
            .thenComparing(SavedBatch::extractionId);

    public SavedBatch {
        Objects.requireNonNull(connectorId, "connectorId");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(extractionId, "extractionId");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(savedAt, "savedAt");
    }

    /** A batch of this envelope, saved at {@code savedAt}. */
    public static SavedBatch of(PushEnvelope envelope, int part, Instant savedAt) {
        return new SavedBatch(envelope.connectorId(), envelope.table(), envelope.extractionId(), part,
                envelope.checksum(), envelope.toJson(), envelope.watermarkRange().map(w -> w.to()).orElse(null), savedAt);
    }

    /**
     * The envelope, read back from the saved text.
     *
     * @throws IllegalStateException when the text does not give back exactly the saved bytes and checksum
     */
    public PushEnvelope envelope() {
        PushEnvelope envelope = EnvelopeJson.parse(json, extractionId);
        if (!envelope.extractionId().equals(extractionId) || !envelope.checksum().equals(checksum)
                || !CanonicalRecords.checksum(envelope.records()).equals(checksum) || !envelope.toJson().equals(json)) {
            throw new IllegalStateException("Saved batch " + extractionId + " of " + table.fullName()
                    + " is damaged: its text no longer gives checksum " + checksum + "; remove it from the state store");
        }
        return envelope;
    }

    /** The lower-case hex SHA-256 of the saved text's UTF-8 bytes (guards the file against damage). */
    public String bytesSha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform must provide SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "SavedBatch[" + extractionId + ", " + table.fullName() + ", part " + part + ", checksum " + checksum
                + ", " + json.length() + " chars]";
    }
}
