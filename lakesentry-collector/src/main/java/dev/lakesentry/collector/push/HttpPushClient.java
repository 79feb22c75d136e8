package dev.lakesentry.collector.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lakesentry.api.AuthenticationException;
import dev.lakesentry.api.ConflictException;
import dev.lakesentry.api.ExternalServiceException;
import dev.lakesentry.api.Problem;
import dev.lakesentry.api.ValidationException;
import dev.lakesentry.api.push.BearerToken;
import dev.lakesentry.api.push.PushEnvelope;
import dev.lakesentry.api.push.PushReceipt;
import dev.lakesentry.api.push.ReceiptStatus;
import dev.lakesentry.api.push.SystemTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes to a LakeSentry ingestion endpoint ({@code POST /api/v1/ingest}) with the JDK's
 * {@code java.net.http} client: the saved bytes, gzip-compressed, with {@code Authorization: Bearer}.
 *
 * <p>429 (honouring {@code Retry-After} in seconds), 5xx and connection failures are retried with
 * exponential backoff up to the policy's attempts; 400 throws {@link ValidationException} with the
 * server's problems, 401 {@link AuthenticationException}, 409 {@link ConflictException}, any other 4xx
 * {@link ExternalServiceException}, none of them retried. The token is never logged.
 *
 * @since 0.1.0
 */
public final class HttpPushClient implements PushClient {
    private static final Logger LOG = LoggerFactory.getLogger(HttpPushClient.class);

    private final URI ingestUri;
    private final BearerToken token;
    private final RetryPolicy retry;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final boolean gzip;
    private final ObjectMapper json = new ObjectMapper();

    private HttpPushClient(Builder b) {
        URI base = Objects.requireNonNull(b.baseUri, "the ingestion endpoint's base URI is required");
        String s = base.toString();
        this.ingestUri = URI.create((s.endsWith("/") ? s.substring(0, s.length() - 1) : s) + "/api/v1/ingest");
        this.token = Objects.requireNonNull(b.token, "the collector token is required");
        this.retry = b.retry;
        this.requestTimeout = b.requestTimeout;
        this.gzip = b.gzip;
        this.http = b.http != null ? b.http : HttpClient.newBuilder().connectTimeout(b.connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A builder; {@link Builder#baseUri} and {@link Builder#token} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The URI pushes go to. */
    public URI ingestUri() {
        return ingestUri;
    }

    @Override
    public PushReceipt push(PushEnvelope envelope, String body) {
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        byte[] payload = gzip ? gzip(raw) : raw;
        HttpRequest.Builder request = HttpRequest.newBuilder(ingestUri)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Authorization", "Bearer " + token.reveal())
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload));
        if (gzip) {
            request.header("Content-Encoding", "gzip");
        }
        HttpRequest built = request.build();
        String what = "push " + envelope.extractionId() + " of " + envelope.table().fullName() + " to " + ingestUri;
        ExternalServiceException last = null;
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            Duration retryAfter = null;
            try {
                HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status == 200 || status == 201) {
                    PushReceipt receipt = receipt(response.body(), what);
                    LOG.debug("{} answered {} on attempt {}", what, status, attempt);
                    return receipt;
                }
                if (status == 429 || status >= 500) {
                    retryAfter = retryAfter(response).orElse(null);
                    last = new ExternalServiceException(what + " failed with HTTP " + status + ": "
                            + message(response.body()), status, null);
                } else {
                    throw refusal(status, response.body(), what);
                }
            } catch (IOException e) {
                last = new ExternalServiceException(what + " failed: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ExternalServiceException(what + " was interrupted", e);
            }
            if (attempt < retry.maxAttempts()) {
                Duration wait = retry.backoff(attempt, retryAfter);
                LOG.warn("{} (attempt {} of {}); retrying in {} ms", last.getMessage(), attempt, retry.maxAttempts(),
                        wait.toMillis());
                retry.pause(wait);
            }
        }
        throw new ExternalServiceException(last.getMessage() + " (gave up after " + retry.maxAttempts() + " attempts)",
                last.status().orElse(-1), last.getCause());
    }

