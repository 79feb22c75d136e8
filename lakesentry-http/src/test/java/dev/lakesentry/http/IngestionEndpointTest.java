package dev.lakesentry.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lakesentry.api.push.BearerToken;
import dev.lakesentry.api.push.PushEnvelope;
import dev.lakesentry.api.push.SourceRecord;
import dev.lakesentry.api.push.SystemTable;
import dev.lakesentry.api.push.WatermarkRange;
import dev.lakesentry.core.LakeSentry;
import dev.lakesentry.store.jdbc.JdbcStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP endpoint over the real ingestion service and embedded store, and a fuzz of mutated pushes. */
class IngestionEndpointTest {
    static final String ACCOUNT = "acc-1";

    private JdbcStore store;
    private LakeSentry lakeSentry;
    private IngestionEndpoint endpoint;
    private BearerToken token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() {
        store = JdbcStore.inMemory("http-" + UUID.randomUUID());
        lakeSentry = LakeSentry.builder().store(store)
                .clock(Clock.fixed(Instant.parse("2025-03-10T00:00:00Z"), ZoneOffset.UTC)).build();
        token = lakeSentry.tokens().issue("conn-1", ACCOUNT).token();
        endpoint = IngestionEndpoint.builder().sink(lakeSentry.ingestion()).tokens(lakeSentry.tokens())
                .health(lakeSentry.connectorHealth()).maxBodyBytes(256 * 1024).threads(4).start();
    }

    @AfterEach
    void stop() {
        endpoint.close();
        store.close();
    }

