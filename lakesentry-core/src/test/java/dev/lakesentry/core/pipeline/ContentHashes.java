package dev.lakesentry.core.pipeline;

import dev.lakesentry.api.metrics.CostDimension;
import dev.lakesentry.api.store.Store;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** A content hash of an account's ledger, metrics and insights, to compare two runs row for row. */
public final class ContentHashes {
    static final LocalDate FROM = LocalDate.of(2000, 1, 1);
    static final LocalDate TO = LocalDate.of(2100, 1, 1);
    static final Instant START = Instant.parse("2000-01-01T00:00:00Z");
    static final Instant END = Instant.parse("2100-01-01T00:00:00Z");

    private ContentHashes() {
    }

    public static String ledger(Store s, String account) {
        var l = s.ledgerReader();
        return hash(List.of(l.workspaces(account), l.warehouses(account), l.skuPrices(account), l.nodeTypes(account),
                l.identities(account), l.clusters(account), l.workUnits(account), l.runs(account, START, END),
                l.usage(account, FROM, TO), l.warehouseUptime(account, START, END), l.queries(account, START, END),
                l.utilisation(account, START, END), l.servingRequests(account, FROM, TO)));
    }

    public static String metrics(Store s, String account) {
        var m = s.metricsReader();
        List<Object> parts = new ArrayList<>();
        parts.add(m.allocations(account, FROM, TO));
        for (CostDimension d : CostDimension.values()) {
            parts.add(m.dailyCosts(account, d, FROM, TO));
        }
        return hash(parts);
    }

    public static String insights(Store s, String account) {
        return hash(List.of(s.insightReader().insights(account), s.planReader().plans(account)));
    }

    private static String hash(List<?> parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Object part : parts) {
                for (Object row : (List<?>) part) {
                    sha.update(row.toString().getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) '\n');
                }
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
