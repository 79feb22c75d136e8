package dev.lakesentry.collector;

import dev.lakesentry.api.push.BearerToken;
import dev.lakesentry.api.push.CanonicalRecords;
import dev.lakesentry.api.push.CollectorToken;
import dev.lakesentry.api.push.Extraction;
import dev.lakesentry.api.push.SourceRecord;
import dev.lakesentry.api.push.SystemTable;
import dev.lakesentry.api.store.RawRow;
import dev.lakesentry.api.store.TokenStore;
import dev.lakesentry.core.ingest.CollectorTokens;
import dev.lakesentry.core.ingest.ConnectorHealthService;
import dev.lakesentry.core.ingest.IngestionService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The real ingestion service of core over an in-memory raw layer and token store. */
final class TestIngestion {
    final MemoryRawStore raw = new MemoryRawStore();
    final CollectorTokens tokens;
    final IngestionService service;
    final ConnectorHealthService health;

    TestIngestion(Clock clock) {
        tokens = new CollectorTokens(new MemoryTokens(), clock);
        service = new IngestionService(tokens, raw, raw, clock);
        health = new ConnectorHealthService(raw, clock, Duration.ofHours(1));
    }

    BearerToken issue(String connectorId, String accountId) {
        return tokens.issue(connectorId, accountId).token();
    }

    List<Extraction> extractions(String accountId, SystemTable table) {
        return raw.extractions(accountId).stream().filter(e -> e.table() == table).toList();
    }

    /** Every raw copy of the table's rows. */
    List<RawRow> rawRows(String accountId, SystemTable table) {
        return raw.rows(accountId, table);
    }

    /** What the ledger would take: per natural key, the copy from the latest extraction (snapshots: the latest snapshot). */
    TreeSet<String> latest(String accountId, SystemTable table) {
        Map<String, RawRow> byKey = new LinkedHashMap<>();
        List<RawRow> rows = new ArrayList<>(rawRows(accountId, table));
        rows.sort(Comparator.comparingLong(RawRow::sequence));
        if (table.mode() == dev.lakesentry.api.push.ExtractionMode.SNAPSHOT && !rows.isEmpty()) {
            long last = rows.get(rows.size() - 1).sequence();
            rows.removeIf(r -> r.sequence() != last);
        }
        for (RawRow r : rows) {
            byKey.put(key(table, r.record()), r);
        }
        TreeSet<String> out = new TreeSet<>();
        byKey.values().forEach(r -> out.add(CanonicalRecords.canonicalJson(r.record().values())));
        return out;
    }

    static String key(SystemTable table, SourceRecord r) {
        StringBuilder sb = new StringBuilder();
        for (String k : table.naturalKey()) {
            sb.append(r.text(k).orElse("<null>")).append('|');
        }
        return sb.toString();
    }

    /** Tokens kept in memory. */
    static final class MemoryTokens implements TokenStore {
        private final Map<String, CollectorToken> tokens = new LinkedHashMap<>();

        @Override
        public synchronized void add(CollectorToken token) {
            tokens.put(token.tokenId(), token);
        }

        @Override
        public synchronized Optional<CollectorToken> find(String tokenId) {
            return Optional.ofNullable(tokens.get(tokenId));
        }

        @Override
        public synchronized boolean revoke(String tokenId, Instant at) {
            CollectorToken t = tokens.get(tokenId);
            if (t == null) {
                return false;
            }
            if (t.revokedAt() == null) {
                tokens.put(tokenId, new CollectorToken(t.tokenId(), t.connectorId(), t.accountId(), t.salt(), t.hash(),
                        t.createdAt(), at));
            }
            return true;
        }

        @Override
        public synchronized List<CollectorToken> tokens(String accountId) {
            return tokens.values().stream().filter(t -> t.accountId().equals(accountId)).toList();
        }
    }
}