    static Map<String, Object> usage(String id) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("record_id", id);
        m.put("account_id", ACCOUNT);
        m.put("workspace_id", "1234");
        m.put("sku_name", "PREMIUM_JOBS_COMPUTE");
        m.put("cloud", "AWS");
        m.put("usage_start_time", "2025-03-04T10:00:00.000Z");
        m.put("usage_end_time", "2025-03-04T11:00:00.000Z");
        m.put("usage_date", "2025-03-04");
        m.put("usage_unit", "DBU");
        m.put("usage_quantity", "4.250000000000000000");
        m.put("record_type", "ORIGINAL");
        m.put("ingestion_date", "2025-03-04");
        return m;
    }

    static PushEnvelope envelope(String id, int records) {
        List<SourceRecord> rs = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            rs.add(SourceRecord.of(usage(id + "-" + i)));
        }
        return PushEnvelope.create(id, "conn-1", ACCOUNT, SystemTable.BILLING_USAGE,
                new WatermarkRange(null, Instant.parse("2025-03-04T00:00:00Z")), rs);
    }

    private HttpResponse<String> post(byte[] body, String auth, boolean gzip) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint.uri().resolve("/api/v1/ingest"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        if (gzip) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream z = new GZIPOutputStream(out)) {
                z.write(body);
            }
            body = out.toByteArray();
            b.header("Content-Encoding", "gzip");
        }
        return http.send(b.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(PushEnvelope e) throws IOException, InterruptedException {
        return post(e.toJson().getBytes(StandardCharsets.UTF_8), "Bearer " + token.reveal(), false);
    }

    @Test
    void answersEachOutcomeWithItsStatus() throws Exception {
        HttpResponse<String> created = post(envelope("e-1", 3));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode receipt = json.readTree(created.body());
        assertThat(receipt.get("rows_appended").asLong()).isEqualTo(3);
        assertThat(receipt.get("already_ingested").asBoolean()).isFalse();

        HttpResponse<String> repeat = post(envelope("e-1", 3));
        assertThat(repeat.statusCode()).isEqualTo(200);
        assertThat(json.readTree(repeat.body()).get("received_at").asText()).isEqualTo(receipt.get("received_at").asText());

        assertThat(post(envelope("e-1", 4)).statusCode()).isEqualTo(409);

        HttpResponse<String> zipped = post(envelope("e-2", 2).toJson().getBytes(StandardCharsets.UTF_8),
                "Bearer " + token.reveal(), true);
        assertThat(zipped.statusCode()).isEqualTo(201);

        assertThat(post(envelope("e-3", 1).toJson().getBytes(StandardCharsets.UTF_8), null, false).statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = post(envelope("e-3", 1).toJson().getBytes(StandardCharsets.UTF_8),
                "Bearer lsc_0123456789abcdef.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", false);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain("AAAAAAAAAAAAAAAA");

        HttpResponse<String> tooLarge = post(envelope("e-4", 2_000));
        assertThat(tooLarge.statusCode()).isEqualTo(413);

        String invalid = envelope("e-5", 2).toJson().replace("\"usage_quantity\":\"4.25", "\"usage_quantity\":\"four");
        HttpResponse<String> bad = post(invalid.getBytes(StandardCharsets.UTF_8), "Bearer " + token.reveal(), false);
        assertThat(bad.statusCode()).isEqualTo(400);
        JsonNode problems = json.readTree(bad.body());
        assertThat(problems.get("problems").size()).isPositive();
        assertThat(bad.body()).doesNotContain(token.reveal());

        assertThat(store.rawReader().rowCount(ACCOUNT, SystemTable.BILLING_USAGE)).isEqualTo(5);
    }

    @Test
    void statusShowsOnlyTheTokensAccount() throws Exception {
        post(envelope("e-1", 3));
        BearerToken other = lakeSentry.tokens().issue("conn-x", "other-account").token();
        HttpResponse<String> mine = http.send(HttpRequest.newBuilder(endpoint.uri().resolve("/api/v1/status"))
                .header("Authorization", "Bearer " + token.reveal()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(json.readTree(mine.body()).get("connectors").get(0).get("rows").asLong()).isEqualTo(3);
        HttpResponse<String> theirs = http.send(HttpRequest.newBuilder(endpoint.uri().resolve("/api/v1/status"))
                .header("Authorization", "Bearer " + other.reveal()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(json.readTree(theirs.body()).get("connectors").size()).isZero();
        assertThat(theirs.body()).doesNotContain(ACCOUNT);
    }

    @Test
    void aFuzzOfMutatedPushesGetsFourHundredsAndChangesNothing() throws Exception {
        String valid = envelope("fuzz", 4).toJson();
        Random random = new Random(20261124);
        String[] odd = {"\u0000", "\uD83D\uDE00", "\u202E", "\uFFFF", "é", "\\u0000", "\"", "\\"};
        int requests = 2_000;
        int[] statuses = new int[600];
        for (int i = 0; i < requests; i++) {
            String body;
            switch (i % 8) {
                case 0 -> body = valid.substring(0, random.nextInt(valid.length()));
                case 1 -> body = valid.replace("\"record_count\":4", "\"record_count\":" + (random.nextInt(2000) - 1000));
                case 2 -> body = valid.replace("\"usage_quantity\":\"4.25", "\"usage_quantity\":NaN");
                case 3 -> body = valid.replaceFirst("\"record_id\":\"fuzz-0\"", "\"record_id\":\"" + "x".repeat(random.nextInt(300_000)) + "\"");
                case 4 -> body = valid.replaceFirst("\"sku_name\":\"PREMIUM_JOBS_COMPUTE\"",
                        "\"sku_name\":\"" + odd[random.nextInt(odd.length)] + "\"");
                case 5 -> body = valid.replace("\"checksum\":\"", "\"checksum\":\"" + Integer.toHexString(random.nextInt()));
                case 6 -> body = valid.replaceFirst("\"" + List.of("extraction_id", "table", "mode", "records", "schema_version")
                        .get(random.nextInt(5)) + "\":", "\"x\":" + (random.nextBoolean() ? "[1,2]," : "null,") + "\"y\":");
                default -> {
                    char[] chars = valid.toCharArray();
                    int at = random.nextInt(chars.length);
                    chars[at] = (char) (32 + random.nextInt(90));
                    body = new String(chars).replace("\"record_count\":4", "\"record_count\":5");
                }
            }
            HttpResponse<String> r = post(body.getBytes(StandardCharsets.UTF_8), "Bearer " + token.reveal(), false);
            statuses[r.statusCode()]++;
            assertThat(r.statusCode()).as("request %d (%d): %s", i, i % 8, r.body()).isBetween(400, 499);
        }
        assertThat(store.rawReader().rowCount(ACCOUNT, SystemTable.BILLING_USAGE)).isZero();
        assertThat(store.rawReader().extractions(ACCOUNT)).isEmpty();
        assertThat(statuses[400] + statuses[413]).isEqualTo(requests);
    }
}