    private RuntimeException refusal(int status, String body, String what) {
        return switch (status) {
            case 400 -> validation(body, what);
            case 401, 403 -> new AuthenticationException(what + " was refused (HTTP " + status + "): " + message(body));
            case 409 -> new ConflictException(what + " conflicts (HTTP 409): " + message(body));
            case 413 -> new ExternalServiceException(what + " is too large for the endpoint (HTTP 413); lower the "
                    + "collector's batch-size: " + message(body), 413, null);
            default -> new ExternalServiceException(what + " was refused with HTTP " + status + ": " + message(body),
                    status, null);
        };
    }

    private ValidationException validation(String body, String what) {
        List<Problem> problems = new ArrayList<>();
        int total = 0;
        try {
            JsonNode root = json.readTree(body);
            for (JsonNode p : root.path("problems")) {
                String location = textOrNull(p, "location");
                String message = textOrNull(p, "message");
                problems.add(new Problem(location == null || location.isBlank() ? what : location,
                        textOrNull(p, "field"), textOrNull(p, "value"), message == null ? "refused" : message));
            }
            total = root.path("total_problems").asInt(problems.size());
        } catch (IOException | RuntimeException e) {
            LOG.debug("The 400 answer to {} is not a problem list: {}", what, e.toString());
        }
        if (problems.isEmpty()) {
            problems.add(new Problem(what, null, null, "refused with HTTP 400: " + message(body)));
        }
        return new ValidationException(what, problems, Math.max(total, problems.size()));
    }

    private PushReceipt receipt(String body, String what) {
        try {
            JsonNode r = json.readTree(body);
            SystemTable table = SystemTable.byFullName(r.path("table").asText()).orElseThrow(() ->
                    new IllegalArgumentException("unknown table " + r.path("table")));
            return new PushReceipt(r.path("extraction_id").asText(), r.path("account_id").asText(), table,
                    r.path("record_count").asLong(), r.path("rows_appended").asLong(), r.path("checksum").asText(),
                    ReceiptStatus.valueOf(r.path("status").asText()), Instant.parse(r.path("received_at").asText()),
                    r.path("already_ingested").asBoolean(false));
        } catch (IOException | RuntimeException e) {
            throw new ExternalServiceException(what + " was accepted but its receipt does not parse: " + e.getMessage(),
                    e);
        }
    }

    private String message(String body) {
        if (body == null || body.isBlank()) {
            return "(no body)";
        }
        try {
            JsonNode n = json.readTree(body);
            if (n.hasNonNull("message")) {
                return n.get("message").asText();
            }
        } catch (IOException | RuntimeException e) {
            LOG.trace("Answer body is not JSON", e);
        }
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    private static String textOrNull(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v.trim())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 4 + 64);
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException("gzip in memory failed", e);
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return "HttpPushClient[" + ingestUri + ", token=" + token + "]";
    }

    /** Configures an {@link HttpPushClient}. */
    public static final class Builder {
        private URI baseUri;
        private BearerToken token;
        private RetryPolicy retry = RetryPolicy.defaults();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(120);
        private boolean gzip = true;
        private HttpClient http;

        private Builder() {
        }

        /** The endpoint's base URI, e.g. {@code https://lakesentry.example.com}; pushes go to {@code /api/v1/ingest}. */
        public Builder baseUri(URI baseUri) {
            this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
            return this;
        }

        /** The collector token the host issued for this connector. */
        public Builder token(BearerToken token) {
            this.token = Objects.requireNonNull(token, "token");
            return this;
        }

        /** Retries on 429, 5xx and connection failures (default {@link RetryPolicy#defaults()}). */
        public Builder retry(RetryPolicy retry) {
            this.retry = Objects.requireNonNull(retry, "retry");
            return this;
        }

        /** Connect timeout (default 10 s). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout, "connectTimeout");
            return this;
        }

        /** Timeout of one request, answer included (default 120 s). */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = Objects.requireNonNull(timeout, "requestTimeout");
            return this;
        }

        /** Whether request bodies are gzip-compressed (default true). */
        public Builder gzip(boolean gzip) {
            this.gzip = gzip;
            return this;
        }

        /** A JDK HTTP client to use instead of a new one (proxies, TLS settings). */
        public Builder httpClient(HttpClient http) {
            this.http = Objects.requireNonNull(http, "httpClient");
            return this;
        }

        /** The client. */
        public HttpPushClient build() {
            return new HttpPushClient(this);
        }
    }
}
