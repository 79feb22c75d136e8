package dev.lakesentry.collector.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.lakesentry.api.AuthenticationException;
import dev.lakesentry.api.ConflictException;
import dev.lakesentry.api.ExternalServiceException;
import dev.lakesentry.api.ValidationException;
import dev.lakesentry.api.push.BearerToken;
import dev.lakesentry.api.push.PushEnvelope;
import dev.lakesentry.api.push.PushReceipt;
import dev.lakesentry.api.push.SourceRecord;
import dev.lakesentry.api.push.SystemTable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP push client against a scripted {@code com.sun.net.httpserver} stub. */
class HttpPushClientTest {
    static final BearerToken TOKEN = new BearerToken("lsc_0123456789abcdef.secret-secret-secret");
    static final PushEnvelope ENVELOPE = PushEnvelope.create("east.node_types.1", "east", "acc-1", SystemTable.NODE_TYPES,
            null, List.of(SourceRecord.of(Map.of("account_id", "acc-1", "node_type", "i3.xlarge", "memory_mb", 31232L))));

    record Answer(int status, String retryAfter, String body) {
    }

    record Seen(Map<String, List<String>> headers, String body) {
    }

    final Deque<Answer> script = new ArrayDeque<>();
    final List<Seen> seen = new ArrayList<>();
    final List<Duration> waits = new ArrayList<>();
    HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/ingest", ex -> {
            try (ex; InputStream in = new GZIPInputStream(ex.getRequestBody())) {
                synchronized (seen) {
                    seen.add(new Seen(Map.copyOf(ex.getRequestHeaders()), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
                Answer a = script.isEmpty() ? new Answer(500, null, "{}") : script.poll();
                if (a.retryAfter() != null) {
                    ex.getResponseHeaders().set("Retry-After", a.retryAfter());
                }
                byte[] b = a.body().getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(a.status(), b.length);
                ex.getResponseBody().write(b);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    HttpPushClient client(int attempts) {
        return HttpPushClient.builder().baseUri(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .token(TOKEN).retry(new RetryPolicy(attempts, Duration.ofMillis(1), Duration.ofMillis(4), waits::add))
                .requestTimeout(Duration.ofSeconds(5)).build();
    }

    static String receipt(boolean repeat) {
        return "{\"extraction_id\":\"east.node_types.1\",\"account_id\":\"acc-1\",\"table\":\"system.compute.node_types\","
                + "\"record_count\":1,\"rows_appended\":1,\"checksum\":\"" + ENVELOPE.checksum() + "\",\"status\":\"APPENDED\","
                + "\"received_at\":\"2025-03-10T12:00:00Z\",\"already_ingested\":" + repeat + "}";
    }

    @Test
    void retries429HonouringRetryAfterAnd5xxWithBackoffThenReturnsTheReceipt() {
        script.add(new Answer(429, "0", "{\"message\":\"slow down\"}"));
        script.add(new Answer(503, null, "{}"));
        script.add(new Answer(500, null, "{\"error\":\"internal\"}"));
        script.add(new Answer(200, null, receipt(true)));

        PushReceipt r = client(5).push(ENVELOPE, ENVELOPE.toJson());

        assertThat(r.alreadyIngested()).isTrue();
        assertThat(r.checksum()).isEqualTo(ENVELOPE.checksum());
        assertThat(seen).hasSize(4).allSatisfy(s -> {
            assertThat(s.body()).isEqualTo(ENVELOPE.toJson());
            assertThat(s.headers().get("Content-encoding")).containsExactly("gzip");
            assertThat(s.headers().get("Authorization")).containsExactly("Bearer " + TOKEN.reveal());
        });
        assertThat(waits).containsExactly(Duration.ZERO, Duration.ofMillis(2), Duration.ofMillis(4));
    }

    @Test
    void a400IsAValidationExceptionWithTheServersProblemsAndIsNotRetried() {
        script.add(new Answer(400, null, "{\"error\":\"invalid_push\",\"message\":\"refused\",\"total_problems\":2,\"problems\":["
                + "{\"location\":\"extraction 'e' record 0\",\"field\":\"memory_mb\",\"value\":\"x\",\"message\":\"expected a whole number\"},"
                + "{\"location\":\"extraction 'e'\",\"field\":\"checksum\",\"value\":null,\"message\":\"does not match\"}]}"));

        assertThatThrownBy(() -> client(5).push(ENVELOPE, ENVELOPE.toJson()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.totalProblems()).isEqualTo(2);
                    assertThat(e.problems()).extracting(p -> p.field()).containsExactly("memory_mb", "checksum");
                    assertThat(e.problems().get(0).message()).isEqualTo("expected a whole number");
                });
        assertThat(seen).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void a401IsAnAuthenticationExceptionAndA409AConflictNeitherRetried() {
        script.add(new Answer(401, null, "{\"error\":\"unauthenticated\",\"message\":\"Collector token refused\"}"));
        assertThatThrownBy(() -> client(5).push(ENVELOPE, ENVELOPE.toJson())).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("Collector token refused").hasMessageNotContaining("secret-secret");
        script.add(new Answer(409, null, "{\"error\":\"conflict\",\"message\":\"other checksum\"}"));
        assertThatThrownBy(() -> client(5).push(ENVELOPE, ENVELOPE.toJson())).isInstanceOf(ConflictException.class)
                .hasMessageContaining("other checksum");
        script.add(new Answer(413, null, "{\"message\":\"too big\"}"));
        assertThatThrownBy(() -> client(5).push(ENVELOPE, ENVELOPE.toJson())).isInstanceOf(ExternalServiceException.class)
                .hasMessageContaining("batch-size");
        assertThat(seen).hasSize(3);
        assertThat(waits).isEmpty();
    }

    @Test
    void givesUpAfterTheLastAttemptWithTheLastStatus() {
        for (int i = 0; i < 3; i++) {
            script.add(new Answer(503, null, "{\"message\":\"unavailable\"}"));
        }
        assertThatThrownBy(() -> client(3).push(ENVELOPE, ENVELOPE.toJson()))
                .isInstanceOfSatisfying(ExternalServiceException.class, e -> {
                    assertThat(e.status()).hasValue(503);
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).contains("gave up after 3 attempts");
                });
        assertThat(seen).hasSize(3);
    }

    @Test
    void connectionFailuresAreRetried() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        HttpPushClient c = HttpPushClient.builder().baseUri(URI.create("http://127.0.0.1:" + closedPort))
                .token(TOKEN).retry(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(4), waits::add))
                .connectTimeout(Duration.ofSeconds(1)).build();
        assertThatThrownBy(() -> c.push(ENVELOPE, ENVELOPE.toJson())).isInstanceOf(ExternalServiceException.class)
                .hasMessageContaining("gave up after 3 attempts");
        assertThat(waits).hasSize(2);
        assertThat(c.toString()).doesNotContain("secret-secret");
    }
}
