package dev.lakesentry.collector.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesentry.api.StoreException;
import dev.lakesentry.api.push.PushEnvelope;
import dev.lakesentry.api.push.SourceRecord;
import dev.lakesentry.api.push.SystemTable;
import dev.lakesentry.api.push.WatermarkRange;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every {@link CheckpointStore} must do; each implementation's test subclasses this. */
abstract class CheckpointStoreContract {
    static final Instant T0 = Instant.parse("2025-03-10T12:00:00Z");

    /** A fresh, empty store. */
    abstract CheckpointStore store();

    /** The same durable state opened again, as after a restart. */
    abstract CheckpointStore reopen();

    /** Alters the saved text of a batch behind the store's back. */
    abstract void damage(String connectorId, String extractionId) throws Exception;

    static SavedBatch batch(String id, int part, Instant savedAt, String to) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("account_id", "acc-1");
        values.put("workspace_id", "ws");
        values.put("warehouse_id", "wh");
        values.put("event_type", "RUNNING");
        values.put("cluster_count", 2L);
        values.put("event_time", to);
        values.put("nested", Map.of("ratio", new BigDecimal("6.41"), "list", List.of(1L, "two\n\"q\"")));
        PushEnvelope envelope = PushEnvelope.create(id, "east", "acc-1", SystemTable.WAREHOUSE_EVENTS,
                new WatermarkRange(Instant.parse("2025-03-01T00:00:00Z"), Instant.parse(to)), List.of(SourceRecord.of(values)));
        return SavedBatch.of(envelope, part, savedAt);
    }

    @Test
    void startsEmpty() {
        CheckpointStore s = store();
        assertThat(s.checkpoint("east", SystemTable.WAREHOUSE_EVENTS)).isEmpty();
        assertThat(s.pending("east")).isEmpty();
    }

    @Test
    void pendingBatchesComeBackInOrderWithTheirExactText() {
        CheckpointStore s = store();
        SavedBatch b1 = batch("e.1", 1, T0, "2025-03-09T10:00:00.000Z");
        SavedBatch b0 = batch("e.0", 0, T0, "2025-03-09T09:00:00.000Z");
        SavedBatch older = batch("d.0", 0, T0.minusSeconds(900), "2025-03-09T08:00:00.000Z");
        s.save(b1);
        s.save(b0);
        s.save(older);
        SavedBatch w = batch("w.0", 0, T0, "2025-03-09T08:00:00.000Z");
        s.save(new SavedBatch("west", w.table(), w.extractionId(), 0, w.checksum(), w.json(), w.advancesTo(), w.savedAt()));

        List<SavedBatch> pending = reopen().pending("east");

        assertThat(pending).extracting(SavedBatch::extractionId).containsExactly("d.0", "e.0", "e.1");
        assertThat(pending.get(1)).isEqualTo(b0);
        assertThat(pending.get(1).envelope().toJson()).isEqualTo(b0.json());
        assertThat(pending.get(1).envelope().records()).isEqualTo(b0.envelope().records());
    }

    @Test
    void acknowledgingAdvancesTheCheckpointRemovesTheBatchAndNeverMovesBack() {
        CheckpointStore s = store();
        SavedBatch late = batch("e.1", 1, T0, "2025-03-09T10:00:00.000Z");
        SavedBatch early = batch("e.0", 0, T0, "2025-03-09T09:00:00.000Z");
        s.save(late);
        s.save(early);
        s.acknowledge(late, T0.plusSeconds(1));
        s.acknowledge(early, T0.plusSeconds(2));
        s.acknowledge(early, T0.plusSeconds(3));

        Checkpoint cp = reopen().checkpoint("east", SystemTable.WAREHOUSE_EVENTS).orElseThrow();
        assertThat(cp.watermark()).isEqualTo(Instant.parse("2025-03-09T10:00:00Z"));
        assertThat(cp.extractionId()).isEqualTo("e.0");
        assertThat(cp.updatedAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(reopen().pending("east")).isEmpty();
    }

    @Test
    void aDamagedBatchIsReportedNotResent() throws Exception {
        CheckpointStore s = store();
        s.save(batch("e.0", 0, T0, "2025-03-09T09:00:00.000Z"));
        damage("east", "e.0");
        assertThatThrownBy(() -> reopen().pending("east")).isInstanceOf(StoreException.class).hasMessageContaining("e.0");
    }
}
