package dev.lakesentry.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lakesentry.api.AuthenticationException;
import dev.lakesentry.api.ConflictException;
import dev.lakesentry.api.Problem;
import dev.lakesentry.api.ValidationException;
import dev.lakesentry.api.push.BearerToken;
import dev.lakesentry.api.push.ConnectorHealth;
import dev.lakesentry.api.push.IngestionSink;
import dev.lakesentry.api.push.PushEnvelope;
import dev.lakesentry.api.push.PushReceipt;
import dev.lakesentry.core.ingest.CollectorTokens;
import dev.lakesentry.core.ingest.ConnectorHealthService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of ingestion, on the JDK's {@code com.sun.net.httpserver} (no extra dependency; the
 * endpoint is two routes with small, bounded bodies).
 *
 * <ul>
 *   <li>{@code POST /api/v1/ingest} with {@code Authorization: Bearer <collector token>} and a JSON
 *       envelope ({@link PushEnvelope#toJson()}), optionally {@code Content-Encoding: gzip}: 201 with the
 *       receipt for a new push, 200 with the original receipt for a repeat, 400 with the problem list,
 *       401, 409 for a conflicting re-use of an extraction id, 413 over the size limit (counted after
 *       decompression).</li>
 *   <li>{@code GET /api/v1/status} with the same token: the connector health of the token's account.</li>
 * </ul>
 * A 5xx body carries only a reference id; the details go to the log. Tokens never reach a log line or
 * a response.
 */
public final class IngestionEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IngestionEndpoint.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final IngestionSink sink;
    private final CollectorTokens tokens;
    private final ConnectorHealthService health;
    private final long maxBodyBytes;
    private final EnvelopeJson envelopes;
    private final ObjectMapper json = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private IngestionEndpoint(Builder b) throws IOException {
        this.sink = Objects.requireNonNull(b.sink, "an IngestionSink is required");
        this.tokens = Objects.requireNonNull(b.tokens, "CollectorTokens are required");
        this.health = Objects.requireNonNull(b.health, "a ConnectorHealthService is required");
        this.maxBodyBytes = b.maxBodyBytes;
        this.envelopes = new EnvelopeJson((int) Math.min(Integer.MAX_VALUE, b.maxBodyBytes));
        this.server = HttpServer.create(new InetSocketAddress(b.address, b.port), 64);
        this.executor = Executors.newFixedThreadPool(b.threads, r -> {
            Thread t = new Thread(r, "lakesentry-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/api/v1/ingest", this::ingest);
        server.createContext("/api/v1/status", this::status);
        server.createContext("/", ex -> send(ex, 404, error("not_found", "No such endpoint: " + ex.getRequestURI().getPath())));
        server.start();
        LOG.info("LakeSentry ingestion endpoint listening on {}", uri());
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The endpoint's base URI, e.g. {@code http://127.0.0.1:43127}. */
    public URI uri() {
        InetSocketAddress a = server.getAddress();
        return URI.create("http://" + a.getAddress().getHostAddress() + ":" + a.getPort());
    }

    /** Stops accepting requests, lets running ones finish (up to 5 seconds) and releases the port. */
    @Override
    public void close() {
        server.stop(1);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        LOG.info("LakeSentry ingestion endpoint on {} stopped", uri());
    }

    private void ingest(HttpExchange ex) throws IOException {
        try (ex) {
            if (!"POST".equals(ex.getRequestMethod())) {
                ex.getResponseHeaders().add("Allow", "POST");
                send(ex, 405, error("method_not_allowed", "Use POST for " + ex.getRequestURI().getPath()));
                return;
            }
            try {
                BearerToken token = token(ex);
                byte[] body = readBody(ex);
                PushEnvelope envelope = envelopes.parse(body);
                PushReceipt receipt = sink.push(envelope, token);
                send(ex, receipt.alreadyIngested() ? 200 : 201, receiptJson(receipt));
            } catch (TooLarge e) {
                drain(ex);
                send(ex, 413, error("too_large", "The push exceeds " + maxBodyBytes
                        + " bytes (after decompression); send smaller batches"));
            } catch (AuthenticationException e) {
                ex.getResponseHeaders().add("WWW-Authenticate", "Bearer");
                send(ex, 401, error("unauthenticated", e.getMessage()));
            } catch (ValidationException e) {
                send(ex, 400, problems(e));
            } catch (ConflictException e) {
                send(ex, 409, error("conflict", e.getMessage()));
            } catch (RuntimeException | Error e) {
                internal(ex, e);
            }
        }
    }

    private void status(HttpExchange ex) throws IOException {
        try (ex) {
            if (!"GET".equals(ex.getRequestMethod())) {
                ex.getResponseHeaders().add("Allow", "GET");
                send(ex, 405, error("method_not_allowed", "Use GET for " + ex.getRequestURI().getPath()));
                return;
            }
            try {
                CollectorTokens.Caller caller = tokens.authenticate(token(ex));
                List<Map<String, Object>> rows = health.health(caller.accountId()).stream().map(IngestionEndpoint::healthJson).toList();
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("account_id", caller.accountId());
                body.put("connectors", rows);
                send(ex, 200, body);
            } catch (AuthenticationException e) {
                ex.getResponseHeaders().add("WWW-Authenticate", "Bearer");
                send(ex, 401, error("unauthenticated", e.getMessage()));
            } catch (RuntimeException | Error e) {
                internal(ex, e);
            }
        }
    }

    private void internal(HttpExchange ex, Throwable e) throws IOException {
        String reference = UUID.randomUUID().toString();
        LOG.error("Request {} {} failed (reference {})", ex.getRequestMethod(), ex.getRequestURI().getPath(), reference, e);
        Map<String, Object> body = error("internal", "The request failed on the server; quote reference " + reference);
        body.put("reference", reference);
        send(ex, 500, body);
    }

    private static BearerToken token(HttpExchange ex) {
        String header = ex.getRequestHeaders().getFirst("Authorization");
        return BearerToken.fromAuthorizationHeader(header).orElseThrow(() -> new AuthenticationException(
                "Collector token refused: send it as 'Authorization: Bearer lsc_…'"));
    }

    private byte[] readBody(HttpExchange ex) throws IOException {
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > maxBodyBytes) {
                    throw new TooLarge();
                }
            } catch (NumberFormatException e) {
                throw ValidationException.of("request", "Content-Length", length, "is not a number");
            }
        }
        String encoding = ex.getRequestHeaders().getFirst("Content-Encoding");
        InputStream in = ex.getRequestBody();
        if (encoding != null && !encoding.isBlank() && !encoding.equalsIgnoreCase("identity")) {
            if (!encoding.trim().toLowerCase(Locale.ROOT).equals("gzip")) {
                throw ValidationException.of("request", "Content-Encoding", encoding, "only gzip is supported");
            }
            try {
                in = new GZIPInputStream(in, 1 << 16);
            } catch (ZipException | java.io.EOFException e) {
                throw ValidationException.of("request body", null, null, "is not valid gzip: " + e.getMessage());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        int n;
        try {
            while ((n = in.read(buf)) != -1) {
                if (out.size() + n > maxBodyBytes) {
                    throw new TooLarge();
                }
                out.write(buf, 0, n);
            }
        } catch (ZipException | java.io.EOFException e) {
            throw ValidationException.of("request body", null, null, "is not valid gzip: " + e.getMessage());
        }
        return out.toByteArray();
    }

    /**
     * Reads and discards what is left of a refused request body (up to a bound), so the client, still
     * sending, reads the answer instead of a reset connection.
     */
    private void drain(HttpExchange ex) {
        byte[] buf = new byte[1 << 16];
        long left = Math.max(maxBodyBytes * 4, 64L * 1024 * 1024);
        try (InputStream in = ex.getRequestBody()) {
            int n;
            while (left > 0 && (n = in.read(buf)) != -1) {
                left -= n;
            }
        } catch (IOException e) {
            LOG.debug("Discarding the rest of a refused request body failed: {}", e.toString());
        }
        if (left <= 0) {
            ex.getResponseHeaders().set("Connection", "close");
        }
    }

    private void send(HttpExchange ex, int status, Object body) throws IOException {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            bytes = "{\"error\":\"internal\"}".getBytes(StandardCharsets.UTF_8);
            status = 500;
        }
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(bytes);
        }
        LOG.debug("{} {} -> {}", ex.getRequestMethod(), ex.getRequestURI().getPath(), status);
    }

    private static Map<String, Object> error(String code, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", code);
        m.put("message", message);
        return m;
    }

    private static Map<String, Object> problems(ValidationException e) {
        Map<String, Object> m = error("invalid_push", e.getMessage());
        m.put("total_problems", e.totalProblems());
        m.put("problems", e.problems().stream().map(IngestionEndpoint::problemJson).toList());
        return m;
    }

    private static Map<String, Object> problemJson(Problem p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("location", p.location());
        m.put("field", p.field());
        m.put("value", p.value());
        m.put("message", p.message());
        return m;
    }

    static Map<String, Object> receiptJson(PushReceipt r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("extraction_id", r.extractionId());
        m.put("account_id", r.accountId());
        m.put("table", r.table().fullName());
        m.put("record_count", r.recordCount());
        m.put("rows_appended", r.rowsAppended());
        m.put("checksum", r.checksum());
        m.put("status", r.status().name());
        m.put("received_at", r.receivedAt().toString());
        m.put("already_ingested", r.alreadyIngested());
        return m;
    }

    private static Map<String, Object> healthJson(ConnectorHealth h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("connector_id", h.connectorId());
        m.put("table", h.table().fullName());
        m.put("status", h.status().name());
        m.put("last_push_at", h.lastPushAt() == null ? null : h.lastPushAt().toString());
        m.put("rows", h.rows());
        m.put("watermark", h.watermark() == null ? null : h.watermark().toString());
        m.put("last_rejection", h.rejection().map(r -> Map.of("at", r.rejectedAt().toString(), "reason", r.reason()))
                .orElse(null));
        return m;
    }

    /** The body is over the limit. */
    private static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super(null, null, false, false);
        }
    }

    /** Configures and starts an {@link IngestionEndpoint}. */
    public static final class Builder {
        private IngestionSink sink;
        private CollectorTokens tokens;
        private ConnectorHealthService health;
        private InetAddress address = InetAddress.getLoopbackAddress();
        private int port;
        private long maxBodyBytes = 64L * 1024 * 1024;
        private int threads = 8;

        private Builder() {
        }

        /** Where pushes go (core's ingestion service). */
        public Builder sink(IngestionSink sink) {
            this.sink = sink;
            return this;
        }

        /** Token checks for the status endpoint. */
        public Builder tokens(CollectorTokens tokens) {
            this.tokens = tokens;
            return this;
        }

        /** Connector health for the status endpoint. */
        public Builder health(ConnectorHealthService health) {
            this.health = health;
            return this;
        }

        /** The address to bind (default the loopback address). */
        public Builder address(InetAddress address) {
            this.address = Objects.requireNonNull(address, "address");
            return this;
        }

        /** The port (default 0: a free port). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** The largest push accepted, after decompression (default 64 MiB). */
        public Builder maxBodyBytes(long maxBodyBytes) {
            if (maxBodyBytes < 1024) {
                throw new IllegalArgumentException("maxBodyBytes must be at least 1024, was " + maxBodyBytes);
            }
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /** Request threads (default 8). */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, was " + threads);
            }
            this.threads = threads;
            return this;
        }

        /**
         * Starts the endpoint.
         *
         * @throws java.io.UncheckedIOException when the port cannot be bound
         */
        public IngestionEndpoint start() {
            try {
                return new IngestionEndpoint(this);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("Cannot listen on " + address.getHostAddress() + ":" + port
                        + ": " + e.getMessage(), e);
            }
        }
    }
}
