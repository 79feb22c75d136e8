package dev.lakesentry.core.ingest;

import dev.lakesentry.api.AuthenticationException;
import dev.lakesentry.api.ConflictException;
import dev.lakesentry.api.ValidationException;
import dev.lakesentry.api.push.BearerToken;
import dev.lakesentry.api.push.Extraction;
import dev.lakesentry.api.push.ExtractionMode;
import dev.lakesentry.api.push.IngestionSink;
import dev.lakesentry.api.push.PushEnvelope;
import dev.lakesentry.api.push.PushReceipt;
import dev.lakesentry.api.push.ReceiptStatus;
import dev.lakesentry.api.push.Rejection;
import dev.lakesentry.api.store.DuplicateExtractionException;
import dev.lakesentry.api.store.RawReader;
import dev.lakesentry.api.store.RawWriter;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingestion stage: authenticates the collector's token, validates the push whole, and appends it
 * to the raw layer in one transaction together with its registry entry and its touched days (the
 * transformation queue). A repeat of an ingested extraction id with the same checksum is answered
 * with the original receipt and writes nothing; the same id with another checksum is a conflict. A
 * snapshot identical to the table's previous snapshot is recorded without appending its rows again.
 */
public final class IngestionService implements IngestionSink {
    private static final Logger LOG = LoggerFactory.getLogger(IngestionService.class);

    private final CollectorTokens tokens;
    private final RawReader rawReader;
    private final RawWriter rawWriter;
    private final PushValidator validator = new PushValidator();
    private final Clock clock;

    public IngestionService(CollectorTokens tokens, RawReader rawReader, RawWriter rawWriter, Clock clock) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.rawReader = Objects.requireNonNull(rawReader, "rawReader");
        this.rawWriter = Objects.requireNonNull(rawWriter, "rawWriter");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public PushReceipt push(PushEnvelope envelope, BearerToken token) {
        Objects.requireNonNull(envelope, "envelope");
        CollectorTokens.Caller caller = tokens.authenticate(token);
        if (!caller.accountId().equals(envelope.accountId()) || !caller.connectorId().equals(envelope.connectorId())) {
            throw new AuthenticationException("Collector token refused: token " + caller.tokenId()
                    + " was not issued for connector '" + envelope.connectorId() + "' of account '"
                    + envelope.accountId() + "'");
        }
        return accept(envelope);
    }

    /** Validates and appends a push the host itself produced (an import), without a collector token. */
    PushReceipt accept(PushEnvelope envelope) {
        Optional<PushReceipt> repeat = repeatOf(envelope);
        if (repeat.isPresent()) {
            return repeat.get();
        }
        PushValidator.ValidPush valid;
        try {
            valid = validator.validate(envelope);
        } catch (ValidationException e) {
            rawWriter.recordRejection(new Rejection(envelope.connectorId(), envelope.accountId(), envelope.table(),
                    envelope.extractionId(), e.getMessage(), clock.instant()));
            LOG.warn("Refused push {} of {} from connector '{}': {} problem(s)", envelope.extractionId(),
                    envelope.table().fullName(), envelope.connectorId(), e.totalProblems());
            throw e;
        }

        ReceiptStatus status = ReceiptStatus.APPENDED;
        if (envelope.mode() == ExtractionMode.SNAPSHOT) {
            boolean unchanged = rawReader.latestSnapshot(envelope.accountId(), envelope.table())
                    .filter(previous -> previous.checksum().equals(envelope.checksum()))
                    .isPresent();
            if (unchanged) {
                status = ReceiptStatus.SNAPSHOT_UNCHANGED;
            }
        }
        try {
            Extraction registered = rawWriter.append(envelope, status, clock.instant(), valid.touchedDays());
            LOG.info("Ingested {} of {}: {} record(s), {} row(s) appended, status {}", envelope.extractionId(),
                    envelope.table().fullName(), envelope.recordCount(), registered.rowsAppended(), status);
            return registered.receipt();
        } catch (DuplicateExtractionException raced) {
            return answerRepeat(envelope, raced.existing());
        }
    }

    private Optional<PushReceipt> repeatOf(PushEnvelope envelope) {
        return rawReader.extraction(envelope.extractionId()).map(existing -> answerRepeat(envelope, existing));
    }

    private static PushReceipt answerRepeat(PushEnvelope envelope, Extraction existing) {
        if (!existing.accountId().equals(envelope.accountId())) {
            throw new ConflictException("Extraction id '" + envelope.extractionId()
                    + "' is already used; choose another extraction id");
        }
        if (!existing.checksum().equals(envelope.checksum()) || existing.table() != envelope.table()) {
            throw new ConflictException("Extraction id '" + envelope.extractionId() + "' was ingested with checksum "
                    + existing.checksum() + " (" + existing.table().fullName() + "); this push has checksum "
                    + envelope.checksum() + " (" + envelope.table().fullName()
                    + "). A retry must re-send the saved batch unchanged; new data needs a new extraction id");
        }
        LOG.info("Push {} was ingested already at {}; answered with the original receipt", envelope.extractionId(),
                existing.receivedAt());
        return existing.receipt().asRepeat();
    }
}
