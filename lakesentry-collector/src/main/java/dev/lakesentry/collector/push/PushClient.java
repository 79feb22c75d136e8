package dev.lakesentry.collector.push;

import dev.lakesentry.api.push.PushEnvelope;
import dev.lakesentry.api.push.PushReceipt;

/**
 * Hands one saved batch to ingestion and returns its acknowledgement. The collector advances a checkpoint
 * only after this returns.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface PushClient {

    /**
     * Pushes a batch.
     *
     * @param envelope the batch
     * @param json     the exact saved text of the batch, {@code envelope.toJson()}; an HTTP client sends
     *                 these bytes, so a retry is byte for byte the original
     * @return ingestion's receipt; a repeat is answered with {@code alreadyIngested}
     * @throws dev.lakesentry.api.ValidationException     when ingestion refused the batch (not retried)
     * @throws dev.lakesentry.api.AuthenticationException when the collector token was refused (not retried)
     * @throws dev.lakesentry.api.ConflictException       when the extraction id was used with another checksum
     * @throws dev.lakesentry.api.ExternalServiceException when ingestion could not be reached or kept failing
     */
    PushReceipt push(PushEnvelope envelope, String json);
}
