package dev.lakesentry.testkit.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lakesentry.api.push.SourceRecord;
import dev.lakesentry.api.push.SystemTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An emulator of the Databricks workspace REST API on {@code 127.0.0.1} (a random free port) that the real
 * {@code databricks-sdk-java} {@code WorkspaceClient} talks to over plain HTTP.
 *
 * <p>It answers the SDK's discovery calls, checks the bearer token, runs SQL statements on an in-memory H2
 * database loaded with system tables ({@link #load(Map)}), keeps clusters, SQL warehouses and jobs as state
 * ({@link #addCluster(Map)}, {@link #addWarehouse(Map)}, {@link #addJob(Map)}), records every call
 * ({@link #calls()}) and injects faults per endpoint ({@link #faults()}).
 *
 * <pre>{@code
 * try (DatabricksEmulator emulator = DatabricksEmulator.builder().rowsPerChunk(2).start()) {
 *     emulator.load(SystemTable.BILLING_USAGE, rows);
 *     WorkspaceClient w = new WorkspaceClient(new DatabricksConfig()
 *             .setHost(emulator.url()).setToken(emulator.token()).setAuthType("pat"));
 *     StatementResponse r = w.statementExecution().executeStatement(new ExecuteStatementRequest()
 *             .setWarehouseId("wh").setStatement("SELECT record_id FROM system.billing.usage"));
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class DatabricksEmulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DatabricksEmulator.class);
    private static final String MALFORMED_BODY = "{\"statement_id\": \"01f0\", \"status\": {\"state\": ";

    private final Clock clock;
    private final String token;
    private final String workspaceId;
    private final String accountId;
    private final ObjectMapper json = new ObjectMapper();
    private final EmulatorSettings settings;
    private final SystemTablesDatabase database;
    private final StatementService statements;
    private final ClusterService clusters;
    private final WarehouseService warehouses;
    private final JobService jobs;
    private final CallLog callLog = new CallLog();
    private final FaultInjector faults = new FaultInjector();
    private final List<Route> routes = new ArrayList<>();
    private final ExecutorService executor;
    private final HttpServer server;

    /** Settings for a new emulator; {@link #start()} opens it. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private String token = "dapi-test";
        private String workspaceId = "1234567890123456";
        private String accountId = "0722779a-fd4e-49c1-a7a6-8417a97cf9ea";
        private int rowsPerChunk = 1000;
        private int pendingPolls;
        private int runningPolls;

        private Builder() {
        }

        /** The clock behind {@code current_timestamp()}, ids and times the emulator sets (default: UTC system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The bearer token every API call must carry (default {@code dapi-test}). */
        public Builder token(String token) {
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("The emulator's token must not be blank");
            }
            this.token = token;
            return this;
        }

        /** The workspace id the discovery call reports (default {@code 1234567890123456}). */
        public Builder workspaceId(String workspaceId) {
            this.workspaceId = Objects.requireNonNull(workspaceId, "workspaceId");
            return this;
        }

        /** The account id the discovery call reports. */
        public Builder accountId(String accountId) {
            this.accountId = Objects.requireNonNull(accountId, "accountId");
            return this;
        }

        /** Rows per result chunk (default 1000). */
        public Builder rowsPerChunk(int rows) {
            this.rowsPerChunk = rows;
            return this;
        }

        /**
         * Makes statements slow: the first {@code pending} observations of each statement (the submit response
         * counts as the first) answer PENDING, the next {@code running} RUNNING, then the final state. Default 0, 0.
         */
        public Builder statementPolls(int pending, int running) {
            this.pendingPolls = pending;
            this.runningPolls = running;
            return this;
        }

        /** Starts the emulator. */
        public DatabricksEmulator start() {
            return new DatabricksEmulator(this);
        }
    }

    private record Route(String method, Pattern path, Handler handler) {
    }

    @FunctionalInterface
    private interface Handler {
        JsonNode handle(ApiRequest request);
    }

    private DatabricksEmulator(Builder builder) {
        this.clock = builder.clock;
        this.token = builder.token;
        this.workspaceId = builder.workspaceId;
        this.accountId = builder.accountId;
        this.settings = new EmulatorSettings(builder.rowsPerChunk, builder.pendingPolls, builder.runningPolls);
        this.database = new SystemTablesDatabase(json);
        this.clusters = new ClusterService(clock, json);
        this.warehouses = new WarehouseService(json);
        this.jobs = new JobService(clock, json);
        this.statements = new StatementService(database, clock, json, settings, warehouses::use);
        registerRoutes();
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "databricks-emulator-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.executor = Executors.newCachedThreadPool(factory);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        } catch (IOException e) {
            database.close();
            executor.shutdownNow();
            throw new IllegalStateException("Could not open the Databricks emulator on 127.0.0.1: " + e.getMessage(), e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::exchange);
        server.start();
        LOG.debug("Databricks emulator listening on {}", url());
    }

    /** A builder with the defaults: token {@code dapi-test}, system clock, 1000 rows per chunk, fast statements. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts an emulator with the defaults of {@link #builder()}. */
    public static DatabricksEmulator start() {
        return builder().start();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:54321}, for {@code DatabricksConfig.setHost}. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** The port the emulator listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The bearer token the emulator expects. */
    public String token() {
        return token;
    }

    // ---- system tables ----

    /** Appends the rows of several tables, e.g. a generated account. */
    public void load(Map<SystemTable, ? extends Collection<SourceRecord>> tables) {
        tables.forEach(this::load);
    }

    /**
     * Appends rows to one table. Values are converted to the column types of {@link SystemTable#columns()}
     * (timestamps as ISO-8601 text or epoch milliseconds, dates as ISO text, nested values as maps, lists or
     * JSON text); columns the table does not declare are ignored.
     *
     * @throws IllegalArgumentException naming the row and column when a value does not convert
     */
    public void load(SystemTable table, Collection<SourceRecord> rows) {
        database.insert(Objects.requireNonNull(table, "table"), Objects.requireNonNull(rows, "rows"));
    }

    /** Removes every row of a table. */
    public void truncate(SystemTable table) {
        database.truncate(table);
    }

    /** The number of rows loaded into a table. */
    public long rowCount(SystemTable table) {
        return database.count(table);
    }

    /** Changes the rows per result chunk for statements submitted from now on. */
    public void setRowsPerChunk(int rows) {
        settings.setRowsPerChunk(rows);
    }

    /** Changes the scripted lifecycle ({@link Builder#statementPolls}) for statements submitted from now on. */
    public void setStatementPolls(int pending, int running) {
        settings.setStatementPolls(pending, running);
    }

    // ---- resources ----

    /**
     * Adds a cluster given as Clusters API fields ({@code cluster_id}, {@code cluster_name}, {@code state},
     * {@code autoscale}, {@code num_workers}, {@code autotermination_minutes}, {@code custom_tags},
     * {@code cluster_source}, …). Defaults: a generated id, state RUNNING, source UI, spark_version
     * {@code 15.4.x-scala2.12}, node type {@code i3.xlarge}, 120 minutes auto-termination, 0 workers.
     *
     * @return the cluster id
     */
    public String addCluster(Map<String, ?> cluster) {
        return clusters.add(cluster);
    }

    /** The cluster as {@code clusters/get} answers it, or empty. */
    public Optional<Map<String, Object>> cluster(String clusterId) {
        return Optional.ofNullable(clusters.snapshot(clusterId)).map(this::toMap);
    }

    /** Every cluster, in the order they were added. */
    public List<Map<String, Object>> clusters() {
        return clusters.snapshots().stream().map(this::toMap).toList();
    }

    /**
     * Adds a SQL warehouse given as Warehouses API fields ({@code id}, {@code name}, {@code state},
     * {@code cluster_size}, {@code auto_stop_mins}, {@code min_num_clusters}, {@code max_num_clusters},
     * {@code enable_serverless_compute}, {@code warehouse_type}, {@code tags}, …). Defaults: a generated id, state
     * RUNNING, size Small, 120 minutes auto-stop, 1..1 clusters, type PRO. Once a warehouse exists, statements
     * must name an existing one, and a statement starts a stopped warehouse.
     *
     * @return the warehouse id
     */
    public String addWarehouse(Map<String, ?> warehouse) {
        return warehouses.add(warehouse);
    }

    /** The warehouse as {@code warehouses/{id}} answers it, or empty. */
    public Optional<Map<String, Object>> warehouse(String warehouseId) {
        return Optional.ofNullable(warehouses.snapshot(warehouseId)).map(this::toMap);
    }

    /** Every warehouse, in the order they were added. */
    public List<Map<String, Object>> warehouses() {
        return warehouses.snapshots().stream().map(this::toMap).toList();
    }

    /**
     * Adds a job given as Jobs API fields: {@code job_id} (optional), {@code creator_user_name},
     * {@code created_time} and {@code settings} (name, schedule with {@code quartz_cron_expression},
     * {@code timezone_id} and {@code pause_status}, tasks, job_clusters, tags, …).
     *
     * @return the job id
     */
    public long addJob(Map<String, ?> job) {
        return jobs.add(job);
    }

    /** The job as {@code jobs/get} answers it, or empty. */
    public Optional<Map<String, Object>> job(long jobId) {
        return Optional.ofNullable(jobs.snapshot(jobId)).map(this::toMap);
    }

    // ---- assertions and faults ----

    /** The log of every call answered. */
    public CallLog calls() {
        return callLog;
    }

    /** The fault rules applied before each call is processed. */
    public FaultInjector faults() {
        return faults;
    }

    /** Stops the server at once (delayed answers in flight are abandoned) and drops the database. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        database.close();
        LOG.debug("Databricks emulator on port {} closed", port());
    }

    private Map<String, Object> toMap(ObjectNode node) {
        return json.convertValue(node, json.getTypeFactory().constructMapType(LinkedHashMap.class, String.class,
                Object.class));
    }

    // ---- HTTP ----

    private void registerRoutes() {
        route("GET", "/\\.well-known/databricks-config", r -> discovery());
        route("GET", "/oidc/\\.well-known/oauth-authorization-server", r -> oidc());

        route("POST", "/api/2\\.0/sql/statements/?", statements::execute);
        route("GET", "/api/2\\.0/sql/statements/([^/]+)", r -> statements.get(r.pathGroup(1)));
        route("GET", "/api/2\\.0/sql/statements/([^/]+)/result/chunks/([^/]+)",
                r -> statements.chunk(r.pathGroup(1), r.pathGroup(2)));
        route("POST", "/api/2\\.0/sql/statements/([^/]+)/cancel", r -> {
            statements.cancel(r.pathGroup(1));
            return json.createObjectNode();
        });

        route("GET", "/api/2\\.[01]/clusters/get", clusters::get);
        route("GET", "/api/2\\.[01]/clusters/list", clusters::list);
        route("POST", "/api/2\\.[01]/clusters/delete", clusters::delete);
        route("POST", "/api/2\\.[01]/clusters/edit", clusters::edit);
        route("POST", "/api/2\\.1/clusters/update", clusters::update);
        route("POST", "/api/2\\.[01]/clusters/resize", clusters::resize);
        route("POST", "/api/2\\.[01]/clusters/start", clusters::start);

        route("GET", "/api/2\\.0/sql/warehouses/?", warehouses::list);
        route("GET", "/api/2\\.0/sql/warehouses/([^/]+)", r -> warehouses.get(r.pathGroup(1)));
        route("POST", "/api/2\\.0/sql/warehouses/([^/]+)/edit", r -> warehouses.edit(r.pathGroup(1), r));
        route("POST", "/api/2\\.0/sql/warehouses/([^/]+)/start", r -> warehouses.start(r.pathGroup(1)));
        route("POST", "/api/2\\.0/sql/warehouses/([^/]+)/stop", r -> warehouses.stop(r.pathGroup(1)));

        route("GET", "/api/2\\.[12]/jobs/get", jobs::get);
        route("GET", "/api/2\\.[12]/jobs/list", jobs::list);
        route("POST", "/api/2\\.[12]/jobs/update", jobs::update);
        route("POST", "/api/2\\.[12]/jobs/reset", jobs::reset);
    }

    private void route(String method, String pathRegex, Handler handler) {
        routes.add(new Route(method, Pattern.compile(pathRegex), handler));
    }

    private JsonNode discovery() {
        ObjectNode out = json.createObjectNode();
        out.put("workspace_id", workspaceId);
        out.put("account_id", accountId);
        out.put("oidc_endpoint", url() + "/oidc");
        return out;
    }

    private JsonNode oidc() {
        ObjectNode out = json.createObjectNode();
        out.put("issuer", url() + "/oidc");
        out.put("authorization_endpoint", url() + "/oidc/v1/authorize");
        out.put("token_endpoint", url() + "/oidc/v1/token");
        return out;
    }

    private record Answer(int status, String body, Integer retryAfterSeconds) {
    }

    private void exchange(HttpExchange exchange) {
        String method = exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
        String path = exchange.getRequestURI().getPath();
        Map<String, List<String>> query = parseQuery(exchange.getRequestURI().getRawQuery());
        String body = "";
        Answer answer;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            answer = answer(exchange, method, path, query, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
            return;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Databricks emulator failed on {} {}: {}", method, path, e.toString());
            answer = new Answer(500, errorBody("INTERNAL_ERROR", "Emulator failure: " + e), null);
        }
        callLog.record(new RecordedCall(clock.instant(), method, path, query, body, answer.status()));
        LOG.debug("{} {} -> {}", method, path, answer.status());
        send(exchange, answer);
    }

    private Answer answer(HttpExchange exchange, String method, String path, Map<String, List<String>> query,
                          String body) throws InterruptedException {
        Optional<Fault> fault = faults.take(method, path);
        if (fault.isPresent()) {
            Fault f = fault.get();
            switch (f.kind()) {
                case ERROR -> {
                    return new Answer(f.status(), errorBody(f.errorCode(), f.message()), f.retryAfterSeconds());
                }
                case MALFORMED_BODY -> {
                    return new Answer(f.status(), MALFORMED_BODY, null);
                }
                case DELAY -> sleep(f.delay());
            }
        }
        boolean discovery = path.startsWith("/.well-known/") || path.startsWith("/oidc/");
        if (!discovery && !authorized(exchange)) {
            return new Answer(401, errorBody("UNAUTHENTICATED", "Invalid access token."), null);
        }
        boolean pathKnown = false;
        for (Route route : routes) {
            Matcher m = route.path().matcher(path);
            if (!m.matches()) {
                continue;
            }
            pathKnown = true;
            if (!route.method().equals(method)) {
                continue;
            }
            try {
                JsonNode out = route.handler().handle(new ApiRequest(method, path, query, body, m, json));
                return new Answer(200, write(out), null);
            } catch (ApiException e) {
                return new Answer(e.status(), errorBody(e.errorCode(), e.getMessage()), null);
            }
        }
        if (pathKnown) {
            return new Answer(405, errorBody("METHOD_NOT_ALLOWED", "Method " + method + " is not allowed on " + path),
                    null);
        }
        return new Answer(404, errorBody("ENDPOINT_NOT_FOUND", "No API found for '" + method + " " + path
                + "' (the Databricks emulator does not implement it)"), null);
    }

    private static void sleep(Duration delay) throws InterruptedException {
        if (!delay.isZero()) {
            Thread.sleep(delay.toMillis());
        }
    }

    private boolean authorized(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        return header != null && header.equals("Bearer " + token);
    }

    private String errorBody(String errorCode, String message) {
        ObjectNode out = json.createObjectNode();
        out.put("error_code", errorCode);
        out.put("message", message);
        return write(out);
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write a response body", e);
        }
    }

    private static void send(HttpExchange exchange, Answer answer) {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        try (exchange; OutputStream out = exchange.getResponseBody()) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            if (answer.retryAfterSeconds() != null) {
                exchange.getResponseHeaders().set("Retry-After", String.valueOf(answer.retryAfterSeconds()));
            }
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            out.write(bytes);
        } catch (IOException e) {
            LOG.debug("Client went away before the answer was sent: {}", e.getMessage());
        }
    }

    private static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return out;
    }
}
