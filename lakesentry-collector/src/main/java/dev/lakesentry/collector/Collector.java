package dev.lakesentry.collector;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import dev.lakesentry.api.ExternalServiceException;
import dev.lakesentry.api.push.ColumnType;
import dev.lakesentry.api.push.ExtractionMode;
import dev.lakesentry.api.push.PushEnvelope;
import dev.lakesentry.api.push.PushReceipt;
import dev.lakesentry.api.push.SourceRecord;
import dev.lakesentry.api.push.SystemTable;
import dev.lakesentry.api.push.WatermarkRange;
import dev.lakesentry.collector.checkpoint.Checkpoint;
import dev.lakesentry.collector.checkpoint.CheckpointStore;
import dev.lakesentry.collector.checkpoint.FileCheckpointStore;
import dev.lakesentry.collector.checkpoint.SavedBatch;
import dev.lakesentry.collector.push.PushClient;
import dev.lakesentry.collector.push.RetryPolicy;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connector: reads its system tables from one Databricks region and pushes them to ingestion.
 *
 * <p>A run first re-sends the batches saved but not acknowledged by earlier runs, exactly as saved. Then,
 * per table, it reads from the checkpoint minus the table's overlap (incremental tables) or the whole
 * table (snapshots and first loads), parses the values, cuts the records into batches, saves every batch,
 * and pushes them in order; each acknowledgement advances the checkpoint. A table that fails is reported
 * and retried on the next run; the other tables go on.
 *
 * <pre>{@code
 * CollectorConfig config = CollectorConfig.builder()
 *         .host("https://dbc-1234.cloud.databricks.com").token(Secret.env("DATABRICKS_TOKEN"))
 *         .warehouseId("ec58ee3772e8d305").connectorId("us-east").accountId(accountId).primary(true)
 *         .stateDirectory(Path.of("/var/lib/lakesentry/collector")).build();
 * try (Collector collector = Collector.builder(config)
 *         .pushClient(new InProcessPushClient(lakeSentry.ingestion(), collectorToken)).build()) {
 *     RunReport report = collector.runOnce();   // or collector.start() to run every 15 minutes
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Collector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Collector.class);
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final CollectorConfig config;
    private final PushClient pushClient;
    private final CheckpointStore store;
    private final Clock clock;
    private final RetryPolicy retry;
    private final String databricksToken;
    private final StatusFile statusFile;
    private final SecureRandom random = new SecureRandom();
    private final ReentrantLock runLock = new ReentrantLock();
    private final Map<SystemTable, TableHealth> health = new EnumMap<>(SystemTable.class);
    private WorkspaceClient client;
    private StatementReader reader;
    private ScheduledExecutorService scheduler;
    private boolean closed;

    private Collector(Builder b) {
        this.config = b.config;
        this.pushClient = Objects.requireNonNull(b.pushClient, "a PushClient is required (InProcessPushClient or HttpPushClient)");
        this.clock = b.clock;
        this.retry = b.retry;
        this.store = b.store != null ? b.store : new FileCheckpointStore(config.stateDirectory());
        this.client = b.client;
        this.databricksToken = b.client != null ? null : config.token().resolve(b.environment);
        this.statusFile = new StatusFile(config.stateDirectory(), config.connectorId());
        for (SystemTable t : config.tables()) {
            TableHealth h = TableHealth.initial(t);
            Optional<Checkpoint> cp = store.checkpoint(config.connectorId(), t);
            if (cp.isPresent()) {
                h = new TableHealth(t, null, cp.get().extractionId(), 0, cp.get().watermark(), null, null, null, false);
            }
            health.put(t, h);
        }
    }

    /** A builder for a connector with this configuration. */
    public static Builder builder(CollectorConfig config) {
        return new Builder(config);
    }

    /** The configuration. */
    public CollectorConfig config() {
        return config;
    }

    /** The collector's own view of each table's health, in table order. */
    public Map<SystemTable, TableHealth> health() {
        synchronized (health) {
            return Map.copyOf(health);
        }
    }

    /** Where the status file is written after every run. */
    public java.nio.file.Path statusFile() {
        return statusFile.path();
    }

    /**
     * Runs once: re-sends pending batches, then collects every configured table. Never throws for a table
     * that fails; the report says which did. Runs never overlap: a call waits for a running one.
     */
    public RunReport runOnce() {
        runLock.lock();
        try {
            return run();
        } finally {
            runLock.unlock();
        }
    }

    /**
     * Runs now and then every {@link CollectorConfig#schedule()} (after the previous run finished) on a
     * thread this collector owns, until {@link #close()}.
     *
     * @throws IllegalStateException when already started or closed
     */
    public synchronized void start() {
        if (scheduler != null || closed) {
            throw new IllegalStateException("Collector " + config.connectorId() + " is already scheduled or closed");
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lakesentry-collector-" + config.connectorId());
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::scheduledRun, 0, config.schedule().toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Collector {} scheduled every {}", config.connectorId(), config.schedule());
    }

    /** Stops the schedule, letting a run in progress finish (up to 60 seconds). */
    @Override
    public synchronized void close() {
        closed = true;
        if (scheduler == null) {
            return;
        }
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(60, TimeUnit.SECONDS)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void scheduledRun() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.error("Collector {} run failed: {}", config.connectorId(), e.getMessage(), e);
        }
    }

    private RunReport run() {
        Instant startedAt = clock.instant();
        List<SavedBatch> pending;
        try {
            pending = store.pending(config.connectorId());
        } catch (RuntimeException e) {
            LOG.error("Collector {} cannot read its saved batches: {}", config.connectorId(), e.getMessage());
            throw e;
        }
        Map<SystemTable, List<SavedBatch>> pendingByTable = new EnumMap<>(SystemTable.class);
        pending.forEach(b -> pendingByTable.computeIfAbsent(b.table(), t -> new ArrayList<>()).add(b));
        Set<SystemTable> tables = EnumSet.noneOf(SystemTable.class);
        tables.addAll(config.tables());
        tables.addAll(pendingByTable.keySet());
        List<TableReport> reports = new ArrayList<>();
        for (SystemTable table : tables) {
            reports.add(collect(table, pendingByTable.getOrDefault(table, List.of())));
        }
        Instant finishedAt = clock.instant();
        synchronized (health) {
            statusFile.write(config, finishedAt, new EnumMap<>(health).values());
        }
        RunReport report = new RunReport(config.connectorId(), startedAt, finishedAt, reports);
        LOG.info("Collector {} run finished: {} table(s), {} row(s) read, {} failed", config.connectorId(),
                reports.size(), report.rowsRead(),
                reports.stream().filter(r -> r.outcome() == TableReport.Outcome.FAILED).count());
        return report;
    }

    /** Counters of one table's run. */
    private static final class Tally {
        int pushed;
        int resent;
        int repeats;
        long appended;
        final List<String> ids = new ArrayList<>();
    }

    private TableReport collect(SystemTable table, List<SavedBatch> pending) {
        Tally tally = new Tally();
        long rowsRead = 0;
        try {
            for (SavedBatch batch : pending) {
                LOG.info("Re-sending saved batch {} of {} (saved {})", batch.extractionId(), table.fullName(),
                        batch.savedAt());
                push(batch, tally);
                tally.resent++;
            }
            if (!config.tables().contains(table)) {
                return report(table, TableReport.Outcome.SKIPPED, 0, tally, null);
            }
            Instant asOf = clock.instant();
            Optional<Checkpoint> checkpoint = store.checkpoint(config.connectorId(), table);
            Optional<Instant> watermark = checkpoint.flatMap(Checkpoint::watermarkValue);
            SystemTableQueries.Query query = table.mode() == ExtractionMode.INCREMENTAL && watermark.isPresent()
                    ? SystemTableQueries.since(table, watermark.get().minus(config.overlap(table)))
                    : SystemTableQueries.full(table);
            StatementReader.Result result = reader().run(query);
            List<SourceRecord> records = RowParser.parse(table, result.columns(), result.rows());
            rowsRead = records.size();
            List<SavedBatch> batches = cut(table, query.from(), records, asOf);
            for (SavedBatch batch : batches) {
                store.save(batch);
            }
            for (SavedBatch batch : batches) {
                push(batch, tally);
                tally.pushed++;
            }
            Instant reached = store.checkpoint(config.connectorId(), table).flatMap(Checkpoint::watermarkValue).orElse(null);
            Duration lag = reached == null ? null : Duration.between(reached, asOf);
            synchronized (health) {
                health.put(table, health.getOrDefault(table, TableHealth.initial(table)).succeeded(clock.instant(),
                        tally.ids.isEmpty() ? null : tally.ids.get(tally.ids.size() - 1), rowsRead, reached, lag));
            }
            LOG.info("Collected {}: {} row(s) read{}, {} batch(es) pushed, {} re-sent, watermark {}, lag {}",
                    table.fullName(), rowsRead, query.from() == null ? "" : " from " + query.from(), tally.pushed,
                    tally.resent, reached, lag);
            return report(table, TableReport.Outcome.COLLECTED, rowsRead, tally, null);
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
            synchronized (health) {
                health.put(table, health.getOrDefault(table, TableHealth.initial(table)).failed(clock.instant(), message));
            }
            LOG.error("Collecting {} failed: {}", table.fullName(), message);
            LOG.debug("Collecting {} failed", table.fullName(), e);
            return report(table, TableReport.Outcome.FAILED, rowsRead, tally, message);
        }
    }

    private TableReport report(SystemTable table, TableReport.Outcome outcome, long rowsRead, Tally tally, String error) {
        Instant watermark = store.checkpoint(config.connectorId(), table).flatMap(Checkpoint::watermarkValue).orElse(null);
        TableHealth h;
        synchronized (health) {
            h = health.get(table);
        }
        return new TableReport(table, outcome, rowsRead, tally.pushed, tally.resent, tally.repeats, tally.appended,
                watermark, h == null ? null : h.lag(), tally.ids, error);
    }

    private void push(SavedBatch batch, Tally tally) {
        PushEnvelope envelope = batch.envelope();
        PushReceipt receipt = pushClient.push(envelope, batch.json());
        if (!receipt.extractionId().equals(batch.extractionId()) || !receipt.checksum().equals(batch.checksum())) {
            throw new ExternalServiceException("Ingestion acknowledged " + receipt.extractionId() + " with checksum "
                    + receipt.checksum() + " for push " + batch.extractionId() + " with checksum " + batch.checksum()
                    + "; the batch stays saved and is re-sent next run", null);
        }
        store.acknowledge(batch, clock.instant());
        tally.ids.add(batch.extractionId());
        tally.appended += receipt.rowsAppended();
        if (receipt.alreadyIngested()) {
            tally.repeats++;
        }
        LOG.debug("Push {} of {} acknowledged: {} record(s), {} row(s) appended{}", batch.extractionId(),
                batch.table().fullName(), receipt.recordCount(), receipt.rowsAppended(),
                receipt.alreadyIngested() ? " (already ingested)" : "");
    }

    /** Cuts the records into saved batches with fresh extraction ids. Snapshots are never split. */
    private List<SavedBatch> cut(SystemTable table, Instant from, List<SourceRecord> records, Instant asOf) {
        String base = config.connectorId() + "." + table.fullName().substring("system.".length()) + "."
                + ID_TIME.format(asOf) + "." + HexFormat.of().formatHex(randomBytes());
        List<SavedBatch> out = new ArrayList<>();
        if (table.mode() == ExtractionMode.SNAPSHOT) {
            if (records.size() > config.batchSize()) {
                LOG.warn("Snapshot of {} has {} records, more than batch-size {}; it is pushed whole so ingestion "
                        + "sees the complete state", table.fullName(), records.size(), config.batchSize());
            }
            out.add(SavedBatch.of(PushEnvelope.create(base + ".0", config.connectorId(), config.accountId(), table, null,
                    records), 0, asOf));
            return out;
        }
        String column = table.watermarkColumn().orElseThrow();
        boolean date = table.column(column).orElseThrow().type() == ColumnType.DATE;
        for (int start = 0, part = 0; start < records.size(); start += config.batchSize(), part++) {
            List<SourceRecord> slice = records.subList(start, Math.min(records.size(), start + config.batchSize()));
            Instant to = null;
            for (SourceRecord r : slice) {
                Instant w = watermarkOf(r, column, date);
                to = to == null || w.isAfter(to) ? w : to;
            }
            PushEnvelope envelope = PushEnvelope.create(base + "." + part, config.connectorId(), config.accountId(),
                    table, new WatermarkRange(from, to), slice);
            out.add(SavedBatch.of(envelope, part, asOf));
        }
        return out;
    }

    private static Instant watermarkOf(SourceRecord r, String column, boolean date) {
        String text = r.text(column).orElseThrow(() -> new ExternalServiceException("A row of the result has no "
                + column + " (the watermark column)", null));
        return date ? LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC) : Instant.parse(text);
    }

    private byte[] randomBytes() {
        byte[] b = new byte[4];
        random.nextBytes(b);
        return b;
    }

    private synchronized StatementReader reader() {
        if (reader == null) {
            if (client == null) {
                client = new WorkspaceClient(new DatabricksConfig()
                        .setHost(config.host())
                        .setToken(databricksToken)
                        .setAuthType("pat")
                        .setDebugHeaders(false)
                        .setHttpTimeoutSeconds((int) Math.min(Integer.MAX_VALUE, config.httpTimeout().toSeconds())));
            }
            reader = new StatementReader(client, config.warehouseId(), config.waitTimeout(), config.pollInterval(),
                    config.statementTimeout(), retry);
        }
        return reader;
    }

    @Override
    public String toString() {
        return "Collector[" + config.connectorId() + ", account " + config.accountId() + ", primary " + config.primary()
                + ", " + config.tables().size() + " table(s)]";
    }

    /** Assembles a {@link Collector}. */
    public static final class Builder {
        private final CollectorConfig config;
        private PushClient pushClient;
        private CheckpointStore store;
        private Clock clock = Clock.systemUTC();
        private RetryPolicy retry = RetryPolicy.defaults();
        private WorkspaceClient client;
        private Function<String, String> environment = System::getenv;

        private Builder(CollectorConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /** Where batches go (required): {@code InProcessPushClient} or {@code HttpPushClient}. */
        public Builder pushClient(PushClient pushClient) {
            this.pushClient = Objects.requireNonNull(pushClient, "pushClient");
            return this;
        }

        /** Where checkpoints and saved batches live (default: files under the state directory). */
        public Builder checkpointStore(CheckpointStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /** The clock for as-of times, extraction ids and health (default UTC system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Retries of Databricks calls that fail with 429, 5xx or I/O errors, on top of the SDK's own; also
         * paces statement polling (default {@link RetryPolicy#defaults()}).
         */
        public Builder retry(RetryPolicy retry) {
            this.retry = Objects.requireNonNull(retry, "retry");
            return this;
        }

        /** A ready SDK client to use instead of one built from the configuration's host and token. */
        public Builder workspaceClient(WorkspaceClient client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        /** How environment variables are looked up for {@code token.env} (default {@code System::getenv}). */
        public Builder environment(Function<String, String> environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /**
         * The collector. Reads the token now, so a missing variable or file fails here; Databricks is first
         * contacted by the first run.
         *
         * @throws dev.lakesentry.api.ConfigurationException when the token cannot be read
         */
        public Collector build() {
            return new Collector(this);
        }
    }
}
