package dev.lakesentry.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.lakesentry.api.StoreException;
import dev.lakesentry.api.store.ActionReader;
import dev.lakesentry.api.store.ActionWriter;
import dev.lakesentry.api.store.InsightReader;
import dev.lakesentry.api.store.InsightWriter;
import dev.lakesentry.api.store.LedgerReader;
import dev.lakesentry.api.store.LedgerWriter;
import dev.lakesentry.api.store.MetricsReader;
import dev.lakesentry.api.store.MetricsWriter;
import dev.lakesentry.api.store.PlanReader;
import dev.lakesentry.api.store.PlanWriter;
import dev.lakesentry.api.store.RawReader;
import dev.lakesentry.api.store.RawWriter;
import dev.lakesentry.api.store.ReviewReader;
import dev.lakesentry.api.store.ReviewWriter;
import dev.lakesentry.api.store.LedgerBuilder;
import dev.lakesentry.api.store.MetricBuilder;
import dev.lakesentry.store.jdbc.analysis.JdbcMetricBuilder;
import dev.lakesentry.api.store.StageLocks;
import dev.lakesentry.api.store.StageRunLog;
import dev.lakesentry.store.jdbc.ops.JdbcStageRunLog;
import dev.lakesentry.api.store.TokenStore;
import dev.lakesentry.store.jdbc.auth.JdbcTokenStore;
import dev.lakesentry.store.jdbc.transform.JdbcLedgerBuilder;
import dev.lakesentry.api.store.Store;
import dev.lakesentry.store.jdbc.analysis.JdbcInsightReader;
import dev.lakesentry.store.jdbc.analysis.JdbcInsightWriter;
import dev.lakesentry.store.jdbc.analysis.JdbcMetricsReader;
import dev.lakesentry.store.jdbc.analysis.JdbcMetricsWriter;
import dev.lakesentry.store.jdbc.analysis.JdbcPlanReader;
import dev.lakesentry.store.jdbc.analysis.JdbcPlanWriter;
import dev.lakesentry.store.jdbc.execution.JdbcActionReader;
import dev.lakesentry.store.jdbc.execution.JdbcActionWriter;
import dev.lakesentry.store.jdbc.ingest.JdbcRawReader;
import dev.lakesentry.store.jdbc.ingest.JdbcRawWriter;
import dev.lakesentry.store.jdbc.internal.Db;
import dev.lakesentry.store.jdbc.internal.Dialect;
import dev.lakesentry.store.jdbc.internal.JdbcStageLocks;
import dev.lakesentry.store.jdbc.review.JdbcReviewReader;
import dev.lakesentry.store.jdbc.review.JdbcReviewWriter;
import dev.lakesentry.store.jdbc.transform.JdbcLedgerReader;
import dev.lakesentry.store.jdbc.transform.JdbcLedgerWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LakeSentry store over JDBC: Jdbi over a HikariCP pool, its schema migrated by Flyway at start-up, on H2
 * (embedded, the default), PostgreSQL (production) or MariaDB. Thread-safe; build one per database and
 * close it when done.
 *
 * <pre>{@code
 * try (JdbcStore store = JdbcStore.embedded(Path.of("data"))) { ... }
 * JdbcStore pg = JdbcStore.connect(JdbcStoreConfig.builder("jdbc:postgresql://db/lakesentry")
 *         .user("lakesentry").password(secret).build());
 * }</pre>
 *
 * @since 0.1.0
 */
