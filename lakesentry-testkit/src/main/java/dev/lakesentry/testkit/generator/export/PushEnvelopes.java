package dev.lakesentry.testkit.generator.export;

import dev.lakesentry.api.push.ColumnType;
import dev.lakesentry.api.push.ExtractionMode;
import dev.lakesentry.api.push.PushEnvelope;
import dev.lakesentry.api.push.SourceRecord;
import dev.lakesentry.api.push.SystemTable;
import dev.lakesentry.api.push.WatermarkRange;
import dev.lakesentry.testkit.generator.GeneratedAccount;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Generated rows as push envelopes, as a collector would send them. An incremental table is sorted
 * (stably) by its watermark column and cut into envelopes of at most {@code maxRecords} records, each
 * with a {@link WatermarkRange} from its lowest to its highest watermark (the first envelope of a table
 * is a first load, with no lower bound). A snapshot table is one SNAPSHOT envelope with all its rows.
 * Extraction ids are name-based UUIDs of the seed, connector, table and chunk index: the same input
 * always gives the same envelopes.
 *
 * @since 0.1.0
 */
public final class PushEnvelopes {
    /** The connector id used when none is given. */
    public static final String DEFAULT_CONNECTOR_ID = "lakesentry-testkit-generator";

    private record Keyed(Instant watermark, SourceRecord row) {
    }

    private PushEnvelopes() {
    }

    /** The deterministic extraction id of one chunk. */
    public static String extractionId(long seed, String connectorId, SystemTable table, int chunk) {
        String name = "lakesentry-testkit:" + seed + ":" + connectorId + ":" + table.fullName() + ":" + chunk;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** One table's rows as envelopes. */
    public static List<PushEnvelope> split(SystemTable table, List<SourceRecord> rows, String accountId,
                                           String connectorId, long seed, int maxRecords) {
        if (maxRecords < 1) {
            throw new IllegalArgumentException("PushEnvelopes.maxRecords must be at least 1, was " + maxRecords);
        }
        List<PushEnvelope> out = new ArrayList<>();
        if (table.mode() == ExtractionMode.SNAPSHOT) {
            out.add(PushEnvelope.create(extractionId(seed, connectorId, table, 0), connectorId, accountId, table, null,
                    rows));
            return out;
        }
        String column = table.watermarkColumn().orElseThrow();
        ColumnType type = table.column(column).orElseThrow().type();
        List<Keyed> keyed = new ArrayList<>(rows.size());
        for (SourceRecord r : rows) {
            keyed.add(new Keyed(watermark(r, column, type), r));
        }
        keyed.sort(Comparator.comparing(Keyed::watermark));
        for (int from = 0, chunk = 0; from < keyed.size(); from += maxRecords, chunk++) {
            List<Keyed> slice = keyed.subList(from, Math.min(keyed.size(), from + maxRecords));
            List<SourceRecord> part = slice.stream().map(Keyed::row).toList();
            Instant lo = slice.get(0).watermark();
            Instant hi = slice.get(slice.size() - 1).watermark();
            out.add(PushEnvelope.create(extractionId(seed, connectorId, table, chunk), connectorId, accountId, table,
                    new WatermarkRange(chunk == 0 ? null : lo, hi), part));
        }
        return out;
    }

    /** Every table of an in-memory account as envelopes, in {@link SystemTable} order. */
    public static List<PushEnvelope> forAccount(GeneratedAccount account, String connectorId, int maxRecords) {
        List<PushEnvelope> out = new ArrayList<>();
        for (SystemTable t : SystemTable.values()) {
            out.addAll(split(t, account.rows(t), account.accountId(), connectorId, account.config().seed(),
                    maxRecords));
        }
        return out;
    }

    private static Instant watermark(SourceRecord r, String column, ColumnType type) {
        String v = r.text(column).orElseThrow(() -> new IllegalArgumentException(
                "Row without watermark " + column + ": " + r.values()));
        return type == ColumnType.DATE ? LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC) : Instant.parse(v);
    }
}
