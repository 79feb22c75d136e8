package dev.lakesentry.collector;

import dev.lakesentry.api.push.Extraction;
import dev.lakesentry.api.push.ExtractionMode;
import dev.lakesentry.api.push.PushEnvelope;
import dev.lakesentry.api.push.ReceiptStatus;
import dev.lakesentry.api.push.Rejection;
import dev.lakesentry.api.push.SystemTable;
import dev.lakesentry.api.store.DuplicateExtractionException;
import dev.lakesentry.api.store.RawReader;
import dev.lakesentry.api.store.RawRow;
import dev.lakesentry.api.store.RawWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

/** A raw layer in memory, for the real IngestionService in tests. */
final class MemoryRawStore implements RawReader, RawWriter {
    private final Map<String, Extraction> extractions = new LinkedHashMap<>();
    private final Map<String, PushEnvelope> envelopes = new LinkedHashMap<>();
    private final Map<String, SortedSet<LocalDate>> touched = new LinkedHashMap<>();
    private final List<Rejection> rejections = new ArrayList<>();
    private long sequence;

    @Override
    public synchronized Optional<Extraction> extraction(String extractionId) {
        return Optional.ofNullable(extractions.get(extractionId));
    }

    @Override
    public synchronized List<Extraction> extractions(String accountId) {
        return extractions.values().stream().filter(e -> e.accountId().equals(accountId)).toList();
    }

    @Override
    public synchronized Optional<Extraction> latestSnapshot(String accountId, SystemTable table) {
        Extraction latest = null;
        for (Extraction e : extractions.values()) {
            if (e.accountId().equals(accountId) && e.table() == table && e.mode() == ExtractionMode.SNAPSHOT) {
                latest = e;
            }
        }
        return Optional.ofNullable(latest);
    }

    @Override
    public synchronized long rowCount(String accountId, SystemTable table) {
        return rows(accountId, table).size();
    }

    @Override
    public synchronized void forEachRow(String accountId, SystemTable table, Consumer<RawRow> action) {
        for (Extraction e : extractions.values()) {
            if (e.accountId().equals(accountId) && e.table() == table && e.rowsAppended() > 0) {
                envelopes.get(e.extractionId()).records().forEach(r -> action.accept(new RawRow(e.extractionId(), e.sequence(), r)));
            }
        }
    }

    @Override
    public synchronized SortedSet<LocalDate> touchedDaysSince(String accountId, long afterSequence) {
        SortedSet<LocalDate> out = new TreeSet<>();
        extractions.values().stream().filter(e -> e.accountId().equals(accountId) && e.sequence() > afterSequence)
                .forEach(e -> out.addAll(touched.get(e.extractionId())));
        return out;
    }

    @Override
    public synchronized long latestSequence(String accountId) {
        return extractions.values().stream().filter(e -> e.accountId().equals(accountId))
                .mapToLong(Extraction::sequence).max().orElse(0);
    }

    @Override
    public synchronized List<Rejection> rejections(String accountId) {
        return rejections.stream().filter(r -> r.accountId().equals(accountId)).toList();
    }

    @Override
    public synchronized List<String> accounts() {
        return extractions.values().stream().map(Extraction::accountId).distinct().toList();
    }

    @Override
    public Optional<Instant> latestIngestionTime(String accountId) {
        return Optional.empty();
    }

    @Override
    public synchronized <T> T inTransaction(Function<? super RawWriter, ? extends T> work) {
        return work.apply(this);
    }

    @Override
    public synchronized Extraction append(PushEnvelope envelope, ReceiptStatus status, Instant receivedAt,
                                          SortedSet<LocalDate> touchedDays) {
        Extraction existing = extractions.get(envelope.extractionId());
        if (existing != null) {
            throw new DuplicateExtractionException(existing);
        }
        long rows = status == ReceiptStatus.SNAPSHOT_UNCHANGED ? 0 : envelope.records().size();
        Extraction e = new Extraction(envelope.extractionId(), envelope.connectorId(), envelope.accountId(),
                envelope.table(), envelope.mode(), envelope.watermark(), envelope.schemaVersion(), envelope.recordCount(),
                rows, envelope.checksum(), status, receivedAt, ++sequence);
        extractions.put(e.extractionId(), e);
        envelopes.put(e.extractionId(), envelope);
        touched.put(e.extractionId(), new TreeSet<>(touchedDays));
        return e;
    }

    @Override
    public synchronized void recordRejection(Rejection rejection) {
        rejections.add(rejection);
    }
}