public final class JdbcStore implements Store {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcStore.class);

    private final JdbcStoreConfig config;
    private final HikariDataSource dataSource;
    private final Db db;
    private final boolean inMemoryH2;
    private final AtomicBoolean closed = new AtomicBoolean();

    private final RawReader rawReader;
    private final RawWriter rawWriter;
    private final LedgerReader ledgerReader;
    private final LedgerWriter ledgerWriter;
    private final MetricsReader metricsReader;
    private final MetricsWriter metricsWriter;
    private final InsightReader insightReader;
    private final InsightWriter insightWriter;
    private final PlanReader planReader;
    private final PlanWriter planWriter;
    private final ReviewReader reviewReader;
    private final ReviewWriter reviewWriter;
    private final ActionReader actionReader;
    private final ActionWriter actionWriter;
    private final JdbcStageLocks stageLocks;
    private final LedgerBuilder ledgerBuilder;
    private final MetricBuilder metricBuilder;
    private final TokenStore tokens;
    private final StageRunLog stageRunLog;

    private JdbcStore(JdbcStoreConfig config) {
        this.config = config;
        Dialect dialect = Dialect.forUrl(config.url());
        this.inMemoryH2 = config.url().startsWith("jdbc:h2:mem:");
        this.dataSource = pool(config, dialect);
        try {
            migrate(config, dialect, dataSource);
            this.db = new Db(dataSource, dialect, config.maskedUrl());
            this.rawReader = new JdbcRawReader(db);
            this.rawWriter = new JdbcRawWriter(db);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        this.ledgerReader = new JdbcLedgerReader(db);
        this.ledgerWriter = new JdbcLedgerWriter(db);
        this.metricsReader = new JdbcMetricsReader(db);
        this.metricsWriter = new JdbcMetricsWriter(db);
        this.insightReader = new JdbcInsightReader(db);
        this.insightWriter = new JdbcInsightWriter(db);
        this.planReader = new JdbcPlanReader(db);
        this.planWriter = new JdbcPlanWriter(db);
        this.reviewReader = new JdbcReviewReader(db);
        this.reviewWriter = new JdbcReviewWriter(db);
        this.actionReader = new JdbcActionReader(db);
        this.actionWriter = new JdbcActionWriter(db);
        this.stageLocks = new JdbcStageLocks(db);
        this.ledgerBuilder = new JdbcLedgerBuilder(db);
        this.metricBuilder = new JdbcMetricBuilder(db);
        this.tokens = new JdbcTokenStore(db);
        this.stageRunLog = new JdbcStageRunLog(db);
    }

    /**
     * The embedded store: an H2 database in file mode in {@code dir} (created if missing), pure Java, no server.
     * Only one process can open it at a time.
     */
    public static JdbcStore embedded(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreException("Cannot create the embedded store's directory " + dir + ": " + e.getMessage(), e);
        }
        // WRITE_DELAY=0: H2 has no redo log and by default writes committed changes up to 500 ms later, so a
        // killed process lost its last commits (a transformation's ledger without its run-log record, say).
        return connect(JdbcStoreConfig.builder("jdbc:h2:file:" + dir.toAbsolutePath().resolve("lakesentry")
                + ";WRITE_DELAY=0").build());
    }

    /** An H2 database in memory, for tests; it lives until the store is closed. */
    public static JdbcStore inMemory(String name) {
        if (name == null || !name.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("In-memory store name must be letters, digits, '-' or '_', was '" + name + "'");
        }
        return connect(JdbcStoreConfig.builder("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1").build());
    }

    /**
     * A store on the configured database; the URL picks the dialect (H2, PostgreSQL, MariaDB/MySQL).
     *
     * @throws StoreException naming the URL (password masked) and the cause when the database cannot be
     *                        reached or migrated
     */
    public static JdbcStore connect(JdbcStoreConfig config) {
        return new JdbcStore(config);
    }

    private static HikariDataSource pool(JdbcStoreConfig config, Dialect dialect) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(config.url());
        hc.setUsername(config.user());
        hc.setPassword(config.password());
        hc.setMaximumPoolSize(config.poolSize());
        hc.setConnectionTimeout(config.connectionTimeout().toMillis());
        hc.setInitializationFailTimeout(config.connectionTimeout().toMillis());
        hc.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        hc.setPoolName("lakesentry-store");
        if (config.schema() != null) {
            dialect.useSchema(hc, config.schema());
        }
        dialect.configure(hc);
        try {
            return new HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw new StoreException("Cannot connect to " + config.maskedUrl() + " as user " + config.user() + ": "
                    + rootMessage(e), null, null, e);
        }
    }

    private static void migrate(JdbcStoreConfig config, Dialect dialect, HikariDataSource ds) {
        try {
            var fluent = Flyway.configure(JdbcStore.class.getClassLoader())
                    .dataSource(ds)
                    .locations(dialect.migrationLocations().toArray(String[]::new))
                    .placeholders(dialect.placeholders())
                    .table("store_schema_history");
            if (config.schema() != null) {
                fluent = fluent.schemas(config.schema()).defaultSchema(config.schema()).createSchemas(true);
            }
            MigrateResult result = fluent.load().migrate();
            LOG.info("LakeSentry store on {} ({}): schema at version {}, {} migration(s) applied", config.maskedUrl(),
                    dialect.id(), result.targetSchemaVersion, result.migrationsExecuted);
        } catch (FlywayException e) {
            throw new StoreException("Cannot migrate the LakeSentry schema on " + config.maskedUrl() + ": "
                    + rootMessage(e), null, null, e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            sb.append(" <- ").append(t.getMessage());
        }
        return sb.toString();
    }

    @Override
    public RawReader rawReader() {
        return rawReader;
    }

    @Override
    public RawWriter rawWriter() {
        return rawWriter;
    }

    @Override
    public LedgerReader ledgerReader() {
        return ledgerReader;
    }

    @Override
    public LedgerWriter ledgerWriter() {
        return ledgerWriter;
    }

    @Override
    public MetricsReader metricsReader() {
        return metricsReader;
    }

    @Override
    public MetricsWriter metricsWriter() {
        return metricsWriter;
    }

    @Override
    public InsightReader insightReader() {
        return insightReader;
    }

    @Override
    public InsightWriter insightWriter() {
        return insightWriter;
    }

    @Override
    public PlanReader planReader() {
        return planReader;
    }

    @Override
    public PlanWriter planWriter() {
        return planWriter;
    }

    @Override
    public ReviewReader reviewReader() {
        return reviewReader;
    }

    @Override
    public ReviewWriter reviewWriter() {
        return reviewWriter;
    }

    @Override
    public ActionReader actionReader() {
        return actionReader;
    }

    @Override
    public ActionWriter actionWriter() {
        return actionWriter;
    }

    @Override
    public LedgerBuilder ledgerBuilder() {
        return ledgerBuilder;
    }

    @Override
    public MetricBuilder metricBuilder() {
        return metricBuilder;
    }

    @Override
    public TokenStore tokens() {
        return tokens;
    }

    @Override
    public StageLocks stageLocks() {
        return stageLocks;
    }

    @Override
    public StageRunLog stageRunLog() {
        return stageRunLog;
    }

    /** The dialect's id: {@code h2}, {@code postgresql} or {@code mariadb}. */
    public String dialect() {
        return db.dialect().id();
    }

    /**
     * The pool, for tools that need plain JDBC on the store's database (benchmarks, checks) and for the
     * pipeline's scheduler, whose {@code scheduled_tasks} table the store's migrations create.
     */
    public javax.sql.DataSource dataSource() {
        return dataSource;
    }

    @Override
    public String describe() {
        return "JdbcStore[" + db.dialect().id() + ", " + config.maskedUrl()
                + (config.schema() == null ? "" : ", schema " + config.schema()) + "]";
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            stageLocks.releaseAll();
            if (inMemoryH2) {
                try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN");
                } catch (SQLException e) {
                    LOG.warn("Could not shut down the in-memory H2 database of {}: {}", describe(), e.getMessage());
                }
            }
        } finally {
            dataSource.close();
        }
    }

    @Override
    public String toString() {
        return describe();
    }
}
