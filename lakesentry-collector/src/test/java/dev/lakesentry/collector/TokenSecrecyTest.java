package dev.lakesentry.collector;

import static dev.lakesentry.collector.Fixtures.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesentry.api.push.BearerToken;
import dev.lakesentry.collector.push.HttpPushClient;
import dev.lakesentry.collector.push.InProcessPushClient;
import dev.lakesentry.collector.push.RetryPolicy;
import dev.lakesentry.http.IngestionEndpoint;
import dev.lakesentry.testkit.emulator.DatabricksEmulator;
import dev.lakesentry.testkit.emulator.Fault;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Neither the Databricks token nor the collector token reaches a log line, a status file or a toString. */
class TokenSecrecyTest {
    static final String DATABRICKS_TOKEN = "dapi-SECRET-7f3a9c21e8b4d05f";

    @TempDir
    Path dir;

    @Test
    void tokensNeverAppearInLogsStatusOrToString() throws Exception {
        MutableClock clock = new MutableClock(Fixtures.NOW);
        TestIngestion ingestion = new TestIngestion(clock);
        BearerToken collectorToken = ingestion.issue("east", ACCOUNT);
        String collectorSecret = collectorToken.reveal().substring(collectorToken.reveal().indexOf('.') + 1);
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        String toStrings;
        try (DatabricksEmulator emulator = DatabricksEmulator.builder().clock(clock).token(DATABRICKS_TOKEN).rowsPerChunk(10).start();
             IngestionEndpoint endpoint = IngestionEndpoint.builder().sink(ingestion.service).tokens(ingestion.tokens)
                     .health(ingestion.health).start()) {
            emulator.load(Fixtures.region("east", "1234567890123456"));
            emulator.faults().next("POST", "/api/2.0/sql/statements", Fault.tooManyRequests(0))
                    .next("POST", "/api/2.0/sql/statements", Fault.internalError())
                    .next("GET", "/api/2.0/sql/statements/*/result/chunks/*", Fault.error(403, "PERMISSION_DENIED", "no"));
            CollectorConfig config = CollectorConfig.builder().host(emulator.url()).token(Secret.env("DBX_TOKEN"))
                    .warehouseId("wh-1").connectorId("east").accountId(ACCOUNT).primary(true).stateDirectory(dir)
                    .pollInterval(Duration.ofMillis(5)).build();
            HttpPushClient http = HttpPushClient.builder().baseUri(endpoint.uri()).token(collectorToken)
                    .retry(new RetryPolicy(3, Duration.ZERO, Duration.ZERO, d -> { })).build();
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try (Collector collector = Collector.builder(config).pushClient(http).clock(clock)
                    .retry(new RetryPolicy(3, Duration.ZERO, Duration.ZERO, d -> { }))
                    .environment(Map.of("DBX_TOKEN", DATABRICKS_TOKEN)::get).build()) {
                collector.runOnce();
                clock.advance(Duration.ofMinutes(15));
                collector.runOnce();
                // A refused token is logged as refused, never echoed.
                HttpPushClient wrong = HttpPushClient.builder().baseUri(endpoint.uri())
                        .token(new BearerToken(collectorToken.reveal() + "x")).retry(RetryPolicy.defaults()).build();
                try (Collector refused = Collector.builder(config).pushClient(wrong).clock(clock)
                        .checkpointStore(new dev.lakesentry.collector.checkpoint.FileCheckpointStore(dir.resolve("other")))
                        .environment(Map.of("DBX_TOKEN", DATABRICKS_TOKEN)::get).build()) {
                    assertThat(refused.runOnce().failed()).isTrue();
                }
                toStrings = config + " " + collector + " " + http + " " + new InProcessPushClient(ingestion.service, collectorToken)
                        + " " + Secret.value(DATABRICKS_TOKEN) + " " + collector.health() + " "
                        + CollectorConfig.builder().host("h").token(Secret.value(DATABRICKS_TOKEN)).warehouseId("w")
                        .connectorId("c").accountId("a").stateDirectory(dir).build();
            } finally {
                System.setErr(original);
            }
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("Collected system.billing.usage").contains("HTTP 500").contains("Retry POST")
                .contains("Collector token refused");
        assertThat(log).doesNotContain(DATABRICKS_TOKEN).doesNotContain(collectorToken.reveal()).doesNotContain(collectorSecret);
        assertThat(toStrings).doesNotContain(DATABRICKS_TOKEN).doesNotContain(collectorSecret).contains("****");
        String status = Files.readString(dir.resolve("status-east.json"));
        assertThat(status).doesNotContain(DATABRICKS_TOKEN).doesNotContain(collectorSecret);
        try (var files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f)).as(f.toString()).doesNotContain(DATABRICKS_TOKEN).doesNotContain(collectorSecret);
            }
        }
    }
}
