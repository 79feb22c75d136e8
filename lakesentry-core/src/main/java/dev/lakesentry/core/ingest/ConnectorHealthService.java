package dev.lakesentry.core.ingest;

import dev.lakesentry.api.push.ConnectorHealth;
import dev.lakesentry.api.push.Extraction;
import dev.lakesentry.api.push.HealthStatus;
import dev.lakesentry.api.push.Rejection;
import dev.lakesentry.api.push.SystemTable;
import dev.lakesentry.api.push.WatermarkRange;
import dev.lakesentry.api.store.RawReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Connector health from the extraction registry and the refused pushes: per connector and table the
 * last push, rows, watermark reached and last rejection, and a status. A connector is failing when its
 * latest event for a table is a rejection, lagging when its last accepted push is older than the
 * allowed lag (measured on the host's clock: freshness is about now, not about the data), healthy
 * otherwise.
 */
public final class ConnectorHealthService {
    private final RawReader raw;
    private final Clock clock;
    private final Duration allowedLag;

    public ConnectorHealthService(RawReader raw, Clock clock, Duration allowedLag) {
        this.raw = Objects.requireNonNull(raw, "raw");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.allowedLag = Objects.requireNonNull(allowedLag, "allowedLag");
        if (allowedLag.isNegative() || allowedLag.isZero()) {
            throw new IllegalArgumentException("allowedLag must be positive, was " + allowedLag);
        }
    }

    /** The health of each connector and table of the account, by connector then table. */
    public List<ConnectorHealth> health(String accountId) {
        Map<String, Acc> byKey = new TreeMap<>();
        for (Extraction e : raw.extractions(accountId)) {
            Acc acc = byKey.computeIfAbsent(e.connectorId() + "\u0000" + e.table().name(),
                    k -> new Acc(e.connectorId(), e.table()));
            acc.rows += e.rowsAppended();
            if (acc.lastPush == null || e.receivedAt().isAfter(acc.lastPush)) {
                acc.lastPush = e.receivedAt();
            }
            Instant to = e.watermarkRange().map(WatermarkRange::to).orElse(null);
            if (to != null && (acc.watermark == null || to.isAfter(acc.watermark))) {
                acc.watermark = to;
            }
        }
        for (Rejection r : raw.rejections(accountId)) {
            if (r.table() == null) {
                continue;
            }
            Acc acc = byKey.computeIfAbsent(r.connectorId() + "\u0000" + r.table().name(),
                    k -> new Acc(r.connectorId(), r.table()));
            if (acc.rejection == null || !r.rejectedAt().isBefore(acc.rejection.rejectedAt())) {
                acc.rejection = r;
            }
        }
        Instant now = clock.instant();
        List<ConnectorHealth> out = new ArrayList<>();
        for (Acc a : byKey.values()) {
            HealthStatus status;
            if (a.rejection != null && (a.lastPush == null || !a.rejection.rejectedAt().isBefore(a.lastPush))) {
                status = HealthStatus.FAILING;
            } else if (a.lastPush == null || a.lastPush.plus(allowedLag).isBefore(now)) {
                status = HealthStatus.LAGGING;
            } else {
                status = HealthStatus.HEALTHY;
            }
            out.add(new ConnectorHealth(a.connectorId, accountId, a.table, a.lastPush, a.rows, a.watermark, a.rejection,
                    status));
        }
        out.sort(Comparator.comparing(ConnectorHealth::connectorId).thenComparing(h -> h.table().ordinal()));
        return out;
    }

    private static final class Acc {
        final String connectorId;
        final SystemTable table;
        long rows;
        Instant lastPush;
        Instant watermark;
        Rejection rejection;

        Acc(String connectorId, SystemTable table) {
            this.connectorId = connectorId;
            this.table = table;
        }
    }
}
