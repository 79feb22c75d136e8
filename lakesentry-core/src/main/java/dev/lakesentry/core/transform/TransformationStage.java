package dev.lakesentry.core.transform;

import dev.lakesentry.api.ledger.TeamMembership;
import dev.lakesentry.api.push.Extraction;
import dev.lakesentry.api.push.SystemTable;
import dev.lakesentry.api.push.ReceiptStatus;
import dev.lakesentry.api.stage.Partition;
import dev.lakesentry.api.stage.RunMode;
import dev.lakesentry.api.stage.Stage;
import dev.lakesentry.api.stage.StageName;
import dev.lakesentry.api.stage.StageOutcome;
import dev.lakesentry.api.stage.StageRequest;
import dev.lakesentry.api.stage.StageResult;
import dev.lakesentry.api.store.LedgerBuilder;
import dev.lakesentry.api.store.LedgerReader;
import dev.lakesentry.api.store.LedgerScope;
import dev.lakesentry.api.store.LedgerStep;
import dev.lakesentry.api.store.RawReader;
import dev.lakesentry.api.store.StageLease;
import dev.lakesentry.api.store.StageLocks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the ledger. An incremental run takes the transformation queue (the usage days touched by
 * extractions past the ledger's build mark; every day when new rows of a reference table arrived,
 * since prices, cluster classes and owners shape every day's rows) and recomputes those partitions; a rebuild truncates the account's ledger and replays all
 * raw data. Either way the steps run in dependency order in one transaction together with the new
 * build mark, under the account's stage lock, so a failed run (returned as a
 * {@link StageOutcome#FAILED} result with its error, and logged) leaves the ledger as it was and a
 * re-run gives the same result.
 */
public final class TransformationStage implements Stage {
    private static final Logger LOG = LoggerFactory.getLogger(TransformationStage.class);

    private final RawReader raw;
    private final LedgerReader ledger;
    private final LedgerBuilder builder;
    private final StageLocks locks;
    private final Clock clock;
    private final Duration correctionHorizon;
    private final List<TeamMembership> memberships;
    private final String owner;

    /**
     * @param correctionHorizon how long after its latest ingestion date a usage day stays provisional
     * @param memberships       principal or pattern to team
     * @param owner             names this process in lock diagnostics
     */
    public TransformationStage(RawReader raw, LedgerReader ledger, LedgerBuilder builder, StageLocks locks, Clock clock,
                               Duration correctionHorizon, List<TeamMembership> memberships, String owner) {
        this.raw = Objects.requireNonNull(raw, "raw");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.builder = Objects.requireNonNull(builder, "builder");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.correctionHorizon = Objects.requireNonNull(correctionHorizon, "correctionHorizon");
        this.memberships = List.copyOf(memberships);
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    @Override
    public StageName name() {
        return StageName.TRANSFORMATION;
    }

    /** The as-of time a run uses by default: the latest billing ingestion date in raw. */
    public Optional<Instant> defaultAsOf(String accountId) {
        return raw.latestIngestionTime(accountId);
    }

    @Override
    public StageResult run(StageRequest request) {
        String account = request.accountId();
        Instant started = clock.instant();
        Optional<StageLease> lease = locks.tryAcquire(account, StageName.TRANSFORMATION, owner);
        if (lease.isEmpty()) {
            LOG.info("Transformation of account '{}' skipped: another process holds its stage lock", account);
            return result(request, List.of(), 0, 0, Map.of(), started, StageOutcome.SKIPPED_LOCKED, null);
        }
        try (StageLease held = lease.get()) {
            long builtThrough = request.mode() == RunMode.REBUILD ? 0 : ledger.builtThroughSequence(account);
            long latest = raw.latestSequence(account);
            if (latest <= builtThrough && request.mode() == RunMode.INCREMENTAL) {
                return result(request, List.of(), 0, 0, Map.of(), started, StageOutcome.NOTHING_TO_DO, null);
            }
            SortedSet<LocalDate> days = daysToRecompute(account, builtThrough);
            Partitions.addDays(request.partitions(), days);
            List<Partition> partitions = Partitions.of(account, days);
            LedgerScope scope = new LedgerScope(account, partitions, request.asOf(), correctionHorizon, memberships);
            Map<String, Long> stepRows = new LinkedHashMap<>();
            long rowsOut = builder.inTransaction(b -> {
                if (request.mode() == RunMode.REBUILD) {
                    b.truncate(account);
                }
                long total = 0;
                for (LedgerStep step : LedgerStep.dependencyOrder()) {
                    long n = b.run(step, scope);
                    stepRows.put(step.name().toLowerCase(java.util.Locale.ROOT), n);
                    total += n;
                }
                b.markBuiltThrough(account, latest);
                return total;
            });
            long rowsIn = raw.extractions(account).stream()
                    .filter(e -> e.sequence() > builtThrough && e.sequence() <= latest)
                    .mapToLong(Extraction::rowsAppended).sum();
            LOG.info("Transformed account '{}' ({}) through extraction {}: {} day(s) in {} partition(s), {} ledger row(s)",
                    account, request.mode(), latest, days.size(), partitions.size(), rowsOut);
            return result(request, partitions, rowsIn, rowsOut, stepRows, started, StageOutcome.SUCCEEDED, null);
        } catch (RuntimeException e) {
            LOG.error("Transformation of account '{}' failed; the ledger is unchanged", account, e);
            String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
            return result(request, List.of(), 0, 0, Map.of(), started, StageOutcome.FAILED, message);
        }
    }

    /**
     * Tables whose rows change how every day's ledger rows look (prices, the classification of usage by
     * cluster, owners and names of work units): new data in any of them recomputes every day, so an
     * incremental run always equals a rebuild.
     */
    private static final java.util.Set<SystemTable> REFERENCE_TABLES = java.util.EnumSet.of(SystemTable.LIST_PRICES,
            SystemTable.WORKSPACES_LATEST, SystemTable.NODE_TYPES, SystemTable.CLUSTERS, SystemTable.WAREHOUSES,
            SystemTable.JOBS, SystemTable.PIPELINES, SystemTable.SERVED_ENTITIES);

    /**
     * The usage days a transformation recomputes for extractions after {@code sequence}: the days they touched, or
     * every day raw holds when one of them brought new rows of a reference table.
     */
    public SortedSet<LocalDate> daysToRecompute(String account, long sequence) {
        SortedSet<LocalDate> days = new TreeSet<>(raw.touchedDaysSince(account, sequence));
        if (sequence > 0 && referenceChanged(account, sequence)) {
            days.addAll(raw.touchedDaysSince(account, 0));
        }
        return days;
    }

    private boolean referenceChanged(String account, long builtThrough) {
        return raw.extractions(account).stream().anyMatch(e -> e.sequence() > builtThrough
                && REFERENCE_TABLES.contains(e.table()) && e.status() == ReceiptStatus.APPENDED);
    }

    private StageResult result(StageRequest request, List<Partition> partitions, long rowsIn, long rowsOut,
                               Map<String, Long> stepRows, Instant started, StageOutcome outcome, String error) {
        return new StageResult(StageName.TRANSFORMATION, request.accountId(), request.asOf(), partitions, rowsIn, rowsOut,
                stepRows, started, clock.instant(), outcome, error);
    }
}
