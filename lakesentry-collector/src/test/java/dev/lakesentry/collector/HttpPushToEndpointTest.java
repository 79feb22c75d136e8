package dev.lakesentry.collector;

import static dev.lakesentry.collector.Fixtures.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesentry.api.AuthenticationException;
import dev.lakesentry.api.ConflictException;
import dev.lakesentry.api.ValidationException;
import dev.lakesentry.api.push.BearerToken;
import dev.lakesentry.api.push.PushEnvelope;
import dev.lakesentry.api.push.PushReceipt;
import dev.lakesentry.api.push.SystemTable;
import dev.lakesentry.collector.push.HttpPushClient;
import dev.lakesentry.collector.push.RetryPolicy;
import dev.lakesentry.http.IngestionEndpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The HTTP push client against the real {@code lakesentry-http} ingestion endpoint over core's ingestion. */
class HttpPushToEndpointTest {

    @Test
    void newRepeatInvalidUnauthenticatedAndConflictingPushes() {
        TestIngestion ingestion = new TestIngestion(new MutableClock(Fixtures.NOW));
        BearerToken token = ingestion.issue("east", ACCOUNT);
        List<Duration> waits = new ArrayList<>();
        try (IngestionEndpoint endpoint = IngestionEndpoint.builder().sink(ingestion.service).tokens(ingestion.tokens)
                .health(ingestion.health).start()) {
            HttpPushClient client = HttpPushClient.builder().baseUri(endpoint.uri()).token(token)
                    .retry(new RetryPolicy(3, Duration.ZERO, Duration.ZERO, waits::add)).build();
            PushEnvelope envelope = PushEnvelope.create("east.node_types.a", "east", ACCOUNT, SystemTable.NODE_TYPES, null,
                    Fixtures.nodeTypes());

            PushReceipt first = client.push(envelope, envelope.toJson());
            PushReceipt repeat = client.push(envelope, envelope.toJson());
            assertThat(first.alreadyIngested()).isFalse();
            assertThat(first.rowsAppended()).isEqualTo(3);
            assertThat(repeat.alreadyIngested()).isTrue();
            assertThat(repeat.receivedAt()).isEqualTo(first.receivedAt());

            PushEnvelope other = PushEnvelope.create("east.node_types.a", "east", ACCOUNT, SystemTable.NODE_TYPES, null,
                    Fixtures.nodeTypes().subList(0, 2));
            assertThatThrownBy(() -> client.push(other, other.toJson())).isInstanceOf(ConflictException.class);

            PushEnvelope tampered = new PushEnvelope("east.node_types.b", "east", ACCOUNT, SystemTable.NODE_TYPES,
                    envelope.mode(), null, 1, 3, envelope.checksum(), Fixtures.nodeTypes().subList(0, 2));
            assertThatThrownBy(() -> client.push(tampered, tampered.toJson()))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                            .extracting(p -> p.field()).contains("recordCount", "checksum"));

            HttpPushClient stranger = HttpPushClient.builder().baseUri(endpoint.uri())
                    .token(new BearerToken("lsc_0000000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).build();
            assertThatThrownBy(() -> stranger.push(envelope, envelope.toJson())).isInstanceOf(AuthenticationException.class);
            assertThat(waits).isEmpty();
        }
    }
}
