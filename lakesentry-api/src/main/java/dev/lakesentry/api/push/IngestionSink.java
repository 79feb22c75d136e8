package dev.lakesentry.api.push;

/**
 * Where a collector pushes in process. Core implements it with the ingestion service; an HTTP push
 * client implements the same contract over the wire.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface IngestionSink {

    /**
     * Authenticates, validates and appends a push, whole or not at all.
     *
     * @return the receipt; for a repeat of an ingested extraction id with the same checksum, the
     *         original receipt marked {@code alreadyIngested}
     * @throws dev.lakesentry.api.AuthenticationException if the token is unknown, revoked or of another account
     * @throws dev.lakesentry.api.ValidationException     listing every problem found, when the push is invalid
     * @throws dev.lakesentry.api.ConflictException       if the extraction id was used with another checksum
     */
    PushReceipt push(PushEnvelope envelope, BearerToken token);
}
