package dev.lakesentry.collector.push;

import dev.lakesentry.api.push.BearerToken;
import dev.lakesentry.api.push.IngestionSink;
import dev.lakesentry.api.push.PushEnvelope;
import dev.lakesentry.api.push.PushReceipt;
import java.util.Objects;

/**
 * Pushes to an {@link IngestionSink} in the same process (core's ingestion service), with the collector
 * token the host issued. No retry: an in-process failure is not transient.
 *
 * @since 0.1.0
 */
public final class InProcessPushClient implements PushClient {
    private final IngestionSink sink;
    private final BearerToken token;

    /** A client for this sink and collector token. */
    public InProcessPushClient(IngestionSink sink, BearerToken token) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.token = Objects.requireNonNull(token, "token");
    }

    @Override
    public PushReceipt push(PushEnvelope envelope, String json) {
        return sink.push(envelope, token);
    }

    @Override
    public String toString() {
        return "InProcessPushClient[sink=" + sink.getClass().getSimpleName() + ", token=" + token + "]";
    }
}
