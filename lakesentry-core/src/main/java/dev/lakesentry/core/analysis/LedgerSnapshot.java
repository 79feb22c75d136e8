package dev.lakesentry.core.analysis;

import dev.lakesentry.api.ledger.ClusterVersion;
import dev.lakesentry.api.ledger.Identity;
import dev.lakesentry.api.ledger.QueryRecord;
import dev.lakesentry.api.ledger.UsageLineItem;
import dev.lakesentry.api.ledger.WorkUnit;
import dev.lakesentry.api.ledger.WorkUnitRef;
import dev.lakesentry.api.ledger.WorkUnitRun;
import dev.lakesentry.api.spi.AttributionContext;
import dev.lakesentry.api.store.LedgerReader;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ledger data attribution needs for a range of days, read once: usage, work units, identities,
 * cluster versions, queries and runs (one day either side, for work spanning midnight).
 */
final class LedgerSnapshot implements AttributionContext {
    final String accountId;
    final List<UsageLineItem> usage;
    final List<QueryRecord> queries;
    final List<WorkUnitRun> runs;
    final Map<WorkUnitRef, WorkUnit> workUnits = new HashMap<>();
    final Map<String, String> teams = new HashMap<>();
    final Map<String, ClusterVersion> latestClusterVersion = new HashMap<>();

    LedgerSnapshot(LedgerReader ledger, String accountId, LocalDate from, LocalDate to) {
        this.accountId = accountId;
        this.usage = ledger.usage(accountId, from, to);
        var start = from.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        var end = to.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
        this.queries = ledger.queries(accountId, start, end);
        this.runs = ledger.runs(accountId, start, end);
        for (WorkUnit w : ledger.workUnits(accountId)) {
            workUnits.put(w.ref(), w);
        }
        for (Identity i : ledger.identities(accountId)) {
            if (i.team() != null) {
                teams.put(i.principal().toLowerCase(java.util.Locale.ROOT), i.team());
            }
        }
        for (ClusterVersion c : ledger.clusters(accountId)) {
            latestClusterVersion.merge(c.workspaceId() + "/" + c.clusterId(), c,
                    (a, b) -> a.validFrom().isAfter(b.validFrom()) ? a : b);
        }
    }

    @Override
    public String accountId() {
        return accountId;
    }

    @Override
    public Optional<WorkUnit> workUnit(UsageLineItem item) {
        return item.workUnit() == null ? Optional.empty() : Optional.ofNullable(workUnits.get(item.workUnit()));
    }

    @Override
    public Optional<String> teamOf(String principal) {
        return principal == null ? Optional.empty()
                : Optional.ofNullable(teams.get(principal.toLowerCase(java.util.Locale.ROOT)));
    }

    Optional<ClusterVersion> cluster(String workspaceId, String clusterId) {
        return Optional.ofNullable(latestClusterVersion.get(workspaceId + "/" + clusterId));
    }
}
